import Columnar
import Kernels

/// The growth family: period-over-period and year-over-year change, annualised change,
/// whole-span rates (CAGR, exponential, least squares), index numbers, chain-linking and
/// contributions, on series in long form. Formulas: methodology.md §4; edge cases:
/// docs/indicators/growth.md.
public enum Growth {
  /// The frequency of a date column whose every date is the first day of its month (quarter,
  /// year) with at most one row per such period in each series: monthly first-of-month dates
  /// (Banxico's `1995-01-01`) are months, not days. `nil` when the column is not such a date
  /// column. The note says what was inferred and how to keep days.
  static func inferredFrequency(_ table: Table, period: String, keys: [String]) -> (Frequency, String)? {
    guard case .date(let days)? = try? table.column(period), days.count > 0, days.nullCount == 0 else { return nil }
    var allJanuary = true
    var allQuarterStarts = true
    for row in 0..<days.count {
      let date = CivilDate.civil(fromDays: Int(days.values[row]))
      guard date.day == 1 else { return nil }
      if date.month != 1 { allJanuary = false }
      if (date.month - 1) % 3 != 0 { allQuarterStarts = false }
    }
    let frequency: Frequency = allJanuary ? .annual : (allQuarterStarts ? .quarterly : .monthly)
    guard let grouping = try? table.grouping(by: keys) else { return nil }
    var seen = Set<[Int]>()
    for row in 0..<days.count {
      guard let period = Period.day(Int(days.values[row])).converted(to: frequency) else { return nil }
      guard seen.insert([Int(grouping.ids[row]), period.ordinal]).inserted else { return nil }
    }
    let name = ["A": "years", "Q": "quarters", "M": "months"][frequency.rawValue]!
    return (
      frequency,
      "period column '\(period)' holds only first-of-\(name.dropLast()) dates, one per series and \(name.dropLast()): read as \(name) (period-freq D keeps them as days)"
    )
  }

