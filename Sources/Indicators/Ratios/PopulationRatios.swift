import Columnar
import Kernels

/// Ratio indicators: SDG 10.7.4 (refugees per 100,000 with the SDG denominator) and SDG 17.3.2
/// (remittances as a percentage of GDP).
public enum PopulationRatios {
  /// `scale · numerator / denominator`, row by row; null when either is null or the
  /// denominator is 0 (never ±inf or NaN).
  public static func ratio(_ numerator: Column<Double>, _ denominator: Column<Double>, scale: Double) throws(ColumnError) -> Column<Double> {
    try binaryOrNull(numerator, denominator, placeholder: 0) { n, d in d == 0 ? nil : scale * n / d }
  }

  /// SDG 10.7.4, series `SM_POP_REFG_OR`: `refugees / (population + refugees) × 100,000` by
  /// country of origin and year (the denominator adds the refugees back: refugees live
  /// outside their country's population count). Population-only ratios (as OWID publishes) are
  /// not the SDG formula. Output: the input's key columns plus `refugees_per_100000`.
  public static func refugeesPer100k(_ table: Table, refugees: String, population: String, keys: [String]) throws(ColumnError) -> Table {
    let r = try table.doubles(refugees)
    let p = try table.doubles(population)
    let denominator = try binary(p, r, +)
    let rate = try ratio(r, denominator, scale: 100_000)
    var columns: [(String, AnyColumn)] = []
    for key in keys { columns.append((key, try table.column(key))) }
    columns += [(refugees, .double(r)), (population, .double(p)), ("refugees_per_100000", .double(rate))]
    return try Table(columns)
  }

  /// SDG 17.3.2, series `BX_TRF_PWKR`: `100 × remittances / GDP` per period, both in current
  /// USD. Remittances at a finer frequency are summed to the GDP's frequency first; periods
  /// missing a sub-period are excluded (named in the warnings), and periods without GDP are
  /// left out.
  public static func remittancesShareOfGDP(
    remittances: Table, remittanceValue: String, remittancePeriod: String, remittanceFrequency: Frequency?,
    gdp: Table, gdpValue: String, gdpPeriod: String, gdpFrequency: Frequency?
  ) throws(GrowthError) -> GrowthResult {
    let gdpPanel = try SeriesPanel(table: gdp, value: gdpValue, period: gdpPeriod, by: [], readAs: gdpFrequency)
    var flows = try SeriesPanel(table: remittances, value: remittanceValue, period: remittancePeriod, by: [], readAs: remittanceFrequency)
    var warnings: [IndicatorWarning] = []
    if flows.frequency != gdpPanel.frequency {
      let aggregated = try flows.aggregated(to: gdpPanel.frequency, function: .sum, keepIncomplete: false)
      flows = aggregated.panel
      warnings += aggregated.warnings
    }
    let gdpLookup = try gdpPanel.lookup()
    let order = flows.sortedRows()
    var periods: [Period] = []
    var numerators: [Double?] = []
    var denominators: [Double?] = []
    for row in order {
      let period = flows.periods.values[row]
      // The same period, span included: January–June remittances never over a whole year's GDP.
      guard let gdpRow = (0..<Int32(gdpPanel.groupCount)).lazy.compactMap({ gdpLookup.row(group: $0, ordinal: period.ordinal) })
        .first(where: { gdpPanel.periods.values[$0] == period })
      else { continue }
      periods.append(period)
      numerators.append(flows.values[row])
      denominators.append(gdpPanel.values[gdpRow])
    }
    let missing = order.count - periods.count
    if missing > 0 { warnings.append(.note("\(missing) period(s) of remittances have no GDP value for the same period and are left out")) }
    do {
      let share = try ratio(Column(optionals: numerators), Column(optionals: denominators), scale: 100)
      let table = try Table([
        ("period", .period(Column(periods), gdpPanel.frequency)),
        ("remittances_usd", .double(Column(optionals: numerators))),
        ("gdp_usd", .double(Column(optionals: denominators))),
        ("remittances_pct_gdp", .double(share)),
      ])
      return GrowthResult(table: table, warnings: warnings)
    } catch {
      throw .column(error)
    }
  }

  /// A published 17.3.2 series (Mexico's SDG platform `Year,Value` with quarter labels such
  /// as `2022/I P/`) in chronological order, with its preliminary flag.
  public static func publishedSeries(_ table: Table, period: String, value: String) throws(GrowthError) -> Table {
    let panel = try SeriesPanel(table: table, value: value, period: period, by: [], readAs: nil)
    _ = try panel.lookup()
    let order = panel.sortedRows()
    var columns: [(String, AnyColumn)] = [
      ("period", .period(panel.periods.take(order), panel.frequency)),
      ("remittances_pct_gdp", .double(panel.values.take(order))),
    ]
    if let flags = try? table.column(period + "_preliminary") { columns.append(("preliminary", flags.take(order))) }
    do { return try Table(columns) } catch { throw .column(error) }
  }
}
