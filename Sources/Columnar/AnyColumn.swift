/// A column of any of the ``DataType``s; the unit a ``Table`` stores.
public enum AnyColumn: Sendable, Equatable {
  case int64(Column<Int64>)
  case double(Column<Double>)
  case bool(Column<Bool>)
  case string(StringColumn)
  case date(Column<Int32>)
  case period(Column<Period>, Frequency)

  /// The column's type.
  public var dataType: DataType {
    switch self {
    case .int64: .int64
    case .double: .double
    case .bool: .bool
    case .string: .string
    case .date: .date
    case .period(_, let frequency): .period(frequency)
    }
  }

  /// Number of rows.
  public var count: Int {
    switch self {
    case .int64(let column): column.count
    case .double(let column): column.count
    case .bool(let column): column.count
    case .string(let column): column.count
    case .date(let column): column.count
    case .period(let column, _): column.count
    }
  }

  /// Number of null rows.
  public var nullCount: Int {
    switch self {
    case .int64(let column): column.nullCount
    case .double(let column): column.nullCount
    case .bool(let column): column.nullCount
    case .string(let column): column.nullCount
    case .date(let column): column.nullCount
    case .period(let column, _): column.nullCount
    }
  }

  /// Whether `row` holds a value.
  public func isValid(_ row: Int) -> Bool {
    switch self {
    case .int64(let column): column.isValid(row)
    case .double(let column): column.isValid(row)
    case .bool(let column): column.isValid(row)
    case .string(let column): column.codes.isValid(row)
    case .date(let column): column.isValid(row)
    case .period(let column, _): column.isValid(row)
    }
  }

  /// Rows in `indices` order.
  public func take(_ indices: [Int]) -> AnyColumn {
    switch self {
    case .int64(let column): .int64(column.take(indices))
    case .double(let column): .double(column.take(indices))
    case .bool(let column): .bool(column.take(indices))
    case .string(let column): .string(column.take(indices))
    case .date(let column): .date(column.take(indices))
    case .period(let column, let frequency): .period(column.take(indices), frequency)
    }
  }

  /// The text of `row` as written by Cifra's writers: ISO dates and periods, `true`/`false`,
  /// shortest round-trip decimal for doubles; `nil` for a null row.
  public func text(at row: Int) -> String? {
    switch self {
    case .int64(let column): column[row].map { String($0) }
    case .double(let column): column[row].map { formatDouble($0) }
    case .bool(let column): column[row].map { $0 ? "true" : "false" }
    case .string(let column): column[row]
    case .date(let column): column[row].map { CivilDate.isoString(days: Int($0)) }
    case .period(let column, _): column[row].map { $0.description }
    }
  }
}

/// Shortest text that reads back as the same `Double` (Swift's round-trip `description`),
/// with integral values written without `.0` and no exponent below 1e16.
public func formatDouble(_ value: Double) -> String {
  if value.isNaN { return "NaN" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  if value == value.rounded(), abs(value) < 1e16 {
    return value == 0 ? (value.sign == .minus ? "-0" : "0") : String(Int64(value))
  }
  return value.description
}
