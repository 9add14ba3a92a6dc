import Columnar
import LinearAlgebra

/// The fit of `ln x_t = a + b·t` for one series.
public struct LogLinearFit: Sendable, Equatable {
  /// Intercept `a`.
  public let intercept: Double
  /// Slope `b` (log growth per unit of `t`).
  public let slope: Double
  /// Coefficient of determination of the log-linear fit (1 when every point is on the line).
  public let rSquared: Double
  /// Number of points used.
  public let points: Int
}

/// Least-squares fits of `ln x_t = a + b·t` for many series at once (LAPACK `dgelsd`).
///
/// `series[s]` lists the `(t, x)` points of series `s`. Series whose points sit at the same
/// `t` values share one design matrix `[1, t]` and are solved in one LAPACK call with the
/// series as columns of the right-hand side; each distinct pattern of `t` values gets its own
/// call. A series with fewer than 2 points, or with any `x ≤ 0` (no logarithm), gets `nil`.
/// R² is `1 − SS_res / SS_tot` on the log scale (`nil` when `SS_tot = 0`, i.e. a flat series
/// whose fit is exact: then R² is reported as 1 only if the residuals are 0 too).
/// - Throws: ``LinearAlgebraError`` (cannot happen for ≥ 2 distinct `t`; kept typed).
/// - Complexity: O(points) per series plus one O(m·2²) factorisation per pattern.
public func logLinearTrends(_ series: [[(t: Double, x: Double)]]) throws(LinearAlgebraError) -> [LogLinearFit?] {
  var results = [LogLinearFit?](repeating: nil, count: series.count)
  // Group series by their exact t pattern (bit patterns, so equal doubles match).
  var patterns: [[UInt64]: [Int]] = [:]
  var order: [[UInt64]] = []
  for (index, points) in series.enumerated() {
    guard points.count >= 2, points.allSatisfy({ $0.x > 0 && $0.x.isFinite }) else { continue }
    let key = points.map { $0.t.bitPattern }
    if patterns[key] == nil { order.append(key) }
    patterns[key, default: []].append(index)
  }
  for key in order {
    let members = patterns[key]!
    let times = key.map { Double(bitPattern: $0) }
    let rows = times.count
    guard Set(key).count >= 2 else { continue }  // all points at one t: no slope
    var design = Matrix(rows: rows, columns: 2)
    for (row, t) in times.enumerated() {
      design[row, 0] = 1
      design[row, 1] = t
    }
    var rhs = Matrix(rows: rows, columns: members.count)
    for (column, index) in members.enumerated() {
      for (row, point) in series[index].enumerated() { rhs[row, column] = log(point.x) }
    }
    let solution = try leastSquares(design, rhs, driver: .svd)
    for (column, index) in members.enumerated() {
      let a = solution[0, column]
      let b = solution[1, column]
      var mean = 0.0
      for row in 0..<rows { mean += rhs[row, column] }
      mean /= Double(rows)
      var residual = 0.0
      var total = 0.0
      for row in 0..<rows {
        let y = rhs[row, column]
        let fitted = a + b * times[row]
        residual += (y - fitted) * (y - fitted)
        total += (y - mean) * (y - mean)
      }
      let rSquared = total > 0 ? 1 - residual / total : 1
      results[index] = LogLinearFit(intercept: a, slope: b, rSquared: rSquared, points: rows)
    }
  }
  return results
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
