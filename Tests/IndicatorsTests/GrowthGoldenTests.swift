import Columnar
import Indicators
import Testing
import _TestSupport

// Golden series of methodology.md §4.2: X = [1000, 1150, 1080, 1300, 1420], t = 0..4.
let goldenYears = ["2000", "2001", "2002", "2003", "2004"]
let goldenX: [Double?] = [1000, 1150, 1080, 1300, 1420]

@Test func periodOverPeriodMatchesMethodologyGolden() throws {
  let result = try growth(series(goldenYears, goldenX)) { $0.method = .pop }
  #expect(areClose(try doubles(result.table, "growth_pct"), [nil, 15.000000, -6.086957, 20.370370, 9.230769], relative: 1e-6))
  #expect(try texts(result.table, "note").first! == "no_base_period")
}

@Test func wholeSpanRatesMatchMethodologyGolden() throws {
  let table = try series(goldenYears, goldenX)
  let cagr = try growth(table) { $0.method = .cagr }.table
  #expect(areClose(try doubles(cagr, "cagr_pct"), [9.162151], relative: 1e-6))
  let exponential = try growth(table) { $0.method = .exponential }.table
  #expect(areClose(try doubles(exponential, "exponential_pct"), [8.766422], relative: 1e-6))
  let leastSquares = try growth(table) { $0.method = .leastSquares }.table
  // b = 0.08239161, r = e^b − 1 = 8.588096 %.
  #expect(areClose(try doubles(leastSquares, "least_squares_pct"), [8.588096], relative: 1e-6))
  #expect(try texts(leastSquares, "from") == ["2000"])
  #expect(try texts(leastSquares, "to") == ["2004"])
  #expect(try texts(leastSquares, "n") == ["5"])
}

@Test func indexAndChainMatchMethodologyGolden() throws {
  let index = try growth(series(goldenYears, goldenX)) {
    $0.method = .index
    $0.base = "2002"
  }.table
  let expected: [Double?] = [92.592593, 106.481481, 100, 120.370370, 131.481481]
  #expect(areClose(try doubles(index, "index"), expected, relative: 1e-6))
  // Link relatives L_t = X_t / X_{t−1}; the first link is ignored (t0 = 100).
  let links: [Double?] = [nil, 1150.0 / 1000, 1080.0 / 1150, 1300.0 / 1080, 1420.0 / 1300]
  let chain = try growth(series(goldenYears, links)) { $0.method = .chain }.table
  #expect(areClose(try doubles(chain, "index"), [100, 115, 108, 130, 142], relative: 1e-12))
  let rebased = try growth(series(goldenYears, links)) {
    $0.method = .chain
    $0.base = "2002"
  }.table
  #expect(areClose(try doubles(rebased, "index"), expected, relative: 1e-6))
}

@Test func contributionsMatchMethodologyGolden() throws {
  // A = [600, 700, 640, 800, 860], B = X − A (methodology.md §4.2).
  let a: [Double] = [600, 700, 640, 800, 860]
  let b = zip(goldenX, a).map { $0! - $1 }
  let table = try Table([
    ("part", .string(StringColumn(Array(repeating: "A", count: 5) + Array(repeating: "B", count: 5)))),
    ("period", .string(StringColumn(goldenYears + goldenYears))),
    ("value", .double(Column(a + b))),
  ])
  let result = try growth(table) {
    $0.method = .contribution
    $0.component = "part"
  }.table
  let expected: [Double?] = [nil, 10, -5.217391, 14.814815, 4.615385, nil, 5, -0.869565, 5.555556, 4.615385]
  #expect(areClose(try doubles(result, "contribution_pct"), expected, relative: 1e-6))
}

@Test func monthlyYearOverYearAndAnnualizedMatchMethodologyGolden() throws {
  let months = (1...12).map { "2020-" + ($0 < 10 ? "0" : "") + String($0) } + ["2021-01"]
  let m: [Double?] = [100, 98, 105, 110, 107, 111, 115, 117, 112, 118, 120, 125, 108]
  let yoy = try growth(series(months, m)) { $0.method = .yoy }.table
  #expect(isClose(try doubles(yoy, "growth_pct").last!!, 8.0, relative: 1e-12))
  let mom = try growth(series(months, m)) { $0.method = .pop }.table
  #expect(isClose(try doubles(mom, "growth_pct").last!!, -13.6, relative: 1e-12))
  let annualized = try growth(series(months, m)) { $0.method = .annualized }.table
  #expect(isClose(try doubles(annualized, "growth_pct").last!!, -82.695267, relative: 1e-7))
}

