import Columnar
import Kernels

extension Growth {
  /// Contributions of components to the growth of their total, in percentage points.
  ///
  /// `C_{i,t} = (x_{i,t} − x_{i,t−k}) / X_{t−k} × 100` with `X` the sum of the components of
  /// the same outer group at a period, and k = 1 (or `lag`). Then `Σ_i C_{i,t}` equals the
  /// total's growth `(X_t − X_{t−k}) / X_{t−k} × 100` (exact for additive data; chain-linked
  /// volumes are not additive, IMF QNA Manual ch. 8). A period is computed only when the same
  /// components have values at t and t−k; otherwise, or when `X_{t−k} = 0`, its rows are null
  /// with a note. The panel's last key is the component; the others form the outer group.
  static func contributions(_ panel: SeriesPanel, lag: Int?) throws(GrowthError) -> (Table, [IndicatorWarning]) {
    let k = lag ?? 1
    _ = try panel.lookup()
    let outerCount = panel.keyNames.count - 1
    // Outer group of each inner group: its keys without the component.
    var outerIds: [[String?]: Int] = [:]
    var outerOf = [Int](repeating: 0, count: panel.groupCount)
    for group in 0..<panel.groupCount {
      let key = Array(panel.keys[group].prefix(outerCount))
      if let id = outerIds[key] {
        outerOf[group] = id
      } else {
        outerIds[key] = outerIds.count
        outerOf[group] = outerIds.count - 1
      }
    }
    struct Cell: Hashable {
      let outer: Int
      let ordinal: Int
    }
    // Components with a value at each (outer, period), and their sum.
    var members: [Cell: [Int32: Double]] = [:]
    var hasNull: Set<Cell> = []
    for row in 0..<panel.groups.count {
      let cell = Cell(outer: outerOf[Int(panel.groups[row])], ordinal: panel.periods.values[row].ordinal)
      if let value = panel.values[row] {
        members[cell, default: [:]][panel.groups[row]] = value
      } else {
        hasNull.insert(cell)
      }
    }
    func total(_ cell: Cell) -> Double { members[cell]!.keys.sorted().reduce(0) { $0 + members[cell]![$1]! } }
    let order = panel.sortedRows()
    var contribution: [Double?] = []
    var totalGrowth: [Double?] = []
    var notes: [String?] = []
    var skipped = Set<Int>()
    for row in order {
      let group = panel.groups[row]
      let cell = Cell(outer: outerOf[Int(group)], ordinal: panel.periods.values[row].ordinal)
      let previous = Cell(outer: cell.outer, ordinal: cell.ordinal - k)
      guard let now = members[cell], let before = members[previous] else {
        contribution.append(nil)
        totalGrowth.append(nil)
        notes.append(members[previous] == nil ? "no_base_period" : "null_value")
        continue
      }
      guard !hasNull.contains(cell), !hasNull.contains(previous), Set(now.keys) == Set(before.keys) else {
        contribution.append(nil)
        totalGrowth.append(nil)
        notes.append("components_differ")
        skipped.insert(cell.ordinal)
        continue
      }
      let base = total(previous)
      guard base != 0 else {
        contribution.append(nil)
        totalGrowth.append(nil)
        notes.append("zero_base")
        continue
      }
      contribution.append((now[group]! - before[group]!) / base * 100)
      totalGrowth.append((total(cell) - base) / base * 100)
      notes.append(base < 0 ? "negative_base" : nil)
    }
    var warnings: [IndicatorWarning] = []
    if !skipped.isEmpty {
      warnings.append(.note("\(skipped.count) period(s) skipped: the components with values differ from the comparison period's"))
    }
    let table = try panel.periodTable(
      order,
      extra: [
        ("contribution_pct", .double(Column(optionals: contribution))),
        ("total_growth_pct", .double(Column(optionals: totalGrowth))),
        ("note", .string(StringColumn(notes))),
      ])
    return (table, warnings)
  }
}
