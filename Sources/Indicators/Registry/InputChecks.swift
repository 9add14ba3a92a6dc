import Columnar

/// What to do with repeated identifiers in a table whose rows are units (incidents, cases).
public enum DuplicatePolicy: String, Sendable, CaseIterable, Codable {
  /// A repeated identifier is an error naming it and its rows.
  case error
  /// Keep the first row of each identifier, drop the repeats, and say how many (a warning).
  case drop
}

/// Checks of input values that the quantities themselves impose.
public enum InputCheck {
  /// A value that cannot be what it claims, or a repeated unit.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
  }

  /// Fails when a value of `columns` is negative (`what` says why it cannot be): the column,
  /// the data row (1-based) and the value.
  public static func nonNegative(_ table: Table, _ columns: [String], what: String) throws(InputCheck.Failure) {
    for name in columns {
      guard let values = try? table.doubles(name) else { continue }
      for row in 0..<values.count {
        if let value = values[row], value < 0 {
          throw Failure(
            message: "column '\(name)', data row \(row + 1): \(formatDouble(value)) is negative, and \(what) cannot be")
        }
      }
    }
  }

  /// Applies `policy` to repeated values of the identifier column `id` (nulls are not
  /// identifiers and are not compared). Returns the table (repeats dropped with `.drop`) and a
  /// warning when something was dropped.
  public static func uniqueUnits(
    _ table: Table, id: String, units: String, policy: DuplicatePolicy
  ) throws(InputCheck.Failure) -> (Table, IndicatorWarning?) {
    guard let column = try? table.column(id) else { return (table, nil) }
    var first: [String: Int] = [:]
    var repeats: [(id: String, first: Int, row: Int)] = []
    for row in 0..<table.rowCount {
      guard let text = column.text(at: row) else { continue }
      if let earlier = first[text] { repeats.append((text, earlier, row)) } else { first[text] = row }
    }
    guard let example = repeats.first else { return (table, nil) }
    let items = repeats.map { "'\($0.id)' (data rows \($0.first + 1) and \($0.row + 1))" }
    let examples = items.prefix(3)
    switch policy {
    case .error:
      throw Failure(
        message:
          "column '\(id)': \(repeats.count) repeated \(units) id(s), e.g. \(examples.joined(separator: ", ")); rows are \(units), so an id may appear once (or set duplicates to drop to keep the first row of each)"
      )
    case .drop:
      let dropped = Set(repeats.map(\.row))
      let kept = (0..<table.rowCount).filter { !dropped.contains($0) }
      _ = example
      return (
        table.take(kept),
        IndicatorWarning.listing(items, separator: ", ") { count, examples in
          "\(count) row(s) repeat an \(units) id and were dropped (the first row of each id is kept), e.g. \(examples)"
        }
      )
    }
  }
}