  /// Computes `options.method` over `table`.
  ///
  /// Steps: read the panel (values, periods, groups); aggregate to `options.frequency` if
  /// asked (incomplete periods excluded and warned, or kept and marked); or, with
  /// `yearToDate`, compare the same months of each year; restrict to `from`…`to`; compute.
  /// Rows come out by group (first appearance) then period.
  /// - Throws: ``GrowthError`` for bad periods, duplicates within a group, unknown columns,
  ///   or a method that does not apply to the data's frequency.
  public static func compute(_ table: Table, options: GrowthOptions) throws(GrowthError) -> GrowthResult {
    if options.method == .contribution, options.component == nil {
      throw .unsupported("component: method contribution needs the column naming the parts of the total")
    }
    let keys = options.method == .contribution ? options.by + [options.component!] : options.by
    var warnings: [IndicatorWarning] = []
    var readAs = options.periodFrequency
    if readAs == nil, let (inferred, note) = inferredFrequency(table, period: options.period, keys: keys) {
      readAs = inferred
      warnings.append(.note(note))
    }
    var panel = try SeriesPanel(table: table, value: options.value, period: options.period, by: keys, readAs: readAs)
    if let collapse = options.collapse { panel = panel.collapsed(collapse) }
    if let fill = options.fillAbsent {
      let (filledPanel, filled) = panel.fillingAbsent(with: fill)
      panel = filledPanel
      if !filled.isEmpty {
        let items = filled.map { panel.label(of: $0.group, at: $0.period) }
        warnings.append(
          .listing(items, separator: ", ") { count, examples in
            "\(count) absent period(s) counted as \(formatDouble(fill)) (fill-absent), e.g. \(examples); without fill-absent, absent stays absent"
          })
      }
    }
    var completeness: [Bool]?
    var spans: [String]?

    if options.yearToDate {
      // `to` (a sub-period label) ends the comparison: months 1..m of its year, m its month.
      let through = try options.to.map { text throws(GrowthError) in try panel.period(of: text, option: "to") }
      let ytd = try panel.yearToDate(function: options.aggregate, through: through)
      panel = ytd.panel
      spans = ytd.spans
      warnings += ytd.warnings
    } else if let target = options.frequency, target != panel.frequency {
      let aggregated = try panel.aggregated(to: target, function: options.aggregate, keepIncomplete: options.keepIncomplete)
      panel = aggregated.panel
      warnings += aggregated.warnings
      if options.keepIncomplete { completeness = aggregated.complete }
    }
    // from/to choose the periods reported; earlier periods still serve as bases (whole-span
    // methods read them as the span instead).
    var reported: [Int]?
    if options.from != nil || options.to != nil, !options.method.isWholeSpan {
      reported = try panel.restrictedRows(from: options.from, to: options.to, yearsOf: options.yearToDate)
    }

    var table: Table
    switch options.method {
    case .pop, .yoy, .annualized:
      if options.method == .yoy, panel.frequency == .annual, options.lag == nil, !options.yearToDate {
        throw .unsupported(
          "method: yoy compares a period with the same period a year earlier, and these periods are years; use method pop (or give lag)")
      }
      let (result, notes) = try periodOverPeriod(panel, method: options.method, lag: options.lag, reported: reported.map(Set.init))
      table = result
      warnings += notes
    case .cagr, .exponential, .leastSquares:
      if options.keepIncomplete || options.yearToDate {
        throw .unsupported("keep-incomplete and ytd apply to period-by-period methods, not to \(options.method.rawValue)")
      }
      let from = try options.from.map { text throws(GrowthError) in try panel.ordinal(of: text, option: "from") }
      let to = try options.to.map { text throws(GrowthError) in try panel.ordinal(of: text, option: "to") }
      let (result, notes) = try wholeSpan(panel, method: options.method, from: from, to: to)
      return GrowthResult(table: result, warnings: warnings + notes)
    case .index:
      guard let base = options.base else { throw .unsupported("base: method index needs the base period") }
      let (result, notes) = try index(panel, base: base)
      table = result
      warnings += notes
    case .chain:
      let (result, notes) = try chain(panel, base: options.base)
      table = result
      warnings += notes
    case .contribution:
      let (result, notes) = try contributions(panel, lag: options.lag)
      table = result
      warnings += notes
    }
    // Extra columns that follow the panel's row order (group, period).
    let order = panel.sortedRows()
    do {
      if let spans {
        table = try table.with("months", .string(StringColumn(order.map { spans[$0] })))
      }
      if let completeness {
        table = try table.with("complete", .bool(Column(order.map { completeness[$0] })))
      }
      if let reported {
        let keep = Set(reported)
        table = table.take(order.indices.filter { keep.contains(order[$0]) })
      }
    } catch {
      throw .column(error)
    }
    return GrowthResult(table: table, warnings: warnings)
  }
}

extension SeriesPanel {
  /// Indices of rows with periods in `[from, to]`.
  /// Indices of rows with periods in `[from, to]`; with `yearsOf`, the labels are sub-periods
  /// and the bounds are their years (a year-to-date panel is annual).
  func restrictedRows(from: String?, to: String?, yearsOf: Bool = false) throws(GrowthError) -> [Int] {
    func bound(_ text: String?) throws(GrowthError) -> Int? {
      guard let text else { return nil }
      do {
        let period = try PeriodParser.parse(text).period
        if yearsOf { return period.year }
        return try PeriodParser.parse(text, as: frequency).period.ordinal
      } catch {
        throw .badPeriodLabel(column: "from/to", row: -1, text: text, detail: error.description)
      }
    }
    let lower = try bound(from) ?? Int.min
    let upper = try bound(to) ?? Int.max
    guard lower <= upper else { throw .unsupported("from: \(from ?? "") is after to \(to ?? "")") }
    return (0..<groups.count).filter { (lower...upper).contains(periods.values[$0].ordinal) }
  }
}
