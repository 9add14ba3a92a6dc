import Columnar
import Kernels

extension SeriesPanel {
  /// Same-period totals for partial years: for each group and year, the sub-periods 1…m,
  /// where m is the last sub-period with a value in the latest year of the data (the seed's
  /// "2022 ENE-JUN" against 2021 ENE-JUN).
  ///
  /// Years missing any of the sub-periods 1…m are excluded with a warning naming them.
  /// Returns an annual panel and, per row, the span label (`2022-01/2022-06`).
  func yearToDate(function: AggregateFunction = .sum) throws(GrowthError) -> (panel: SeriesPanel, spans: [String], warnings: [String]) {
    guard let perYear = frequency.periodsPerYear, perYear > 1 else {
      throw .unsupported("ytd: needs monthly, quarterly or semiannual periods (the data is \(frequency.rawValue))")
    }
    _ = try lookup()
    let valid = (0..<groups.count).filter { values.isValid($0) }
    guard let latestYear = valid.map({ periods.values[$0].year }).max() else {
      throw .unsupported("ytd: the series has no values")
    }
    let m = valid.filter { periods.values[$0].year == latestYear }.map { periods.values[$0].indexInYear }.max()!
    let inWindow = (0..<groups.count).filter { periods.values[$0].indexInYear <= m }
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
    warnings.insert("year-to-date compares sub-periods 1-\(m) of each year (latest year \(latestYear))", at: 0)
    return (aggregated.panel, spans, warnings)
  }
}
