import Columnar
import Kernels

extension SeriesPanel {
  /// Same-period totals for partial years: for each group and year, the sub-periods 1…m,
  /// where m is the last sub-period with a value in the latest year of the data (the seed's
  /// "2022 ENE-JUN" against 2021 ENE-JUN).
  ///
  /// Years missing any of the sub-periods 1…m are excluded with a warning naming them.
  /// Returns an annual panel and, per row, the span label (`2022-01/2022-06`).
  ///
  /// With `through` (a sub-period), the comparison ends there: m is its sub-period, its year
  /// is the latest, and later data is not used.
  func yearToDate(
    function: AggregateFunction = .sum, through: Period? = nil
  ) throws(GrowthError) -> (panel: SeriesPanel, spans: [String], warnings: [IndicatorWarning]) {
    guard let perYear = frequency.periodsPerYear, perYear > 1 else {
      throw .unsupported("ytd: needs monthly, quarterly or semiannual periods (the data is \(frequency.rawValue))")
    }
    _ = try lookup()
    if let through, through.frequency != frequency {
      throw .unsupported("to: \(through) is not a period of the data's frequency \(frequency.rawValue)")
    }
    let valid = (0..<groups.count).filter { row in values.isValid(row) && (through.map { periods.values[row] <= $0 } ?? true) }
    guard let latestYear = through?.year ?? valid.map({ periods.values[$0].year }).max() else {
      throw .unsupported("ytd: the series has no values")
    }
    let m = through?.indexInYear ?? valid.filter { periods.values[$0].year == latestYear }.map { periods.values[$0].indexInYear }.max()!
    let inWindow = (0..<groups.count).filter {
      periods.values[$0].indexInYear <= m && periods.values[$0].year <= latestYear
    }
    let window = subset(inWindow)
    let aggregated = window.aggregated(
      into: { Period.year($0.year) }, frequency: .annual, expected: { _ in m }, function: function, keepIncomplete: false,
      what: "years")
    let spans = aggregated.panel.periods.values.map { year -> String in
      let start = Period(frequency, ordinal: year.ordinal * perYear)
      let end = Period(frequency, ordinal: year.ordinal * perYear + m - 1)
      return "\(start)/\(end)"
    }
    var warnings = aggregated.warnings
    warnings.insert(.note("year-to-date compares sub-periods 1-\(m) of each year (latest year \(latestYear))"), at: 0)
    return (aggregated.panel, spans, warnings)
  }
}
