import Columnar

/// What an indicator computes: the table, how it maps to observations, the headline, and
/// what the user should know about it.
public struct IndicatorResult: Sendable {
  /// The result rows.
  public var table: Table
  /// Period, value, breakdowns and unit of the table (SDMX-CSV, Open SDG, charts); `nil`
  /// when the table is not a series of observations.
  public var layout: ObservationLayout?
  /// Totals without breakdowns (Open SDG headline rows).
  public var headline: Table?
  /// Warnings for stderr, typed.
  public var warnings: [IndicatorWarning]
  /// Checks that failed in a way that should make the command exit 1 after printing (audit).
  public var failedChecks: Int
  /// Whether no row is a meaningful answer (an audit listing only mismatches, and none). When
  /// `false`, a result with no row from inputs with rows is an error (exit 1), never printed.
  public var emptyIsAnswer = false
  /// Columns that hold counts or identifiers (events, population, trials): written exactly,
  /// never rounded by `--decimals`, which is for the measures.
  public var countColumns: Set<String> = []

  public init(
    table: Table, layout: ObservationLayout? = nil, headline: Table? = nil, warnings: [IndicatorWarning] = [],
    failedChecks: Int = 0
  ) {
    self.table = table
    self.layout = layout
    self.headline = headline
    self.warnings = warnings
    self.failedChecks = failedChecks
  }
}

/// A warning about a result: its kind, how many rows or periods it concerns, a few examples,
/// and the line printed for people.
public struct IndicatorWarning: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    /// A note of the computation (incomplete periods dropped, zero bases, YTD span).
    case note
    /// Rows whose stated total differs from the sum of their parts; kept as stated.
    case statedTotalMismatch = "stated_total_mismatch"
    /// Rows with a negative count, kept or excluded by policy.
    case negativeCount = "negative_count"
    /// Rows with no count at all.
    case unknownCount = "unknown_count"
    /// A summary of checks (audit); printed without the `warning:` prefix.
    case summary
  }

  public let kind: Kind
  public let count: Int
  public let examples: [String]
  /// The line for people (count, examples, fix).
  public let message: String
  /// Every item the warning counts (rows, periods, series), listed by `--verbose`; empty when
  /// the line says it all.
  public let details: [String]

  public init(_ kind: Kind, count: Int = 1, examples: [String] = [], details: [String] = [], message: String) {
    self.kind = kind
    self.count = count
    self.examples = examples
    self.details = details
    self.message = message
  }

  /// A warning about `items`: counted, the first three as examples (`a; b; c; …`), each one
  /// kept in ``details`` for `--verbose`; `message` is given the count and the examples text.
  public static func listing(
    _ items: [String], kind: Kind = .note, separator: String = "; ", message: (_ count: Int, _ examples: String) -> String
  ) -> IndicatorWarning {
    let examples = items.prefix(3).joined(separator: separator) + (items.count > 3 ? separator + "…" : "")
    return IndicatorWarning(kind, count: items.count, examples: Array(items.prefix(3)), details: items.count > 3 ? items : [], message: message(items.count, examples))
  }

  /// A note of the computation, from an engine's text.
  public static func note(_ message: String) -> IndicatorWarning { IndicatorWarning(.note, message: message) }

  public var description: String { message }
}
