/// How a result table maps to statistical observations (SDMX-CSV, Open SDG).
///
/// The indicator that computes a result knows what its rows are — which column is the period,
/// which the value, which breakdown is a DSD dimension (and in which code list), which area the
/// figures describe — so it states that here, and the writers refuse what it does not state
/// rather than fill a default (methodology.md §6.1–6.4).
public struct ObservationLayout: Sendable, Equatable {
  /// UN SDG series code (`SM_DTH_MIGR`); `nil` for results that are not an SDG series.
  public var series: String?
  /// Why there is no series (named in the refusal to write SDMX), e.g. "the UN SDG database
  /// has no 500 USD series".
  public var noSeriesReason: String?
  /// SDMX `UNIT_MEASURE` code (`NUMBER`, `PT`, `PER_100000_POP`).
  public var unit: String
  /// Column holding the period (written as `TIME_PERIOD` / `Year`).
  public var timeColumn: String
  /// Column holding the value (`OBS_VALUE` / `Value`).
  public var valueColumn: String
  /// Breakdown columns: Open SDG disaggregations; in SDMX each must be a ``dimensions`` source
  /// (or is written as a custom column only when asked).
  public var breakdowns: [String]
  /// DSD dimensions filled from breakdown columns (e.g. corridor → REF_AREA and CUST_BREAKDOWN).
  public var dimensions: [DimensionSource]
  /// M49 code of the area every observation describes, when the indicator knows it from the
  /// data (`1` for world totals); `nil` when only the user can say (`--ref-area`).
  public var referenceArea: String?
  /// Optional boolean column: `true` → `OBS_STATUS = P` (provisional), else `A`.
  public var provisionalColumn: String?
  /// Periods (as written in `TIME_PERIOD`) that are incomplete, with the `COMMENT_OBS` to write;
  /// they are also marked provisional (`P`), never normal.
  public var partialPeriods: [String: String]
  /// `BASE_PER` of index outputs (the base period, e.g. `2015`).
  public var basePeriod: String?
  /// Open SDG column names for breakdowns (`cause` → `Cause of death`, as the ONS platform).
  public var openSDGNames: [String: String]
  /// Open SDG spellings of breakdown values where the platform's differ (`Violence / abuse` style).
  public var openSDGValues: [String: String]
  /// `AGENCY:ID(VERSION)` of the dataflow.
  public var dataflow: String
  /// Human-readable unit for Open SDG (`Number`, `Percentage (%)`).
  public var unitLabel: String

  /// A layout; `dataflow` defaults to the UN SDG harmonized global dataflow at the version seen
  /// in 2026 (override it: flow versions move). No reference area unless the data gives one.
  public init(
    series: String?, unit: String, timeColumn: String, valueColumn: String, breakdowns: [String] = [],
    dimensions: [DimensionSource] = [], referenceArea: String? = nil, provisionalColumn: String? = nil,
    dataflow: String = "IAEG-SDGs:DF_SDG_GLH(1.24)"
  ) {
    self.series = series
    self.unit = unit
    self.timeColumn = timeColumn
    self.valueColumn = valueColumn
    self.breakdowns = breakdowns
    self.dimensions = dimensions
    self.referenceArea = referenceArea
    self.provisionalColumn = provisionalColumn
    self.partialPeriods = [:]
    self.openSDGNames = [:]
    self.openSDGValues = [:]
    self.dataflow = dataflow
    switch unit {
    case "PT": unitLabel = "Percentage (%)"
    case "PER_100000_POP": unitLabel = "Per 100,000 population"
    default: unitLabel = "Number"
    }
  }
}

/// One DSD dimension filled from a result column.
public struct DimensionSource: Sendable, Equatable {
  /// How a cell becomes a code of the dimension's code list.
  public enum Coding: Sendable, Equatable {
    /// The cell is already the code.
    case asIs
    /// An ISO 3166-1 alpha-3 code, written as its M49 code (`MEX` → `484`); a numeric M49
    /// code is kept.
    case m49
    /// An ISO alpha-3 code, written as the custom-breakdown code `C` + M49 (`MEX` → `C484`),
    /// the convention of the SDG database's corridor series (methodology.md §1.2).
    case customM49
    /// A 6-letter RPW corridor (`USAMEX`): its sending half as M49 (`840`).
    case corridorSending
    /// A 6-letter RPW corridor: its receiving half as `C` + M49 (`C484`).
    case corridorReceiving
  }

  /// The DSD dimension (`REF_AREA`, `CUST_BREAKDOWN`, `SEX`, …).
  public let dimension: String
  /// The result column it comes from.
  public let column: String
  public let coding: Coding

  public init(_ dimension: String, from column: String, coding: Coding = .asIs) {
    self.dimension = dimension
    self.column = column
    self.coding = coding
  }
}
