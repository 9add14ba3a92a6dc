import Columnar
import Kernels

/// Aggregation of a panel to a coarser frequency, with completeness.
///
/// A target period is complete when every one of its sub-periods is present with a value
/// (12 months in a year, 3 in a quarter, the days of a month). Incomplete periods are dropped
/// unless `keepIncomplete`, and named in the warnings either way.
struct AggregatedPanel {
  let panel: SeriesPanel
  /// Per row of `panel`: whether the period had all its sub-periods.
  let complete: [Bool]
  let warnings: [IndicatorWarning]
}

extension SeriesPanel {
  /// Sub-periods of `frequency` in `period` (a coarser period).
  static func expectedSubperiods(of period: Period, source: Frequency) -> Int {
    if source == .daily { return period.lastDay - period.firstDay + 1 }
    return (source.periodsPerYear ?? 1) / (period.frequency.periodsPerYear ?? 1)
  }

  /// Aggregates to `target` with `function`; see ``AggregatedPanel``.
  func aggregated(to target: Frequency, function: AggregateFunction, keepIncomplete: Bool) throws(GrowthError) -> AggregatedPanel {
    guard target < frequency else {
      throw .unsupported("freq: \(target.rawValue) is not coarser than the data's frequency \(frequency.rawValue)")
    }
    guard target != .weekly, frequency != .weekly else {
      throw .unsupported("weekly periods cannot be aggregated to months, quarters or years (weeks straddle them)")
    }
    _ = try lookup()  // duplicate sub-periods are an error before they are summed
    let source = frequency
    return aggregated(
      into: { $0.converted(to: target)! }, frequency: target,
      expected: { SeriesPanel.expectedSubperiods(of: $0, source: source) }, function: function,
      keepIncomplete: keepIncomplete, what: "periods")
  }

  /// Dense ids of the (group, `into(period)`) cells, numbered in (group, period) order, with
  /// each cell's group and period.
  func cells(into: (Period) -> Period) -> (of: [Int32], group: [Int32], period: [Period]) {
    var idByKey: [Int: Int32] = [:]
    var cellGroup: [Int32] = []
    var cellPeriod: [Period] = []
    var cellOf = [Int32](repeating: 0, count: groups.count)
    for row in sortedRows() {
      let target = into(periods.values[row])
      let key = Int(groups[row]) << 40 | (target.ordinal & ((1 << 40) - 1))
      if let id = idByKey[key] {
        cellOf[row] = id
      } else {
        let id = Int32(cellGroup.count)
        idByKey[key] = id
        cellGroup.append(groups[row])
        cellPeriod.append(target)
        cellOf[row] = id
      }
    }
    return (cellOf, cellGroup, cellPeriod)
  }

  /// Aggregates rows into the coarser period `into(period)` of each row, per group.
  ///
  /// A cell is complete when it has `expected(cell period)` values; incomplete cells are
  /// named in a warning and dropped unless `keepIncomplete`.
  func aggregated(
    into: (Period) -> Period, frequency target: Frequency, expected: (Period) -> Int, function: AggregateFunction,
    keepIncomplete: Bool, what: String
  ) -> AggregatedPanel {
    let (cellOf, cellGroup, cellPeriod) = cells(into: into)
    let order = periods.values.map(\.ordinal)
    let (aggregated, counts) = groupedAggregate(values, groups: cellOf, groupCount: cellGroup.count, function: function, order: order)
    var keep: [Int] = []
    var complete: [Bool] = []
    var incomplete: [String] = []
    for cell in 0..<cellGroup.count {
      let wanted = expected(cellPeriod[cell])
      let isComplete = counts[cell] == wanted
      if !isComplete {
        incomplete.append(label(of: cellGroup[cell], at: cellPeriod[cell]) + " (\(counts[cell]) of \(wanted))")
      }
      if isComplete || keepIncomplete {
        keep.append(cell)
        complete.append(isComplete)
      }
    }
    var warnings: [IndicatorWarning] = []
    if !incomplete.isEmpty {
      // One readable line: how many, three examples, the fix (all of them with --verbose).
      warnings.append(
        .listing(incomplete) { count, examples in
          keepIncomplete
            ? "\(count) incomplete \(what) kept (complete = false), e.g. \(examples)"
            : "\(count) incomplete \(what) excluded (of \(cellGroup.count)), e.g. \(examples); use keep-incomplete to keep them, marked"
        })
    }
    let panel = SeriesPanel(
      keyNames: keyNames, keys: keys, keyValues: keyValues, groups: keep.map { cellGroup[$0] },
      periods: Column(keep.map { cellPeriod[$0] }), values: aggregated.take(keep), frequency: target)
    return AggregatedPanel(panel: panel, complete: complete, warnings: warnings)
  }
}

extension SeriesPanel {
  /// Combines rows that share a group and a period (microdata, several records per period)
  /// into one value per (group, period) with `function`; blank values are skipped, and a cell
  /// whose values are all blank is blank.
  ///
  /// Uses a dense grid (group × period range) when it is small — a perfect-hash aggregate,
  /// one pass, no hashing — and a hash table otherwise. Output rows are in (group, period) order.
  func collapsed(_ function: AggregateFunction) -> SeriesPanel {
    guard !groups.isEmpty else { return self }
    var low = Int.max
    var high = Int.min
    for period in periods.values {
      low = min(low, period.ordinal)
      high = max(high, period.ordinal)
    }
    let span = high - low + 1
    let cells = groupCount.multipliedReportingOverflow(by: span)
    var cellOf = [Int32](repeating: 0, count: groups.count)
    var cellGroup: [Int32] = []
    var cellOrdinal: [Int] = []
    if !cells.overflow, cells.partialValue <= max(1 << 22, groups.count) {
      // Dense: cell = group × span + (ordinal − low), then renumbered in (group, period) order.
      var used = [Bool](repeating: false, count: cells.partialValue)
      for row in 0..<groups.count {
        let cell = Int(groups[row]) * span + (periods.values[row].ordinal - low)
        cellOf[row] = Int32(cell)
        used[cell] = true
      }
      var renumber = [Int32](repeating: -1, count: cells.partialValue)
      for cell in 0..<cells.partialValue where used[cell] {
        renumber[cell] = Int32(cellGroup.count)
        cellGroup.append(Int32(cell / span))
        cellOrdinal.append(cell % span + low)
      }
      for row in 0..<groups.count { cellOf[row] = renumber[Int(cellOf[row])] }
    } else {
      let hashed = self.cells(into: { $0 })
      cellOf = hashed.of
      cellGroup = hashed.group
      cellOrdinal = hashed.period.map(\.ordinal)
    }
    let (values, _) = groupedAggregate(self.values, groups: cellOf, groupCount: cellGroup.count, function: function)
    // One span per group (see init): each group's periods keep theirs (ENE-JUN, fiscal years).
    var sample = [Period](repeating: Period(frequency, ordinal: 0), count: groupCount)
    for row in stride(from: groups.count - 1, through: 0, by: -1) { sample[Int(groups[row])] = periods.values[row] }
    return SeriesPanel(
      keyNames: keyNames, keys: keys, keyValues: keyValues, groups: cellGroup,
      periods: Column(zip(cellGroup, cellOrdinal).map { sample[Int($0)].at(ordinal: $1) }), values: values, frequency: frequency)
  }
}
