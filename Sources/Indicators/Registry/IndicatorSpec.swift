import Columnar

/// What a computation does with null inputs.
public enum NullPolicy: String, Sendable {
  /// Null rows are left out (sums, counts, shares).
  case skip
  /// A null input row gives a null output row (element-wise measures).
  case propagate
}

/// One input an indicator reads, by role. The role is the name of the command-line option
/// and of the refresh-spec key that gives it (`input` is the positional FILE).
public struct InputRole: Sendable, Equatable {
  /// How the input is given to the indicator.
  public enum Kind: String, Sendable {
    /// A table read with the command's CSV options.
    case table
    /// A table read with its own fixed options (weights, calendars), not the command's.
    case auxiliaryTable
    /// An audit spec (TOML), parsed into ``AuditItem``s before the computation.
    case auditSpec
  }

  public let name: String
  public let kind: Kind
  /// What the input holds (one line, for docs and help).
  public let summary: String
  public let repeatable: Bool

  public init(_ name: String, _ summary: String) {
    self.init(name, .table, summary)
  }

  public init(_ name: String, _ kind: Kind, _ summary: String, repeatable: Bool = false) {
    self.name = name
    self.kind = kind
    self.summary = summary
    self.repeatable = repeatable
  }
}

/// Metadata for one indicator: drives `cifra sdg list`, the CLI help, refresh, the docs and
/// the conformance test.
public struct IndicatorSpec: Sendable, Identifiable, Equatable {
  /// Stable id, e.g. `sdg-10.7.3`: the refresh spec's `indicator = "…"`.
  public let id: String
  /// Command path under `cifra` (`["sdg", "10.7.3"]`).
  public let command: [String]
  /// SDG indicator code (`10.7.3`), or `nil` for national or auxiliary indicators.
  public let sdgCode: String?
  /// UN SDG Global Database series codes (`SM_DTH_MIGR`); the first is the default series.
  public let seriesCodes: [String]
  /// Names and one-paragraph definitions in Spanish and English.
  public let nameES: String
  public let nameEN: String
  public let definitionES: String
  public let definitionEN: String
  /// SDMX `UNIT_MEASURE` code: `NUMBER`, `PT` (percent), `PER_100000_POP`.
  public let unit: String
  /// The inputs the indicator reads, by role.
  public let inputs: [InputRole]
  /// Formats the result can be written in.
  public let formats: Set<OutputFormat>
  /// Null policy.
  public let nulls: NullPolicy
  /// Where the definition comes from.
  public let reference: String
  /// The guide in docs/indicators/.
  public let guide: String
  /// Whether ``Indicator/sql(_:options:)`` gives a query (`cifra sql`, `refresh --emit-sql`).
  public let hasSQLForm: Bool
  /// One-line summary (the command's abstract).
  public let abstract: String
  /// Details and examples (the command's `--help` discussion).
  public let discussion: String

  public init(
    id: String, command: [String], sdgCode: String? = nil, seriesCodes: [String] = [], nameES: String, nameEN: String,
    definitionES: String, definitionEN: String, unit: String, inputs: [InputRole], formats: Set<OutputFormat>,
    nulls: NullPolicy, reference: String, guide: String, hasSQLForm: Bool, abstract: String, discussion: String
  ) {
    self.id = id
    self.command = command
    self.sdgCode = sdgCode
    self.seriesCodes = seriesCodes
    self.nameES = nameES
    self.nameEN = nameEN
    self.definitionES = definitionES
    self.definitionEN = definitionEN
    self.unit = unit
    self.inputs = inputs
    self.formats = formats
    self.nulls = nulls
    self.reference = reference
    self.guide = guide
    self.hasSQLForm = hasSQLForm
    self.abstract = abstract
    self.discussion = discussion
  }

  /// The default UN series code, if any.
  public var seriesCode: String? { seriesCodes.first }

  /// Formats for tables with no observation layout.
  public static let tableFormats: Set<OutputFormat> = [.csv, .json, .table]
  /// Every format.
  public static let allFormats = Set(OutputFormat.allCases)
  /// Every format but SDMX-CSV: for results that are no UN SDG series.
  public static let allButSDMX = allFormats.subtracting([.sdmx])
}

extension IndicatorSpec {
  /// The spec of a plain table result (commands that are not indicators, such as `diff`).
  public static let tableSpec = IndicatorSpec(
    id: "table", command: [], nameES: "", nameEN: "", definitionES: "", definitionEN: "", unit: "NUMBER", inputs: [],
    formats: tableFormats, nulls: .skip, reference: "", guide: "", hasSQLForm: false, abstract: "", discussion: "")
}
