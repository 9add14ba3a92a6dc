import Columnar
import LinearAlgebra

/// Weighted mean `Σ wᵢxᵢ / Σ wᵢ` over rows where both are valid, through BLAS `ddot`.
///
/// Rows with a null value or weight are left out (and their weight too). `nil` when no row
/// remains or the weights sum to 0 (undefined, never NaN). Negative weights are the caller's
/// responsibility (a precondition: flows and populations are ≥ 0).
/// - Complexity: O(n).
public func weightedMean(_ values: Column<Double>, weights: Column<Double>) -> Double? {
  precondition(values.count == weights.count, "weightedMean: \(values.count) values, \(weights.count) weights")
  var x: [Double] = []
  var w: [Double] = []
  x.reserveCapacity(values.count)
  w.reserveCapacity(values.count)
  for row in 0..<values.count {
    guard let value = values[row], let weight = weights[row] else { continue }
    precondition(weight >= 0, "weightedMean: negative weight \(weight) at row \(row)")
    x.append(value)
    w.append(weight)
  }
  let total = w.reduce(0, +)
  guard !x.isEmpty, total > 0 else { return nil }
  return dot(x, w) / total
}