/// methodology.md §4.3 edge series [100, 110, 0, 5, null, 12, −4, 2, 0, 0]: where pandas gives
/// inf / NaN / stale values, Cifra gives null with a reason, and flags negative bases.
@Test func edgeCasesGiveNullsWithReasonsNeverInfOrNaN() throws {
  let periods = (2001...2010).map(String.init)
  let s: [Double?] = [100, 110, 0, 5, nil, 12, -4, 2, 0, 0]
  let result = try growth(series(periods, s)) { $0.method = .pop }
  let values = try doubles(result.table, "growth_pct")
  #expect(areClose(values, [nil, 10, -100, nil, nil, nil, -133.33333333333334, -150, -100, nil], relative: 1e-12))
  #expect(try texts(result.table, "note") == ["no_base_period", nil, nil, "zero_base", "null_value", "null_base", nil, "negative_base", nil, "zero_base"])
  #expect(result.warnings.contains { $0.message.contains("2 period(s) have a zero base") })
  #expect(values.allSatisfy { $0?.isFinite ?? true })
}

/// The same edge series annualised (monthly, P = 12): every null still carries its reason —
/// 12 → −4 and −4 → 2 change sign, so `(x/b)^12` has no real value (note sign_change, warned).
@Test func annualizedNullsCarryTheirReason() throws {
  let periods = (1...10).map { "2001-" + ($0 < 10 ? "0" : "") + String($0) }
  let s: [Double?] = [100, 110, 0, 5, nil, 12, -4, 2, 0, 0]
  let result = try growth(series(periods, s)) { $0.method = .annualized }
  let values = try doubles(result.table, "growth_pct")
  let notes = try texts(result.table, "note")
  #expect(notes == ["no_base_period", nil, nil, "zero_base", "null_value", "null_base", "sign_change", "sign_change", nil, "zero_base"])
  for (value, note) in zip(values, notes) where value == nil { #expect(note != nil) }
  #expect(result.warnings.contains { $0.message.contains("2 period(s) change sign from their base") })
  // 110 → 0 is a fall to nothing: (0/110)^12 − 1 = −100 %.
  #expect(values[2] == -100)
}

/// methodology.md §4.3: monthly data Jan-2023..Feb-2024 with June 2023 missing. A positional
/// lag of 12 compares Feb-2024 with Jan-2023 (wrong); the calendar lag compares with Feb-2023.
@Test func missingMonthNeverShiftsTheComparison() throws {
  var periods: [String] = []
  var values: [Double?] = []
  for (index, month) in (1...14).enumerated() {
    let year = month <= 12 ? 2023 : 2024
    let m = month <= 12 ? month : month - 12
    if year == 2023, m == 6 { continue }
    periods.append("\(year)-" + (m < 10 ? "0" : "") + String(m))
    values.append(100 + Double(index))
  }
  let result = try growth(series(periods, values)) { $0.method = .yoy }.table
  let growthValues = try doubles(result, "growth_pct")
  // Values are 100 + month index (June 2023, index 5, absent): Jan-2024 (112) vs Jan-2023
  // (100) = 12 %; Feb-2024 (113) vs Feb-2023 (101), not vs Jan-2023 as a positional lag would.
  #expect(isClose(growthValues[growthValues.count - 2]!, 12, relative: 1e-12))
  #expect(isClose(growthValues.last!!, (113.0 - 101) / 101 * 100, relative: 1e-12))
}

@Test func duplicatePeriodInAGroupIsAnError() throws {
  let table = try Table([
    ("region", .string(StringColumn(["a", "a", "b"]))),
    ("period", .string(StringColumn(["2020", "2020", "2020"]))),
    ("value", .double(Column([1, 2, 3]))),
  ])
  #expect(throws: GrowthError.column(.duplicatePeriod(group: "region=a", period: "2020"))) {
    _ = try growth(table) {
      $0.by = ["region"]
      $0.method = .pop
    }
  }
}

@Test func unknownPeriodLabelIsAnErrorNamingTheRow() throws {
  #expect(throws: GrowthError.self) { _ = try growth(series(["2020", "FY21"], [1, 2])) { $0.method = .pop } }
  do {
    _ = try growth(series(["2020", "FY21"], [1, 2])) { $0.method = .pop }
  } catch {
    #expect("\(error)".contains("data row 2"))
    #expect("\(error)".contains("'FY21'"))
  }
}

