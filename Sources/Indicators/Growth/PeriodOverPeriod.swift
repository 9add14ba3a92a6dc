import Columnar
import Kernels

/// Why a period-over-period result is null or needs care.
public enum GrowthNote: String, Sendable {
  /// The value of the period is null.
  case nullValue = "null_value"
  /// The comparison period is absent from the data (a gap): no value, never the row before.
  case noBasePeriod = "no_base_period"
  /// The comparison period is present but its value is null.
  case nullBase = "null_base"
  /// The base is 0: the relative change is undefined.
  case zeroBase = "zero_base"
  /// The base is negative: computed as `(x − b)/b`, whose sign is misleading; do not publish.
  case negativeBase = "negative_base"
  /// Annualised change of a value and a base of opposite signs: `(x/b)^P` has no real value.
  case signChange = "sign_change"
  /// The period is a year to date (`2025 (FYTD)`): its length is not in the label, so its
  /// value is not a whole year's; compared only with another year to date, and noted.
  case partialPeriod = "partial_period"
}

extension Growth {
  /// Period-over-period, year-over-year and annualised change, by calendar lag.
  ///
  /// `g_t = (X_t − X_{t−k}) / X_{t−k} × 100` where `t − k` is the same group's period k steps
  /// earlier on the calendar (k = 1 for `pop`, the periods per year for `yoy`, `--lag` to
  /// override). A missing period, a null, or a zero base gives a null result and a note; a
  /// negative base is computed and noted. `annualized` gives `((X_t / X_{t−k})^P − 1) × 100`,
  /// null with note `sign_change` when the value and its base have opposite signs. Warnings
  /// count only the `reported` rows (those `--from`/`--to` keep; `nil`: all).
  static func periodOverPeriod(
    _ panel: SeriesPanel, method: GrowthMethod, lag: Int?, reported: Set<Int>? = nil
  ) throws(GrowthError) -> (Table, [IndicatorWarning]) {
    let periodsPerYear = panel.frequency.periodsPerYear
    let k: Int
    switch method {
    case .yoy:
      guard let perYear = periodsPerYear else {
        throw .unsupported("yoy needs annual, semiannual, quarterly or monthly periods (the data is \(panel.frequency.rawValue))")
      }
      k = lag ?? perYear
    case .annualized:
      guard periodsPerYear != nil else {
        throw .unsupported("annualized needs annual, semiannual, quarterly or monthly periods")
      }
      k = lag ?? 1
    default:
      k = lag ?? 1
    }
    let lookup = try panel.lookup()
    let base = shifted(panel.values, periods: panel.periods, groups: panel.groups, lookup: lookup, lag: k)
    let growth: Column<Double>
    do {
      if method == .annualized {
        growth = try annualizedChange(panel.values, base, exponent: Double(periodsPerYear!) / Double(k))
      } else {
        growth = try relativeChange(panel.values, base)
      }
    } catch {
      throw .column(error)
    }
    let order = panel.sortedRows()
    var notes: [String?] = []
    var zeroBases: [String] = []
    var negativeBases: [String] = []
    var signChanges: [String] = []
    var toDate: [String] = []
    func name(_ row: Int) -> String? {
      guard reported?.contains(row) ?? true else { return nil }
      return panel.label(of: panel.groups[row], at: panel.periods.values[row])
    }
    for row in order {
      let period = panel.periods.values[row]
      var note: GrowthNote?
      if !panel.values.isValid(row) {
        note = .nullValue
      } else if lookup.row(group: panel.groups[row], ordinal: period.ordinal - k) == nil {
        note = period.isToDate ? .partialPeriod : .noBasePeriod
      } else if !base.isValid(row) {
        note = .nullBase
      } else if base.values[row] == 0 {
        note = .zeroBase
        if let name = name(row) { zeroBases.append(name) }
      } else if !growth.isValid(row) {
        // Only the annualised form nulls a present, non-zero base: x/b < 0.
        note = .signChange
        if let name = name(row) { signChanges.append(name) }
      } else if base.values[row] < 0 {
        note = .negativeBase
        if let name = name(row) { negativeBases.append(name) }
      } else if period.isToDate {
        note = .partialPeriod
      }
      if period.isToDate { if let name = name(row) { toDate.append(name) } }
      notes.append(note?.rawValue)
    }
    var warnings: [IndicatorWarning] = []
    if !zeroBases.isEmpty {
      warnings.append(.listing(zeroBases) { count, examples in "\(count) period(s) have a zero base: growth is undefined (null, note zero_base), e.g. \(examples)" })
    }
    if !signChanges.isEmpty {
      warnings.append(
        .listing(signChanges) { count, examples in
          "\(count) period(s) change sign from their base: no annualised rate exists (null, note sign_change), e.g. \(examples); use --method pop"
        })
    }
    if !toDate.isEmpty {
      warnings.append(
        .listing(toDate) { count, examples in
          "\(count) value(s) cover a year to date, not a whole year (e.g. \(examples)): compared only with another year to date (note partial_period); leave them out with --to"
        })
    }
    if !negativeBases.isEmpty {
      warnings.append(
        .listing(negativeBases) { count, examples in
          "\(count) period(s) have a negative base: growth computed but its sign is misleading (note negative_base), e.g. \(examples)"
        })
    }
    let percent = unaryOrNull(growth.take(order), placeholder: 0.0) { $0 * 100 }
    var columns = panel.keyColumns(order.map { panel.groups[$0] })
    columns.append(("period", .period(panel.periods.take(order), panel.frequency)))
    columns.append(("value", .double(panel.values.take(order))))
    columns.append(("growth_pct", .double(percent)))
    columns.append(("note", .string(StringColumn(notes))))
    do {
      return (try Table(columns), warnings)
    } catch {
      throw .column(error)
    }
  }
}
