/// Dense group ids for the rows of a table, numbered in order of first appearance.
///
/// A null key value is a key value of its own (it forms its own group).
public struct Grouping: Sendable, Equatable {
  /// Group id of each row, in `0..<groupCount`.
  public let ids: [Int32]
  /// Number of distinct keys.
  public let groupCount: Int
  /// The first row of each group (its representative for reading key values).
  public let firstRows: [Int]

  /// Row indices of every group, each in ascending row order.
  public func rowsByGroup() -> [[Int]] {
    var rows = [[Int]](repeating: [], count: groupCount)
    for (row, id) in ids.enumerated() { rows[Int(id)].append(row) }
    return rows
  }
}

extension Table {
  /// Groups rows by the values of `keys`.
  ///
  /// A single string key maps dictionary codes straight to group ids; several keys combine
  /// per-key ids into a composite (direct array when small, hash table otherwise).
  /// No keys puts every row in one group (zero groups for an empty table).
  /// - Complexity: O(n · keys).
  public func grouping(by keys: [String]) throws(ColumnError) -> Grouping {
    guard !keys.isEmpty else {
      return Grouping(ids: [Int32](repeating: 0, count: rowCount), groupCount: rowCount > 0 ? 1 : 0, firstRows: rowCount > 0 ? [0] : [])
    }
    var combined = try Table.singleKeyGrouping(column(keys[0]), rowCount: rowCount)
    for key in keys.dropFirst() {
      let next = try Table.singleKeyGrouping(column(key), rowCount: rowCount)
      combined = Table.combine(combined, next)
    }
    return combined
  }

  static func singleKeyGrouping(_ column: AnyColumn, rowCount: Int) -> Grouping {
    switch column {
    case .string(let strings):
      let nullSlot = strings.dictionary.count
      return denseIds(rowCount: rowCount, slotCount: nullSlot + 1) { row in
        strings.codes.isValid(row) ? Int(strings.codes.values[row]) : nullSlot
      }
    case .bool(let c):
      return denseIds(rowCount: rowCount, slotCount: 3) { row in c.isValid(row) ? (c.values[row] ? 1 : 0) : 2 }
    case .int64(let c): return hashedIds(rowCount: rowCount) { row in c.isValid(row) ? c.values[row] : nil }
    case .double(let c): return hashedIds(rowCount: rowCount) { row in c.isValid(row) ? c.values[row].bitPattern : nil }
    case .date(let c): return hashedIds(rowCount: rowCount) { row in c.isValid(row) ? c.values[row] : nil }
    case .period(let c, _): return hashedIds(rowCount: rowCount) { row in c.isValid(row) ? c.values[row] : nil }
    }
  }

  static func denseIds(rowCount: Int, slotCount: Int, slot: (Int) -> Int) -> Grouping {
    var slotToGroup = [Int32](repeating: -1, count: slotCount)
    var ids = [Int32](repeating: 0, count: rowCount)
    var firstRows: [Int] = []
    for row in 0..<rowCount {
      let s = slot(row)
      var id = slotToGroup[s]
      if id < 0 {
        id = Int32(firstRows.count)
        slotToGroup[s] = id
        firstRows.append(row)
      }
      ids[row] = id
    }
    return Grouping(ids: ids, groupCount: firstRows.count, firstRows: firstRows)
  }

  static func hashedIds<K: Hashable>(rowCount: Int, key: (Int) -> K?) -> Grouping {
    var lookup: [K?: Int32] = [:]
    var ids = [Int32](repeating: 0, count: rowCount)
    var firstRows: [Int] = []
    for row in 0..<rowCount {
      let k = key(row)
      if let id = lookup[k] {
        ids[row] = id
      } else {
        let id = Int32(firstRows.count)
        lookup[k] = id
        firstRows.append(row)
        ids[row] = id
      }
    }
    return Grouping(ids: ids, groupCount: firstRows.count, firstRows: firstRows)
  }

  static func combine(_ outer: Grouping, _ inner: Grouping) -> Grouping {
    let rowCount = outer.ids.count
    let product = outer.groupCount.multipliedReportingOverflow(by: inner.groupCount)
    if !product.overflow, product.partialValue <= max(1 << 20, 4 * rowCount) {
      return denseIds(rowCount: rowCount, slotCount: product.partialValue) { row in
        Int(outer.ids[row]) * inner.groupCount + Int(inner.ids[row])
      }
    }
    return hashedIds(rowCount: rowCount) { row in Int64(outer.ids[row]) << 32 | Int64(inner.ids[row]) }
  }
}
