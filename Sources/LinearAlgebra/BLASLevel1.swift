/// Dot product `Σ x[i]·y[i]` (BLAS `ddot`).
///
/// Empty vectors give 0. Vectors longer than `Int32.max` are processed in chunks,
/// combined in order, so the result is deterministic for a fixed BLAS thread count.
/// - Precondition: `x.count == y.count`.
/// - Complexity: O(n).
public func dot(_ x: [Double], _ y: [Double]) -> Double {
  precondition(x.count == y.count, "dot: lengths \(x.count) and \(y.count) differ")
  return x.withUnsafeBufferPointer { xs in
    y.withUnsafeBufferPointer { ys in dot(xs, ys) }
  }
}

/// Dot product over raw buffers (BLAS `ddot`); see ``dot(_:_:)-(Array,Array)``.
public func dot(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) -> Double {
  precondition(x.count == y.count, "dot: lengths \(x.count) and \(y.count) differ")
  guard let xb = x.baseAddress, let yb = y.baseAddress, x.count > 0 else { return 0 }
  let chunk = Int(Int32.max)
  var total = 0.0
  var start = 0
  while start < x.count {
    let length = min(chunk, x.count - start)
    total += BLAS.ddot(Int32(length), xb + start, 1, yb + start, 1)
    start += length
  }
  return total
}

/// `y ← alpha·x + y` (BLAS `daxpy`).
///
/// - Precondition: `x.count == y.count` and the count fits in `Int32`.
public func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
  precondition(x.count == y.count, "axpy: lengths \(x.count) and \(y.count) differ")
  precondition(x.count <= Int(Int32.max), "axpy: length exceeds Int32")
  guard !x.isEmpty else { return }
  x.withUnsafeBufferPointer { xs in
    y.withUnsafeMutableBufferPointer { ys in BLAS.daxpy(Int32(xs.count), alpha, xs.baseAddress!, ys.baseAddress!) }
  }
}

/// Sets the number of threads OpenBLAS may use (global; call once from the executable).
public func setBLASThreads(_ count: Int) {
  LAPACK.setThreads(Int32(max(1, min(count, 64))))
}
