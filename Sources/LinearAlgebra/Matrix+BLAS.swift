extension Matrix {
  /// Matrix–vector product `A·x` or `Aᵀ·x` (BLAS `dgemv`).
  ///
  /// - Precondition: `x.count` equals `columns` (or `rows` when `transposed`).
  /// - Complexity: O(rows · columns).
  public func multiplied(by x: [Double], transposed: Bool = false) throws(LinearAlgebraError) -> [Double] {
    let inner = transposed ? rows : columns
    let outer = transposed ? columns : rows
    precondition(x.count == inner, "Matrix.multiplied(by:): vector length \(x.count) ≠ \(inner)")
    var y = [Double](repeating: 0, count: outer)
    guard outer > 0 else { return y }
    guard inner > 0 else { return y }
    let m = try blasInt(rows)
    let n = try blasInt(columns)
    storage.withUnsafeBufferPointer { a in
      x.withUnsafeBufferPointer { xs in
        y.withUnsafeMutableBufferPointer { ys in
          BLAS.dgemv(
            transpose: transposed, rows: m, columns: n, alpha: 1, a: a.baseAddress!,
            x: xs.baseAddress!, beta: 0, y: ys.baseAddress!)
        }
      }
    }
    return y
  }

  /// Matrix product `op(A)·op(B)` (BLAS `dgemm`), `op` = transpose when asked.
  ///
  /// - Precondition: inner dimensions agree.
  /// - Complexity: O(m · n · k).
  public func multiplied(
    by other: Matrix, transposeSelf: Bool = false, transposeOther: Bool = false
  ) throws(LinearAlgebraError) -> Matrix {
    let m = transposeSelf ? columns : rows
    let k = transposeSelf ? rows : columns
    let kOther = transposeOther ? other.columns : other.rows
    let n = transposeOther ? other.rows : other.columns
    precondition(k == kOther, "Matrix.multiplied(by:): inner dimensions \(k) and \(kOther) differ")
    var result = Matrix(rows: m, columns: n)
    guard m > 0, n > 0, k > 0 else { return result }
    let (m32, n32, k32) = (try blasInt(m), try blasInt(n), try blasInt(k))
    let lda = try blasInt(max(rows, 1))
    let ldb = try blasInt(max(other.rows, 1))
    storage.withUnsafeBufferPointer { a in
      other.storage.withUnsafeBufferPointer { b in
        result.storage.withUnsafeMutableBufferPointer { c in
          BLAS.dgemm(
            transposeA: transposeSelf, transposeB: transposeOther, m: m32, n: n32, k: k32, alpha: 1,
            a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb, beta: 0, c: c.baseAddress!,
            ldc: m32)
        }
      }
    }
    return result
  }

  /// The Gram matrix `AᵀA` (BLAS `dsyrk`), returned full (both triangles filled).
  ///
  /// An empty matrix (no rows) gives a zero `columns × columns` matrix.
  /// - Complexity: O(rows · columns²).
  public func gram() throws(LinearAlgebraError) -> Matrix {
    var result = Matrix(rows: columns, columns: columns)
    guard columns > 0, rows > 0 else { return result }
    let n = try blasInt(columns)
    let k = try blasInt(rows)
    storage.withUnsafeBufferPointer { a in
      result.storage.withUnsafeMutableBufferPointer { c in
        BLAS.dsyrkTransposed(n: n, k: k, alpha: 1, a: a.baseAddress!, lda: k, beta: 0, c: c.baseAddress!, ldc: n)
      }
    }
    for column in 0..<columns {
      for row in (column + 1)..<max(columns, column + 1) where row < columns {
        result[row, column] = result[column, row]
      }
    }
    return result
  }
}
