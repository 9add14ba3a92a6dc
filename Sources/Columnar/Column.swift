/// A column of values with an optional validity mask.
///
/// `validity == nil` means no row is null; kernels take a fast path then. Values under a
/// null row are placeholders and carry no meaning. NaN is a value, not a null.
public struct Column<Element: Sendable>: Sendable {
  /// The values, one per row (placeholders under null rows).
  public var values: [Element]
  /// Which rows hold a value; `nil` = all rows do.
  public var validity: Validity?

  /// A column over `values` with an optional mask.
  public init(_ values: [Element], validity: Validity? = nil) {
    if let validity {
      precondition(validity.count == values.count, "Column: mask covers \(validity.count) rows, values \(values.count)")
    }
    self.values = values
    self.validity = validity?.normalized
  }

  /// Number of rows.
  @inlinable public var count: Int { values.count }

  /// Number of null rows.
  public var nullCount: Int { validity?.nullCount ?? 0 }

  /// Whether `row` holds a value.
  @inlinable
  public func isValid(_ row: Int) -> Bool { validity?.isValid(row) ?? true }

  /// The value at `row`, or `nil` when the row is null.
  @inlinable
  public subscript(row: Int) -> Element? { isValid(row) ? values[row] : nil }

  /// Rows in `indices` order (a gather); negative indices are not allowed.
  public func take(_ indices: [Int]) -> Column<Element> {
    let taken = indices.map { values[$0] }
    guard let validity else { return Column(taken) }
    return Column(taken, validity: Validity(indices.map { validity.isValid($0) }))
  }
}

extension Column {
  /// A column from optionals; `nil` entries become null rows over `placeholder`.
  public init(optionals: [Element?], placeholder: Element) {
    self.init(optionals.map { $0 ?? placeholder }, validity: Validity(optionals.map { $0 != nil }))
  }
}

extension Column where Element: Numeric {
  /// A column from optionals with `0` under null rows.
  public init(optionals: [Element?]) { self.init(optionals: optionals, placeholder: 0) }
}

extension Column: Equatable where Element: Equatable {
  /// Equal when the same rows are null and the valid values are equal.
  public static func == (lhs: Column, rhs: Column) -> Bool {
    guard lhs.count == rhs.count, lhs.nullCount == rhs.nullCount else { return false }
    for row in 0..<lhs.count where lhs[row] != rhs[row] { return false }
    return true
  }
}
