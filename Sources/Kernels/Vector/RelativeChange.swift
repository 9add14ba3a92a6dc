import Columnar

/// Change `x − base` row by row; null when either is null.
/// - Complexity: O(n).
public func difference(_ x: Column<Double>, _ base: Column<Double>) throws(ColumnError) -> Column<Double> {
  try binary(x, base, -)
}

/// Relative change `(x − base) / base` as a fraction (0.25 = +25 %).
///
/// Computed as `(x − base) / base` (exact 0.1 for 100 → 110; methodology.md §4.3). Null when
/// either input is null and when `base == 0` (undefined, never ±inf or NaN). A negative base is
/// computed as written; callers flag it (the sign of the result is then misleading).
/// - Complexity: O(n).
public func relativeChange(_ x: Column<Double>, _ base: Column<Double>) throws(ColumnError) -> Column<Double> {
  let change = try difference(x, base)
  return try binaryOrNull(change, base, placeholder: 0) { delta, base in base == 0 ? nil : delta / base }
}

/// Annualised rate of a change over a fraction of a year: `(x / base)^exponent − 1`, where
/// `exponent` = periods per year ÷ lag (12 for a one-month change).
///
/// Null when either input is null, when `base == 0`, or when `x / base < 0` (no real power).
public func annualizedChange(_ x: Column<Double>, _ base: Column<Double>, exponent: Double) throws(ColumnError) -> Column<Double> {
  try binaryOrNull(x, base, placeholder: 0) { value, base in
    guard base != 0 else { return nil }
    let ratio = value / base
    guard ratio >= 0 else { return nil }
    return pow(ratio, exponent) - 1
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
