/// One key of a sort: a column name and a direction.
public struct SortKey: Sendable, Equatable {
  /// Column name.
  public let column: String
  /// Descending when `true`.
  public let descending: Bool

  /// A key; ascending by default.
  public init(_ column: String, descending: Bool = false) {
    self.column = column
    self.descending = descending
  }
}

extension Table {
  /// Row order that sorts the table by `keys`: stable (ties keep input order), nulls last
  /// in either direction, strings by Unicode scalar order, NaN after every number.
  /// - Complexity: O(n log n · keys).
  public func sortIndices(by keys: [SortKey]) throws(ColumnError) -> [Int] {
    var comparators: [(Int, Int) -> Int] = []
    for key in keys {
      let column = try self.column(key.column)
      let sign = key.descending ? -1 : 1
      let compareValues: (Int, Int) -> Int
      switch column {
      case .int64(let c): compareValues = { Table.compare(c.values[$0], c.values[$1]) }
      case .double(let c): compareValues = { Table.compareDoubles(c.values[$0], c.values[$1]) }
      case .bool(let c): compareValues = { Table.compare(c.values[$0] ? 1 : 0, c.values[$1] ? 1 : 0) }
      case .date(let c): compareValues = { Table.compare(c.values[$0], c.values[$1]) }
      case .period(let c, _): compareValues = { Table.compare(c.values[$0], c.values[$1]) }
      case .string(let c):
        let ranks = c.sortRanks()
        compareValues = { Table.compare(ranks[Int(c.codes.values[$0])], ranks[Int(c.codes.values[$1])]) }
      }
      comparators.append { lhs, rhs in
        let (leftValid, rightValid) = (column.isValid(lhs), column.isValid(rhs))
        if !leftValid || !rightValid { return leftValid == rightValid ? 0 : (leftValid ? -1 : 1) }
        return sign * compareValues(lhs, rhs)
      }
    }
    return (0..<rowCount).sorted { lhs, rhs in
      for comparator in comparators {
        let result = comparator(lhs, rhs)
        if result != 0 { return result < 0 }
      }
      return lhs < rhs
    }
  }

  /// The table sorted by `keys`; see ``sortIndices(by:)``.
  public func sorted(by keys: [SortKey]) throws(ColumnError) -> Table {
    take(try sortIndices(by: keys))
  }

  static func compare<T: Comparable>(_ lhs: T, _ rhs: T) -> Int { lhs < rhs ? -1 : (lhs == rhs ? 0 : 1) }

  static func compareDoubles(_ lhs: Double, _ rhs: Double) -> Int {
    if lhs.isNaN || rhs.isNaN { return lhs.isNaN == rhs.isNaN ? 0 : (lhs.isNaN ? 1 : -1) }
    return compare(lhs, rhs)
  }
}