/// Seed 001 (seeds-000-002-004-findings.md §1.6): from a base of 10,000 the stated growth
/// percentages come back exactly, and (667, 1134) is 70.01499…, which must not round to 70.02.
/// Note: §1.6 lists six end values 10,000 too high (53696, 75014, 75016, 52288, 206033 for
/// 336.96, 550.14, 550.16, 322.88, 1860.33) and 60724 for 407.24; end = 10,000 × (1 + g/100) is
/// used for them.
@Test func seed001GrowthPercentagesReproduceFromBase10000() throws {
  let cases: [(Double, Double, Double)] = [
    (10000, 12298, 22.98), (10000, 19336, 93.36), (10000, 13782, 37.82), (10000, 43696, 336.96),
    (10000, 7626, -23.74), (10000, 10481, 4.81), (10000, 20625, 106.25), (10000, 13443, 34.43),
    (10000, 65014, 550.14), (10000, 65016, 550.16), (10000, 17001, 70.01), (10000, 42288, 322.88),
    (10000, 196033, 1860.33), (10000, 6364, -36.36), (10000, 3_540_000, 35300), (10000, 50724, 407.24),
    (3, 7, 133.33333333333334), (16, 33, 106.25),
  ]
  for (start, end, expected) in cases {
    let result = try growth(series(["2013", "2017"], [start, end])) {
      $0.method = .pop
      $0.lag = 4
    }.table
    let actual = try doubles(result, "growth_pct")[1]!
    #expect(isClose(actual, expected, relative: 1e-12), "\(start) → \(end): \(actual) vs \(expected)")
  }
  let rounding = try growth(series(["2013", "2017"], [667, 1134])) {
    $0.method = .pop
    $0.lag = 4
  }.table
  let value = try doubles(rounding, "growth_pct")[1]!
  #expect(value > 70.01 && value < 70.015)
}

/// Seed 003, Giro Paisano operations (thousands), L8583-8600; year-on-year values and CAGR as
/// extracted in seed-003-findings.md §4.4 (3 decimals there).
@Test func seed003GiroPaisanoGrowth() throws {
  let years = (2015...2021).map(String.init)
  let operations: [Double?] = [2877.41, 3236.92, 3537.87, 3610.81, 3668.16, 3617.50, 3853.41]
  let yoy = try doubles(growth(series(years, operations)) { $0.method = .pop }.table, "growth_pct")
  let stated: [Double?] = [nil, 12.494, 9.297, 2.062, 1.588, -1.381, 6.521]
  #expect(areClose(yoy, stated, absolute: 5e-4))
  let cagr = try doubles(growth(series(years, operations)) { $0.method = .cagr }.table, "cagr_pct")
  #expect(isClose(cagr[0]!, 4.99, absolute: 5e-3))
}

/// Seed 003, refugee applications (CONAPRED, L7564-7570): 2013 1,296; 2015 3,423; 2019 70,322;
/// 2020 40,946; 2021 130,038 (seed-003-findings.md §4.4).
@Test func seed003RefugeeApplicationsGrowth() throws {
  let years = ["2013", "2015", "2019", "2020", "2021"]
  let applications: [Double?] = [1296, 3423, 70322, 40946, 130_038]
  let table = try series(years, applications)
  let pop = try doubles(growth(table) { $0.method = .pop }.table, "growth_pct")
  // Only consecutive years have a one-year change: 2020 −41.8 %, 2021 +217.6 %.
  #expect(areClose(pop, [nil, nil, nil, -41.77, 217.58], absolute: 5e-3))
  let cagr = try doubles(growth(table) { $0.method = .cagr }.table, "cagr_pct")
  #expect(isClose(cagr[0]!, 77.9, absolute: 0.05))  // 2013→2021
  let cagr1315 = try doubles(growth(table) { $0.method = .cagr; $0.to = "2015" }.table, "cagr_pct")
  #expect(isClose(cagr1315[0]!, 62.5, absolute: 0.05))
  let cagr1519 = try doubles(growth(table) { $0.method = .cagr; $0.from = "2015"; $0.to = "2019" }.table, "cagr_pct")
  #expect(isClose(cagr1519[0]!, 112.9, absolute: 0.05))
  let ls = try growth(table) { $0.method = .leastSquares }.table
  #expect(isClose(try doubles(ls, "least_squares_pct")[0]!, 77.3, absolute: 0.05))
  #expect(isClose(try doubles(ls, "r_squared")[0]!, 0.960, absolute: 5e-4))
}
