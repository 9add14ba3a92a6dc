import Columnar

/// The SQL engines Cifra emits queries for (`cifra sql --dialect`).
///
/// Only constructs the three share are used (CTEs, window-free self-joins, `REGR_SLOPE`,
/// `EXTRACT`, `||`, `CAST`); what differs — identifier quoting, string escapes, type names, how
/// a query stops with an error — is spelled here, once.
public enum SQLDialect: String, Sendable, CaseIterable, Codable, Hashable {
  case duckdb
  case spark
  case postgres

  /// `name` as a quoted identifier: `"a ""b"""` (DuckDB, PostgreSQL) or `` `a ``b` `` (Spark).
  public func identifier(_ name: String) -> String {
    switch self {
    case .spark: return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    case .duckdb, .postgres: return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
  }

  /// `text` as a string literal. Spark reads backslash escapes in literals, so a backslash is
  /// doubled there; a quote is doubled everywhere.
  public func literal(_ text: String) -> String {
    var body = text.replacingOccurrences(of: "'", with: "''")
    if self == .spark { body = body.replacingOccurrences(of: "\\", with: "\\\\") }
    return "'" + body + "'"
  }

  /// The 64-bit float type.
  public var doubleType: String { self == .postgres ? "DOUBLE PRECISION" : "DOUBLE" }
  /// The text type.
  public var textType: String {
    switch self {
    case .duckdb: return "VARCHAR"
    case .spark: return "STRING"
    case .postgres: return "TEXT"
    }
  }
  /// The 64-bit integer type.
  public var integerType: String { "BIGINT" }

  /// A double constant that reads back as exactly `value` (a plain `1.96` is a DECIMAL in all
  /// three engines; the text cast keeps every digit of the shortest round-trip form).
  public func double(_ value: Double) -> String {
    precondition(value.isFinite, "SQL constants are finite")
    return "CAST(\(literal("\(value)")) AS \(doubleType))"
  }

  /// `expression` as a double.
  public func asDouble(_ expression: String) -> String { "CAST(\(expression) AS \(doubleType))" }
  /// `expression` as text.
  public func asText(_ expression: String) -> String { "CAST(\(expression) AS \(textType))" }
  /// `expression` as a 64-bit integer.
  public func asInteger(_ expression: String) -> String { "CAST(\(expression) AS \(integerType))" }

  /// `EXTRACT(field FROM CAST(expression AS DATE))` as an integer (PostgreSQL's is NUMERIC).
  public func datePart(_ field: String, of expression: String) -> String {
    asInteger("EXTRACT(\(field) FROM CAST(\(expression) AS DATE))")
  }

  /// An expression that stops the query with `message` when evaluated (DuckDB `error`, Spark
  /// `raise_error`), used as `CASE WHEN bad THEN … END`; `nil` for PostgreSQL, which has no
  /// such function (its queries leave those checks out, docs/scale-out.md).
  public func stopExpression(_ message: String) -> String? {
    switch self {
    case .duckdb: return "error(\(literal("cifra: " + message)))"
    case .spark: return "raise_error(\(literal("cifra: " + message)))"
    case .postgres: return nil
    }
  }

  /// `⌊a / b⌋` as an integer, for a positive constant `b` (exact for ordinals below 2^53).
  public func floorDivide(_ a: String, by b: Int) -> String {
    asInteger("FLOOR(\(asDouble(a)) / \(b))")
  }
}

/// Where the rows of an emitted query come from.
public enum SQLSource: Sendable, Hashable {
  /// A table or view of the engine (`mx.remesas`, written as given: dots separate schema parts).
  case table(String)
  /// A CSV file read by the engine itself (DuckDB only: `read_csv(...)`).
  case csvFile(String)

  /// A path ending in `.csv` (any case) is a file, anything else a table name.
  public init(_ text: String) {
    self = text.lowercased().hasSuffix(".csv") || text.lowercased().hasSuffix(".csv.gz") ? .csvFile(text) : .table(text)
  }

  /// The `FROM` item for `dialect`; `encoding` is the file's when it is not UTF-8
  /// (`windows-1252`), which DuckDB's `read_csv` refuses (its `latin-1` rejects 0x80–0x9F).
  /// - Throws: ``OptionError`` (`source`) for a file in an engine that reads tables only, or a
  ///   table name that is no dotted list of plain names.
  public func fromItem(_ dialect: SQLDialect, encoding: String? = nil) throws(OptionError) -> String {
    switch self {
    case .csvFile(let path):
      guard dialect == .duckdb else {
        throw OptionError(
          "source", "\(dialect.rawValue) reads a table, not a file: load \(path) as a table or view first (docs/scale-out.md), and give its name")
      }
      if let encoding {
        throw OptionError(
          "source", "\(path) is \(encoding), and DuckDB's read_csv reads UTF-8: convert it first (iconv -f \(encoding.uppercased()) -t UTF-8), or load it as a table")
      }
      // No BOOLEAN among the candidate types: DuckDB would read yes/no as true/false, which
      // Cifra reads as the texts yes/no (an RPW `transparent = no` must stay `no`).
      return "read_csv(\(dialect.literal(path)), header = true, auto_detect = true, auto_type_candidates = ['BIGINT', 'DOUBLE', 'DATE', 'VARCHAR'])"
    case .table(let name):
      let parts = name.split(separator: ".", omittingEmptySubsequences: false)
      guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else {
        throw OptionError("source", "'\(name)' is no table name (letters, digits and _ , parts joined by dots) nor a .csv file")
      }
      return parts.map { dialect.identifier(String($0)) }.joined(separator: ".")
    }
  }
}

/// What an indicator's SQL builder is asked for: the engine and the source of the rows.
public struct SQLRequest: Sendable {
  public var dialect: SQLDialect
  public var source: SQLSource
  /// The source's column names, when Cifra could read its header: indicators that find their
  /// columns by name (an IOM export's layout) need them.
  public var columns: [String]?
  /// The source file's encoding when it is not UTF-8 (`windows-1252`).
  public var encoding: String?
  /// Auxiliary tables by input role, read by Cifra and written into the query (the agency
  /// non-working days of the in-time share: role `non-working`).
  public var tables: [String: [Table]]
  /// The years a business-day calendar written into the query covers (a date outside them
  /// stops the query).
  public var calendarYears: ClosedRange<Int>
  /// A table holding the calendar (``SQLCalendar/script(_:table:)``), used instead of writing
  /// it into the query.
  public var calendarTable: String?

  /// The years a calendar covers unless told: 1990–2050.
  public static let defaultCalendarYears = 1990...2050

  public init(
    dialect: SQLDialect, source: SQLSource, columns: [String]? = nil, encoding: String? = nil, tables: [String: [Table]] = [:],
    calendarYears: ClosedRange<Int> = SQLRequest.defaultCalendarYears, calendarTable: String? = nil
  ) {
    self.dialect = dialect
    self.source = source
    self.columns = columns
    self.encoding = encoding
    self.tables = tables
    self.calendarYears = calendarYears
    self.calendarTable = calendarTable
  }

  /// The `FROM` item of the source.
  public func fromItem() throws(OptionError) -> String { try source.fromItem(dialect, encoding: encoding) }
}
