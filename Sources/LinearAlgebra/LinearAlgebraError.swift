/// A failure reported by a BLAS/LAPACK routine through its `info` result or a shape check.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Argument `position` (1-based) had an illegal value (`info < 0`): a wrapper bug.
  case illegalArgument(position: Int)
  /// The matrix is rank-deficient: `dgels` found an exactly zero diagonal element at `index`
  /// (1-based), or `dgelsd` found effective rank `rank` below the column count.
  case rankDeficient(rank: Int, columns: Int)
  /// The SVD in `dgelsd` failed to converge (`info > 0`).
  case noConvergence(offDiagonals: Int)
  /// A dimension exceeds the 32-bit integer range of the LP64 OpenBLAS build.
  case dimensionTooLarge(Int)

  public var description: String {
    switch self {
    case .illegalArgument(let position):
      "LAPACK: illegal value in argument \(position) (internal error)"
    case .rankDeficient(let rank, let columns):
      "least squares: design matrix is rank-deficient (rank \(rank) < \(columns) columns)"
    case .noConvergence(let count):
      "least squares: SVD did not converge (\(count) off-diagonal elements)"
    case .dimensionTooLarge(let value):
      "dimension \(value) exceeds the 32-bit BLAS integer range"
    }
  }
}
