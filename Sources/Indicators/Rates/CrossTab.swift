import Columnar

/// Shares within groups and cross-tabulations with margins.
public enum CrossTab {
  /// Counts (or sums of `value`) by `rows` × `columns` categories, with a `Total` column and a
  /// `Total` row when `margins`. Categories are sorted; a null category is `(blank)`.
  public static func table(_ table: Table, rows: String, columns: String, value: String?, margins: Bool) throws(ColumnError) -> Table {
    let rowColumn = try table.column(rows)
    let columnColumn = try table.column(columns)
    let values = try value.map { name throws(ColumnError) in try table.doubles(name) }
    var cells: [String: [String: Double]] = [:]
    var columnKeys = Set<String>()
    for row in 0..<table.rowCount {
      let r = rowColumn.text(at: row) ?? "(blank)"
      let c = columnColumn.text(at: row) ?? "(blank)"
      let amount = values.map { $0[row] ?? 0 } ?? 1
      cells[r, default: [:]][c, default: 0] += amount
      columnKeys.insert(c)
    }
    let rowKeys = CrossTab.ordered(Array(cells.keys))
    let orderedColumns = CrossTab.ordered(Array(columnKeys))
    var output: [(String, AnyColumn)] = [(rows, .string(StringColumn(rowKeys + (margins ? ["Total"] : []))))]
    for key in orderedColumns {
      var column = rowKeys.map { cells[$0]![key] ?? 0 }
      if margins { column.append(column.reduce(0, +)) }
      output.append((key, .double(Column(column))))
    }
    if margins {
      var totals = rowKeys.map { key in orderedColumns.reduce(0) { $0 + (cells[key]![$1] ?? 0) } }
      totals.append(totals.reduce(0, +))
      output.append(("Total", .double(Column(totals))))
    }
    return try Table(output)
  }

  /// Numeric labels in numeric order (1, 2, 10), others alphabetically.
  static func ordered(_ labels: [String]) -> [String] {
    if labels.allSatisfy({ Double($0) != nil }) { return labels.sorted { Double($0)! < Double($1)! } }
    return labels.sorted()
  }

  /// Share of each `category` within its group: `value / Σ value in the group × 100`
  /// (counts rows when `value` is nil). A group whose total is 0 gives null shares.
  public static func shares(_ table: Table, category: String, value: String?, by: [String]) throws(ColumnError) -> Table {
    let keys = by + [category]
    let grouping = try table.grouping(by: keys)
    let outer = try table.grouping(by: by)
    let values = try value.map { name throws(ColumnError) in try table.doubles(name) }
    var sums = [Double](repeating: 0, count: grouping.groupCount)
    var outerSums = [Double](repeating: 0, count: outer.groupCount)
    var outerOf = [Int](repeating: 0, count: grouping.groupCount)
    for row in 0..<table.rowCount {
      let amount = values.map { $0[row] ?? 0 } ?? 1
      sums[Int(grouping.ids[row])] += amount
      outerSums[Int(outer.ids[row])] += amount
      outerOf[Int(grouping.ids[row])] = Int(outer.ids[row])
    }
    let keyTable = try table.select(keys).take(grouping.firstRows)
    let order = try keyTable.sortIndices(by: keys.map { SortKey($0) })
    var columns: [(String, AnyColumn)] = zip(keys, keyTable.take(order).columns).map { ($0, $1) }
    columns.append((value ?? "count", .double(Column(order.map { sums[$0] }))))
    columns.append(("group_total", .double(Column(order.map { outerSums[outerOf[$0]] }))))
    columns.append(("share_pct", .double(Column(optionals: order.map { outerSums[outerOf[$0]] > 0 ? 100 * sums[$0] / outerSums[outerOf[$0]] : nil }))))
    return try Table(columns)
  }
}
