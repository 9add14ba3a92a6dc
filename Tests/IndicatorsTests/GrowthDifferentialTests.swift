import Columnar
import Indicators
import Kernels
import TableIO
import Testing
import _TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Compares a result column with a golden column row by row (keys + period as text).
func expectMatches(
  _ result: Table, _ expected: Table, keys: [String], value: String, relative: Double, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  func index(_ table: Table) throws -> [String: Double?] {
    var rows: [String: Double?] = [:]
    let keyColumns = try keys.map { try table.column($0) }
    let values = try table.doubles(value)
    for row in 0..<table.rowCount {
      rows[keyColumns.map { $0.text(at: row) ?? "" }.joined(separator: "|")] = values[row]
    }
    return rows
  }
  let actual = try index(result)
  let wanted = try index(expected)
  #expect(actual.count == wanted.count, "row counts differ", sourceLocation: sourceLocation)
  for (key, want) in wanted {
    guard let got = actual[key] else {
      Issue.record("missing row \(key)", sourceLocation: sourceLocation)
      continue
    }
    switch (got, want) {
    case (nil, nil): continue
    case (let a?, let b?):
      #expect(isClose(a, b, relative: relative), "\(key): \(a) vs \(b)", sourceLocation: sourceLocation)
    default: Issue.record("\(key): got \(String(describing: got)), want \(String(describing: want))", sourceLocation: sourceLocation)
    }
  }
}

/// Banxico monthly remittances (realdata), against the independent pandas computation in
/// Golden/growth/make_expected.py: monthly YoY, annual PoP on complete years (sum), and the
/// least-squares rate with R², to 1e-9 relative on every row.
@Test(.enabled(if: TestPaths.hasRealdata))
func remittancesAgreeWithPandas() throws {
  let input = try CSVReader.read(TestPaths.realdata + "/mexico_remittances/remesas_mensuales.csv").table
  func run(_ configure: (inout GrowthOptions) -> Void) throws -> GrowthResult {
    var options = GrowthOptions(value: "VALOR_USD", period: "PERIODO")
    options.by = ["FLUJO"]
    options.periodFrequency = .monthly
    configure(&options)
    return try Growth.compute(input, options: options)
  }
  let yoy = try run { $0.method = .yoy }
  try expectMatches(yoy.table, golden("growth/yoy_monthly.csv"), keys: ["FLUJO", "period"], value: "growth_pct", relative: 1e-9)
  let pop = try run {
    $0.method = .pop
    $0.frequency = .annual
  }
  try expectMatches(pop.table, golden("growth/pop_annual.csv"), keys: ["FLUJO", "period"], value: "growth_pct", relative: 1e-9)
  try expectMatches(pop.table, golden("growth/pop_annual.csv"), keys: ["FLUJO", "period"], value: "value", relative: 1e-15)
  #expect(pop.warnings.contains { $0.message.contains("FLUJO=Ingresos 2026 (5 of 12)") })
  let ls = try run {
    $0.method = .leastSquares
    $0.frequency = .annual
  }
  let expected = try golden("growth/least_squares_annual.csv")
  try expectMatches(ls.table, expected, keys: ["FLUJO"], value: "least_squares_pct", relative: 1e-9)
  try expectMatches(ls.table, expected, keys: ["FLUJO"], value: "r_squared", relative: 1e-9)
  #expect(try texts(ls.table, "n") == texts(expected, "n"))
}

/// Differential test against pandas `pct_change` on random monthly series with gaps, zeros,
/// nulls and negative values (Golden/growth/pct_change/make_expected.py; documented differences:
/// calendar lag, zero base → null).
@Test func percentChangeAgreesWithPandasOnSeriesWithGaps() throws {
  let input = try golden("growth/pct_change/input.csv")
  let expected = try golden("growth/pct_change/expected.csv")
  for method in [GrowthMethod.pop, .yoy] {
    var options = GrowthOptions(value: "value", period: "period")
    options.by = ["group"]
    options.method = method
    let result = try Growth.compute(input, options: options).table
    let mask = try expected.strings("method")
    let rows = (0..<expected.rowCount).filter { mask[$0] == method.rawValue }
    try expectMatches(result, expected.take(rows), keys: ["group", "period"], value: "growth_pct", relative: 1e-12)
  }
}

