/// An in-memory columnar table: a ``Schema`` plus one ``AnyColumn`` per field.
///
/// Invariant: every column has `rowCount` rows and the type of its field.
public struct Table: Sendable, Equatable {
  /// Names and types.
  public let schema: Schema
  /// Columns in schema order.
  public let columns: [AnyColumn]
  /// Number of rows.
  public let rowCount: Int

  /// A table from named columns. Throws on duplicate names or unequal lengths.
  public init(_ named: [(String, AnyColumn)]) throws(ColumnError) {
    schema = try Schema(named.map { Field($0.0, $0.1.dataType) })
    columns = named.map(\.1)
    rowCount = columns.first?.count ?? 0
    for column in columns where column.count != rowCount {
      throw .lengthMismatch(expected: rowCount, actual: column.count)
    }
  }

  /// An empty table (no columns, no rows).
  public static let empty: Table = try! Table([])

  /// The column named `name`.
  public func column(_ name: String) throws(ColumnError) -> AnyColumn {
    columns[try schema.index(of: name)]
  }

  /// The `Double` column named `name`; `int64` columns are widened exactly when |x| ≤ 2^53.
  public func doubles(_ name: String) throws(ColumnError) -> Column<Double> {
    switch try column(name) {
    case .double(let column): return column
    case .int64(let column):
      for row in 0..<column.count where column.isValid(row) && abs(column.values[row]) > 1 << 53 {
        throw .typeMismatch(column: name, expected: "a number exactly representable as double", actual: .int64)
      }
      return Column(column.values.map { Double($0) }, validity: column.validity)
    case let other: throw .typeMismatch(column: name, expected: "a number", actual: other.dataType)
    }
  }

  /// The string column named `name`.
  public func strings(_ name: String) throws(ColumnError) -> StringColumn {
    guard case .string(let column) = try column(name) else {
      throw .typeMismatch(column: name, expected: "string", actual: try column(name).dataType)
    }
    return column
  }

  /// Columns named in `names`, in that order.
  public func select(_ names: [String]) throws(ColumnError) -> Table {
    var named: [(String, AnyColumn)] = []
    for name in names { named.append((name, try column(name))) }
    return try Table(named)
  }

  /// Rows in `indices` order (a gather).
  public func take(_ indices: [Int]) -> Table {
    try! Table(zip(schema.names, columns.map { $0.take(indices) }).map { ($0, $1) })
  }

  /// Rows where `mask` is `true`; a null mask row counts as `false`.
  public func filter(_ mask: Column<Bool>) throws(ColumnError) -> Table {
    guard mask.count == rowCount else { throw .lengthMismatch(expected: rowCount, actual: mask.count) }
    var indices: [Int] = []
    for row in 0..<rowCount where mask[row] == true { indices.append(row) }
    return take(indices)
  }

  /// A copy with `column` appended (or replacing the column of the same name).
  public func with(_ name: String, _ column: AnyColumn) throws(ColumnError) -> Table {
    var named = Array(zip(schema.names, columns))
    if let index = named.firstIndex(where: { $0.0 == name }) {
      named[index] = (name, column)
    } else {
      named.append((name, column))
    }
    return try Table(named.map { ($0.0, $0.1) })
  }
}
