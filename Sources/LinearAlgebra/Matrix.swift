/// A dense matrix of `Double` stored column-major (LAPACK's native order).
///
/// Element `(row, column)` lives at `storage[column * rows + row]`.
public struct Matrix: Equatable, Sendable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// Column-major elements; `storage.count == rows * columns`.
  public var storage: [Double]

  /// A matrix of zeros.
  public init(rows: Int, columns: Int) {
    precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)x\(columns)")
    self.rows = rows
    self.columns = columns
    self.storage = [Double](repeating: 0, count: rows * columns)
  }

  /// A matrix over column-major `storage`.
  public init(rows: Int, columns: Int, columnMajor storage: [Double]) {
    precondition(storage.count == rows * columns, "Matrix: storage count \(storage.count) ≠ \(rows)x\(columns)")
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// A matrix from rows given as arrays (convenience for tests and small systems).
  public init(rowMajor values: [[Double]]) {
    let rows = values.count
    let columns = values.first?.count ?? 0
    var storage = [Double](repeating: 0, count: rows * columns)
    for (row, line) in values.enumerated() {
      precondition(line.count == columns, "Matrix: ragged row \(row)")
      for (column, value) in line.enumerated() { storage[column * rows + row] = value }
    }
    self.init(rows: rows, columns: columns, columnMajor: storage)
  }

  /// Element access.
  public subscript(row: Int, column: Int) -> Double {
    get { storage[column * rows + row] }
    set { storage[column * rows + row] = newValue }
  }
}
