import Columnar

/// Applies `op` row by row; a row is null when either input row is null.
///
/// `op` also runs on the placeholder values under null rows, so it must be total.
/// - Throws: ``ColumnError/lengthMismatch(expected:actual:)`` when lengths differ.
/// - Complexity: O(n).
@inlinable
public func binary<A, B, R>(
  _ lhs: Column<A>, _ rhs: Column<B>, _ op: (A, B) -> R
) throws(ColumnError) -> Column<R> {
  guard lhs.count == rhs.count else { throw .lengthMismatch(expected: lhs.count, actual: rhs.count) }
  let values = zip(lhs.values, rhs.values).map(op)
  return Column(values, validity: Validity.intersect(lhs.validity, rhs.validity))
}

/// Applies a partial `op` to rows where both inputs are valid; `nil` from `op` gives a null row.
///
/// Null inputs give null outputs without calling `op`; `placeholder` fills null rows.
/// - Throws: ``ColumnError/lengthMismatch(expected:actual:)`` when lengths differ.
/// - Complexity: O(n).
@inlinable
public func binaryOrNull<A, B, R>(
  _ lhs: Column<A>, _ rhs: Column<B>, placeholder: R, _ op: (A, B) -> R?
) throws(ColumnError) -> Column<R> {
  guard lhs.count == rhs.count else { throw .lengthMismatch(expected: lhs.count, actual: rhs.count) }
  var values = [R](repeating: placeholder, count: lhs.count)
  var flags = [Bool](repeating: false, count: lhs.count)
  for row in 0..<lhs.count where lhs.isValid(row) && rhs.isValid(row) {
    if let result = op(lhs.values[row], rhs.values[row]) {
      values[row] = result
      flags[row] = true
    }
  }
  return Column(values, validity: Validity(flags))
}

/// Applies a partial `op` to valid rows; `nil` from `op` gives a null row.
/// - Complexity: O(n).
@inlinable
public func unaryOrNull<A, R>(_ input: Column<A>, placeholder: R, _ op: (A) -> R?) -> Column<R> {
  var values = [R](repeating: placeholder, count: input.count)
  var flags = [Bool](repeating: false, count: input.count)
  for row in 0..<input.count where input.isValid(row) {
    if let result = op(input.values[row]) {
      values[row] = result
      flags[row] = true
    }
  }
  return Column(values, validity: Validity(flags))
}