/// Σ_i C_i,t = total growth, on random additive components (with sizes 0, 1, 63, 64, 65).
@Test(arguments: [0, 1, 63, 64, 65])
func contributionsAddUpToTotalGrowth(periods: Int) throws {
  var rng = SplitMix64(seed: UInt64(periods) &+ 7)
  var parts: [String] = []
  var labels: [String] = []
  var values: [Double] = []
  for period in 0..<periods {
    for part in ["a", "b", "c"] {
      parts.append(part)
      labels.append(String(1900 + period))
      values.append(Double.random(in: 1...1000, using: &rng))
    }
  }
  let table = try Table([
    ("part", .string(StringColumn(parts))), ("period", .string(StringColumn(labels))), ("value", .double(Column(values))),
  ])
  let result = try growth(table) {
    $0.method = .contribution
    $0.component = "part"
  }.table
  let contributions = try doubles(result, "contribution_pct")
  let totals = try doubles(result, "total_growth_pct")
  let periodsText = try texts(result, "period")
  var sums: [String: Double] = [:]
  var total: [String: Double] = [:]
  for row in 0..<result.rowCount {
    guard let c = contributions[row] else { continue }
    sums[periodsText[row]!, default: 0] += c
    total[periodsText[row]!] = totals[row]!
  }
  #expect(sums.count == max(0, periods - 1))
  for (period, sum) in sums { #expect(isClose(sum, total[period]!, relative: 1e-9, absolute: 1e-9)) }
}

/// Batched least squares (one LAPACK call per pattern) equals the closed-form OLS slope of
/// each series computed on its own, whatever the missing pattern.
@Test func batchedLeastSquaresEqualsPerSeriesFits() throws {
  var rng = SplitMix64(seed: 99)
  var series: [[(t: Double, x: Double)]] = []
  for index in 0..<300 {
    var points: [(t: Double, x: Double)] = []
    for t in 0..<12 where index % 3 == 0 || Int.random(in: 0..<5, using: &rng) > 0 {
      points.append((Double(t), exp(0.05 * Double(t) + Double.random(in: -0.1...0.1, using: &rng)) * 100))
    }
    series.append(points)
  }
  let fits = try logLinearTrends(series)
  for (index, points) in series.enumerated() {
    guard points.count >= 2 else {
      #expect(fits[index] == nil)
      continue
    }
    let n = Double(points.count)
    let meanT = points.reduce(0) { $0 + $1.t } / n
    let meanY = points.reduce(0) { $0 + log($1.x) } / n
    let sxy = points.reduce(0) { $0 + ($1.t - meanT) * (log($1.x) - meanY) }
    let sxx = points.reduce(0) { $0 + ($1.t - meanT) * ($1.t - meanT) }
    #expect(isClose(fits[index]!.slope, sxy / sxx, relative: 1e-9, absolute: 1e-12))
  }
}

@Test(arguments: [0, 1, 63, 64, 65])
func periodOverPeriodSweep(count: Int) throws {
  var rng = SplitMix64(seed: UInt64(count))
  var values: [Double?] = []
  for _ in 0..<count {
    let isNull = Int.random(in: 0..<10, using: &rng) == 0
    let value = Double.random(in: -5...100, using: &rng)
    values.append(isNull ? nil : value)
  }
  let periods = (0..<count).map { String(1900 + $0) }
  let result = try growth(series(periods, values)) { $0.method = .pop }
  let growthValues = try doubles(result.table, "growth_pct")
  #expect(result.table.rowCount == count)
  for row in 0..<count {
    var expected: Double?
    if row > 0, let x = values[row], let b = values[row - 1], b != 0 { expected = (x - b) / b * 100 }
    #expect(growthValues[row] == expected)
  }
}

@Test func aggregationExcludesOrMarksIncompletePeriods() throws {
  // 2020: 12 months; 2021: 5 months.
  let months = monthLabels(2020, 1...12) + monthLabels(2021, 1...5)
  let values: [Double?] = (0..<17).map { index -> Double? in Double(index + 1) }
  let excluded = try growth(series(months, values)) {
    $0.frequency = .annual
    $0.method = .pop
  }
  #expect(try texts(excluded.table, "period") == ["2020"])
  #expect(excluded.warnings.map(\.message) == ["1 incomplete periods excluded (of 2), e.g. 2021 (5 of 12); use keep-incomplete to keep them, marked"])
  let kept = try growth(series(months, values)) {
    $0.frequency = .annual
    $0.method = .pop
    $0.keepIncomplete = true
  }
  #expect(try texts(kept.table, "period") == ["2020", "2021"])
  #expect(try texts(kept.table, "complete") == ["true", "false"])
  let lastFive: Double = 13 + 14 + 15 + 16 + 17
  #expect(try doubles(kept.table, "value") == [78, lastFive])
  let quarterly = try growth(series(months, values)) {
    $0.frequency = .quarterly
    $0.aggregate = .last
    $0.method = .yoy
  }
  #expect(try texts(quarterly.table, "period") == ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4", "2021-Q1"])
  #expect(try doubles(quarterly.table, "value") == [3, 6, 9, 12, 15])
  #expect(try doubles(quarterly.table, "growth_pct").last!! == 400)
}

@Test func yearToDateComparesTheSameMonths() throws {
  // 2021 complete, 2022 January-June: compare Jan-Jun 2022 with Jan-Jun 2021.
  let months = monthLabels(2021, 1...12) + monthLabels(2022, 1...6)
  var values: [Double?] = (1...12).map { month -> Double? in Double(month) }
  values += (1...6).map { month -> Double? in Double(month) * 2 }
  let result = try growth(series(months, values)) {
    $0.yearToDate = true
    $0.method = .yoy
  }
  #expect(try texts(result.table, "period") == ["2021", "2022"])
  #expect(try doubles(result.table, "value") == [21, 42])
  #expect(try doubles(result.table, "growth_pct") == [nil, 100])
  #expect(try texts(result.table, "months") == ["2021-01/2021-06", "2022-01/2022-06"])
}

/// ISO month labels `YYYY-MM` for `months` of `year`.
func monthLabels(_ year: Int, _ months: ClosedRange<Int>) -> [String] {
  months.map { month -> String in
    let padded: String = month < 10 ? "0\(month)" : "\(month)"
    return "\(year)-\(padded)"
  }
}

/// `collapse` on a sparse calendar (span beyond the dense grid) takes the hashed path and gives
/// the same cells: two records on day 0 summed, one far away.
@Test func collapseOnASparseCalendarUsesTheHashedPath() throws {
  let table = try Table([
    ("period", .period(Column([Period.day(0), .day(4_500_000), .day(0)]), .daily)),
    ("value", .double(Column([1, 5, 2]))),
  ])
  var options = GrowthOptions(value: "value", period: "period")
  options.collapse = .sum
  let result = try Growth.compute(table, options: options).table
  #expect(try doubles(result, "value") == [3, 5])
  #expect(try texts(result, "note") == ["no_base_period", "no_base_period"])
}
