/// How a result table maps to statistical observations (SDMX-CSV, Open SDG).
public struct ObservationLayout: Sendable, Equatable {
  /// UN SDG series code (`SM_DTH_MIGR`); `nil` for results without one (growth rates).
  public var series: String?
  /// SDMX `UNIT_MEASURE` code (`NUMBER`, `PT`, `PER_100000_POP`).
  public var unit: String
  /// Column holding the period (written as `TIME_PERIOD` / `Year`).
  public var timeColumn: String
  /// Column holding the value (`OBS_VALUE` / `Value`).
  public var valueColumn: String
  /// Breakdown columns (written after the DSD dimensions in SDMX, as disaggregations in Open SDG).
  public var breakdowns: [String]
  /// Optional boolean column: `true` → `OBS_STATUS = P` (provisional), else `A`.
  public var provisionalColumn: String?
  /// `AGENCY:ID(VERSION)` of the dataflow.
  public var dataflow: String
  /// M49 code of the reference area (484 = Mexico).
  public var referenceArea: String
  /// Human-readable unit for Open SDG (`Number`, `Percentage (%)`).
  public var unitLabel: String

  /// A layout; `dataflow` defaults to the UN SDG harmonized global dataflow at the version seen
  /// in 2026 (override it: flow versions move), `referenceArea` to Mexico.
  public init(
    series: String?, unit: String, timeColumn: String, valueColumn: String, breakdowns: [String] = [],
    provisionalColumn: String? = nil, dataflow: String = "IAEG-SDGs:DF_SDG_GLH(1.24)", referenceArea: String = "484"
  ) {
    self.series = series
    self.unit = unit
    self.timeColumn = timeColumn
    self.valueColumn = valueColumn
    self.breakdowns = breakdowns
    self.provisionalColumn = provisionalColumn
    self.dataflow = dataflow
    self.referenceArea = referenceArea
    switch unit {
    case "PT": unitLabel = "Percentage (%)"
    case "PER_100000_POP": unitLabel = "Per 100,000 population"
    default: unitLabel = "Number"
    }
  }
}
