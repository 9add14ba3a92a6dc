/// Errors from table and column operations on user data.
public enum ColumnError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No column has this name.
  case unknownColumn(String, available: [String])
  /// Two columns share a name.
  case duplicateColumn(String)
  /// Column lengths differ.
  case lengthMismatch(expected: Int, actual: Int)
  /// A column has the wrong type for the operation.
  case typeMismatch(column: String, expected: String, actual: DataType)
  /// A period appears twice within a group (row is 0-based in the table).
  case duplicatePeriod(group: String, period: String)
  /// A period column mixes frequencies or a label was not understood.
  case badPeriod(column: String, row: Int, detail: String)
  /// The table's values do not allow the operation (the message names the column and rows).
  /// A cell whose text is not what it must be (`row` from 0).
  case badValue(column: String, row: Int, text: String, expected: String)
  case invalid(String)

  public var description: String {
    switch self {
    case .unknownColumn(let name, let available):
      "no column named '\(name)' (columns: \(available.map { "'\($0)'" }.joined(separator: ", ")))"
    case .duplicateColumn(let name):
      "duplicate column name '\(name)'"
    case .lengthMismatch(let expected, let actual):
      "column length \(actual) does not match \(expected)"
    case .typeMismatch(let column, let expected, let actual):
      "column '\(column)' is \(actual), expected \(expected)"
    case .duplicatePeriod(let group, let period):
      group.isEmpty
        ? "period \(period) appears more than once"
        : "period \(period) appears more than once in group \(group)"
    case .badPeriod(let column, let row, let detail):
      "column '\(column)', row \(row + 1): \(detail)"
    case .badValue(let column, let row, let text, let expected): "column '\(column)', row \(row + 1): cannot read '\(text)' as \(expected)"
    case .invalid(let message): message
    }
  }
}
