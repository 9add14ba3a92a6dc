/// The driver used to solve a least-squares problem.
public enum LeastSquaresDriver: String, Sendable, CaseIterable {
  /// QR factorisation (LAPACK `dgels`); throws when a diagonal element of R is exactly zero.
  case qr
  /// SVD (LAPACK `dgelsd`); detects numerical rank deficiency with `rcond`.
  case svd
}

/// Least-squares coefficients for several right-hand sides that share one design matrix.
///
/// Solves `min ‖A·x_j − b_j‖₂` for every column `b_j` of `rhs` with one LAPACK call
/// (`dgels` or `dgelsd`). `rhs` is `A.rows × k` column-major; the result is `A.columns × k`.
/// With `.svd`, singular values below `rcond · σ_max` count as zero and a rank below
/// `A.columns` throws ``LinearAlgebraError/rankDeficient(rank:columns:)``.
/// - Precondition: `A.rows >= A.columns` and `rhs.rows == A.rows`.
/// - Throws: ``LinearAlgebraError`` for rank deficiency or failure to converge.
/// - Complexity: O(rows · columns² + rows · columns · k).
public func leastSquares(
  _ design: Matrix, _ rhs: Matrix, driver: LeastSquaresDriver = .svd, rcond: Double = 1e-12
) throws(LinearAlgebraError) -> Matrix {
  precondition(design.rows >= design.columns, "leastSquares: needs rows ≥ columns (\(design.rows) < \(design.columns))")
  precondition(rhs.rows == design.rows, "leastSquares: rhs rows \(rhs.rows) ≠ design rows \(design.rows)")
  let m = try blasInt(design.rows)
  let n = try blasInt(design.columns)
  let k = try blasInt(rhs.columns)
  guard design.columns > 0, rhs.columns > 0 else { return Matrix(rows: design.columns, columns: rhs.columns) }
  var a = design.storage
  var b = rhs.storage
  let lda = max(m, 1)
  let ldb = max(m, 1)
  var info: Int32 = 0
  var rank: Int32 = n
  switch driver {
  case .qr:
    info = a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        LAPACK.dgels(m: m, n: n, nrhs: k, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb)
      }
    }
    if info > 0 { throw .rankDeficient(rank: Int(info) - 1, columns: design.columns) }
  case .svd:
    var singular = [Double](repeating: 0, count: design.columns)
    info = a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        singular.withUnsafeMutableBufferPointer { sp in
          LAPACK.dgelsd(
            m: m, n: n, nrhs: k, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
            singularValues: sp.baseAddress!, rcond: rcond, rank: &rank)
        }
      }
    }
    if info > 0 { throw .noConvergence(offDiagonals: Int(info)) }
  }
  if info < 0 { throw .illegalArgument(position: Int(-info)) }
  if rank < n { throw .rankDeficient(rank: Int(rank), columns: design.columns) }
  var solution = Matrix(rows: design.columns, columns: rhs.columns)
  for column in 0..<rhs.columns {
    for row in 0..<design.columns {
      solution[row, column] = b[column * design.rows + row]
    }
  }
  return solution
}

/// Least-squares coefficients for one right-hand side; see ``leastSquares(_:_:driver:rcond:)-(Matrix,Matrix,_,_)``.
public func leastSquares(
  _ design: Matrix, _ rhs: [Double], driver: LeastSquaresDriver = .svd, rcond: Double = 1e-12
) throws(LinearAlgebraError) -> [Double] {
  let solution = try leastSquares(
    design, Matrix(rows: rhs.count, columns: 1, columnMajor: rhs), driver: driver, rcond: rcond)
  return solution.storage
}
