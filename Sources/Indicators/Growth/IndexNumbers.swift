import Columnar
import Kernels

extension Growth {
  /// Index numbers with a base period: `I_t = 100 · X_t / X_b`, per group.
  ///
  /// Rebasing an index is the same formula applied to the index. A group whose base period
  /// is absent, null, zero or negative gets null indexes and a warning naming it.
  static func index(_ panel: SeriesPanel, base: String) throws(GrowthError) -> (Table, [IndicatorWarning]) {
    let baseOrdinal = try panel.ordinal(of: base, option: "base")
    let lookup = try panel.lookup()
    var bases = [Double?](repeating: nil, count: panel.groupCount)
    var noBase: [String] = []
    for group in 0..<panel.groupCount {
      if let row = lookup.row(group: Int32(group), ordinal: baseOrdinal), let value = panel.values[row], value > 0 {
        bases[group] = value
      } else {
        noBase.append(panel.label(of: Int32(group)))
      }
    }
    let warnings: [IndicatorWarning] = noBase.isEmpty ? [] : [Self.seriesWarning(noBase) { "base period \(base) is absent, null, zero or negative; index is null" }]
    let order = panel.sortedRows()
    let index = order.map { row -> Double? in
      guard let value = panel.values[row], let base = bases[Int(panel.groups[row])] else { return nil }
      return 100 * value / base
    }
    return (try panel.periodTable(order, extra: [("index", .double(Column(optionals: index)))]), warnings)
  }

  /// Chain-linked index from link relatives `L_t` (e.g. `X_t / X_{t−1}`), per group.
  ///
  /// The first period of each group is 100 (its own link is ignored); then
  /// `I_t = I_{t−1} · L_t` for consecutive periods. A gap or a null link breaks the chain: the
  /// rest of the group is null, with a warning. With `base`, the chain is rebased so that the
  /// base period is 100.
  static func chain(_ panel: SeriesPanel, base: String?) throws(GrowthError) -> (Table, [IndicatorWarning]) {
    _ = try panel.lookup()
    let order = panel.sortedRows()
    var levels = [Double?](repeating: nil, count: order.count)
    var brokenChains: [String] = []
    var noLevel: [String] = []
    var position = 0
    while position < order.count {
      let group = panel.groups[order[position]]
      var end = position
      while end < order.count, panel.groups[order[end]] == group { end += 1 }
      levels[position] = 100
      var broken = false
      for index in (position + 1)..<max(end, position + 1) {
        let row = order[index]
        let previousRow = order[index - 1]
        let consecutive = panel.periods.values[row].ordinal == panel.periods.values[previousRow].ordinal + 1
        if !broken, consecutive, let previous = levels[index - 1], let link = panel.values[row] {
          levels[index] = previous * link
        } else if !broken {
          broken = true
          let label = panel.label(of: group)
          brokenChains.append((label.isEmpty ? "" : label + " ") + "at \(panel.periods.values[row])")
        }
      }
      if let base {
        let baseOrdinal = try panel.ordinal(of: base, option: "base")
        let baseIndex = (position..<end).first { panel.periods.values[order[$0]].ordinal == baseOrdinal }
        if let baseIndex, let baseLevel = levels[baseIndex], baseLevel != 0 {
          for index in position..<end { levels[index] = levels[index].map { 100 * $0 / baseLevel } }
        } else {
          for index in position..<end { levels[index] = nil }
          noLevel.append(panel.label(of: group))
        }
      }
      position = end
    }
    var warnings: [IndicatorWarning] = []
    if !brokenChains.isEmpty {
      warnings.append(.listing(brokenChains) { count, examples in "\(count) chain(s) broken by a gap or a null link, e.g. \(examples); later periods are null" })
    }
    if !noLevel.isEmpty, let base { warnings.append(seriesWarning(noLevel) { "base period \(base) has no chained level; index is null" }) }
    return (try panel.periodTable(order, extra: [("index", .double(Column(optionals: levels)))]), warnings)
  }

  /// One warning for the series `labels` (one series without keys is "the series"): `what` happens to them.
  static func seriesWarning(_ labels: [String], _ what: () -> String) -> IndicatorWarning {
    if labels == [""] { return .note("the series: " + what()) }
    return .listing(labels) { count, examples in "\(count) series (e.g. \(examples)): \(what())" }
  }
}

extension SeriesPanel {
  /// The ordinal of a period label at the panel's frequency.
  /// The period of `label` at the panel's frequency (`option` names it in errors).
  func period(of label: String, option: String) throws(GrowthError) -> Period {
    Period(frequency, ordinal: try ordinal(of: label, option: option))
  }

  func ordinal(of label: String, option: String) throws(GrowthError) -> Int {
    do {
      return try PeriodParser.parse(label, as: frequency).period.ordinal
    } catch {
      throw .badPeriodLabel(column: option, row: -1, text: label, detail: error.description)
    }
  }

  /// Keys, `period`, `value`, then `extra`, for rows in `order`.
  func periodTable(_ order: [Int], extra: [(String, AnyColumn)]) throws(GrowthError) -> Table {
    var columns = keyColumns(order.map { groups[$0] })
    columns.append(("period", .period(periods.take(order), frequency)))
    columns.append(("value", .double(values.take(order))))
    columns += extra
    do {
      return try Table(columns)
    } catch {
      throw .column(error)
    }
  }
}
