import CLinearAlgebra

// Every cblas_/LAPACKE_ call of Cifra lives in this file (one seam, as swift-system does).

@usableFromInline
func blasInt(_ value: Int) throws(LinearAlgebraError) -> Int32 {
  guard value <= Int(Int32.max) else { throw .dimensionTooLarge(value) }
  return Int32(value)
}

enum BLAS {
  static func ddot(_ n: Int32, _ x: UnsafePointer<Double>, _ incx: Int32, _ y: UnsafePointer<Double>, _ incy: Int32) -> Double {
    cblas_ddot(n, x, incx, y, incy)
  }

  static func daxpy(_ n: Int32, _ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
    cblas_daxpy(n, alpha, x, 1, y, 1)
  }

  static func dgemv(
    transpose: Bool, rows: Int32, columns: Int32, alpha: Double, a: UnsafePointer<Double>,
    x: UnsafePointer<Double>, beta: Double, y: UnsafeMutablePointer<Double>
  ) {
    cblas_dgemv(
      CblasColMajor, transpose ? CblasTrans : CblasNoTrans, rows, columns, alpha, a, max(rows, 1), x, 1,
      beta, y, 1)
  }

  static func dgemm(
    transposeA: Bool, transposeB: Bool, m: Int32, n: Int32, k: Int32, alpha: Double,
    a: UnsafePointer<Double>, lda: Int32, b: UnsafePointer<Double>, ldb: Int32, beta: Double,
    c: UnsafeMutablePointer<Double>, ldc: Int32
  ) {
    cblas_dgemm(
      CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
  }

  /// C := alpha·Aᵀ·A + beta·C, upper triangle, A is k×n column-major.
  static func dsyrkTransposed(
    n: Int32, k: Int32, alpha: Double, a: UnsafePointer<Double>, lda: Int32, beta: Double,
    c: UnsafeMutablePointer<Double>, ldc: Int32
  ) {
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, n, k, alpha, a, lda, beta, c, ldc)
  }
}

enum LAPACK {
  static func dgels(
    m: Int32, n: Int32, nrhs: Int32, a: UnsafeMutablePointer<Double>, lda: Int32,
    b: UnsafeMutablePointer<Double>, ldb: Int32
  ) -> Int32 {
    LAPACKE_dgels(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), m, n, nrhs, a, lda, b, ldb)
  }

  static func dgelsd(
    m: Int32, n: Int32, nrhs: Int32, a: UnsafeMutablePointer<Double>, lda: Int32,
    b: UnsafeMutablePointer<Double>, ldb: Int32, singularValues: UnsafeMutablePointer<Double>,
    rcond: Double, rank: UnsafeMutablePointer<Int32>
  ) -> Int32 {
    LAPACKE_dgelsd(LAPACK_COL_MAJOR, m, n, nrhs, a, lda, b, ldb, singularValues, rcond, rank)
  }

  static func setThreads(_ count: Int32) { openblas_set_num_threads(count) }
}
