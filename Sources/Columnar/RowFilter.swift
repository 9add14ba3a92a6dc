/// One row condition of `where`: `COL=VALUE`, `COL!=VALUE` or `COL~TEXT` (contains).
///
/// Values are compared as the column's type: an integer column matches `Year=2020` by value, a
/// double column `x=1.50` matches 1.5, a date column takes an ISO date, a period column a
/// period label of its frequency, a boolean column `true`/`false`, a text column the exact
/// text. `COL=` (empty value) keeps the null rows. A null is not equal to any value, so
/// `COL!=VALUE` keeps the null rows and `COL=VALUE` drops them. `~` compares the text the
/// writers print (`2020-03-01`, `1.5`) and is case-sensitive. Several filters are AND-ed.
public struct RowFilter: Sendable, Equatable, Hashable, CustomStringConvertible {
  public enum Comparison: String, Sendable, Hashable {
    case equals = "="
    case notEquals = "!="
    case contains = "~"
  }

  /// Column name as written by the user (a header, or an alias an indicator resolves).
  public var column: String
  public var comparison: Comparison
  public var value: String

  public init(column: String, comparison: Comparison, value: String) {
    self.column = column
    self.comparison = comparison
    self.value = value
  }

  /// Parses `COL=VALUE`, `COL!=VALUE` or `COL~TEXT`; the first operator splits.
  public init(parsing text: String) throws(RowFilterError) {
    guard let index = text.firstIndex(where: { $0 == "=" || $0 == "~" || $0 == "!" }) else { throw .malformed(text) }
    let name = String(text[..<index])
    var rest = text[index...]
    let comparison: Comparison
    if rest.hasPrefix("!=") {
      comparison = .notEquals
      rest = rest.dropFirst(2)
    } else if rest.hasPrefix("=") {
      comparison = .equals
      rest = rest.dropFirst()
    } else if rest.hasPrefix("~") {
      comparison = .contains
      rest = rest.dropFirst()
    } else {
      throw .malformed(text)
    }
    guard !name.isEmpty else { throw .malformed(text) }
    self.init(column: name, comparison: comparison, value: String(rest))
  }

  public var description: String { column + comparison.rawValue + value }

  /// Which rows of `column` satisfy the condition.
  /// - Throws: ``RowFilterError/badValue(filter:expected:)`` when the value cannot be read as
  ///   the column's type.
  public func mask(_ column: AnyColumn) throws(RowFilterError) -> [Bool] {
    let rows = 0..<column.count
    if comparison == .contains {
      return rows.map { column.text(at: $0)?.contains(value) ?? false }
    }
    let wanted = comparison == .equals
    if value.isEmpty { return rows.map { column.isValid($0) != wanted } }
    let hits: [Bool]
    switch column {
    case .int64(let values):
      guard let number = Int64(value) else { throw .badValue(filter: description, expected: "an integer") }
      hits = rows.map { values[$0] == number }
    case .double(let values):
      guard let number = Double(value), number.isFinite else { throw .badValue(filter: description, expected: "a number") }
      hits = rows.map { values[$0] == number }
    case .bool(let values):
      guard value == "true" || value == "false" else { throw .badValue(filter: description, expected: "true or false") }
      hits = rows.map { values[$0] == (value == "true") }
    case .string(let strings):
      hits = rows.map { strings[$0] == value }
    case .date(let days):
      guard let parsed = try? PeriodParser.parse(value), parsed.period.frequency == .daily else {
        throw .badValue(filter: description, expected: "an ISO date (YYYY-MM-DD)")
      }
      hits = rows.map { days[$0].map(Int.init) == parsed.period.ordinal }
    case .period(let periods, let frequency):
      guard let parsed = try? PeriodParser.parse(value, as: frequency) else {
        throw .badValue(filter: description, expected: "a period label of frequency \(frequency.rawValue)")
      }
      hits = rows.map { periods[$0] == parsed.period }
    }
    // A null never equals a value: `=` drops it, `!=` keeps it.
    return rows.map { column.isValid($0) ? hits[$0] == wanted : !wanted }
  }

  /// The rows of `table` that satisfy every filter, in order.
  ///
  /// - Parameter resolve: maps a filter's column to a header of `table` (indicator aliases such
  ///   as `route`); by default the name itself.
  /// - Throws: ``RowFilterError`` for an unknown column, a value of the wrong type, or when no
  ///   row is left: the error names the filter and shows a few values of its column.
  public static func apply(
    _ filters: [RowFilter], to table: Table, resolve: (String) -> String? = { $0 }
  ) throws(RowFilterError) -> Table {
    guard !filters.isEmpty else { return table }
    let keep = try mask(filters, table, resolve: resolve)
    do { return try table.filter(Column(keep)) } catch { preconditionFailure("mask has the table's row count") }
  }

  /// Which rows of `table` satisfy every filter (all `true` without filters); throws as
  /// ``apply(_:to:resolve:)`` does, so a mask is never all `false`.
  public static func mask(
    _ filters: [RowFilter], _ table: Table, resolve: (String) -> String? = { $0 }
  ) throws(RowFilterError) -> [Bool] {
    var keep = [Bool](repeating: true, count: table.rowCount)
    for filter in filters {
      guard let name = resolve(filter.column), let column = try? table.column(name) else {
        throw .unknownColumn(filter: filter.description, available: table.schema.names)
      }
      let mask = try filter.mask(column)
      let before = keep.reduce(0) { $0 + ($1 ? 1 : 0) }
      for row in 0..<keep.count where keep[row] { keep[row] = mask[row] }
      if !keep.contains(true) {
        throw .noMatch(filter: filter.description, column: name, examples: examples(column), rows: before)
      }
    }
    return keep
  }

  /// Up to five distinct values of `column`, in order of first appearance.
  static func examples(_ column: AnyColumn) -> [String] {
    var seen: [String] = []
    for row in 0..<column.count {
      let text = column.text(at: row) ?? "(blank)"
      if !seen.contains(text) { seen.append(text) }
      if seen.count == 5 { break }
    }
    return seen
  }
}

/// A `where` filter that cannot be applied.
public enum RowFilterError: Error, Equatable, Sendable, CustomStringConvertible {
  case malformed(String)
  case unknownColumn(filter: String, available: [String])
  case badValue(filter: String, expected: String)
  case noMatch(filter: String, column: String, examples: [String], rows: Int)

  public var description: String {
    switch self {
    case .malformed(let text): "filter '\(text)' must be COL=VALUE, COL!=VALUE or COL~TEXT"
    case .unknownColumn(let filter, let available):
      "filter '\(filter)': no such column (columns: \(available.joined(separator: ", ")))"
    case .badValue(let filter, let expected): "filter '\(filter)': the value must be \(expected)"
    case .noMatch(let filter, let column, let examples, let rows):
      "filter '\(filter)' matches none of the \(rows) rows left; \(column) has values such as \(examples.map { "'\($0)'" }.joined(separator: ", ")) (check the spelling, or use \(column)~TEXT)"
    }
  }
}

extension RowFilter: Decodable {
  /// Decodes the text form (`"FLUJO=Ingresos"`).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      try self.init(parsing: text)
    } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
    }
  }
}
