import Columnar
import Indicators
import TableIO
import Kernels
import Testing
import _TestSupport

/// Wilson intervals of methodology.md §5.1 (SciPy 1.17.1 `proportion_ci(method='wilson')`).
@Test func wilsonIntervalsMatchSciPy() {
  let cases: [(Int, Int, Double, Double, Double)] = [
    (7, 20, 0.95, 0.181192, 0.567146), (45, 60, 0.95, 0.627679, 0.842235), (0, 10, 0.95, 0, 0.277533),
    (10, 10, 0.95, 0.722467, 1), (7, 20, 0.90, 0.202260, 0.533487), (45, 60, 0.90, 0.648624, 0.829802),
    (0, 10, 0.90, 0, 0.212942), (10, 10, 0.90, 0.787058, 1),
  ]
  for (x, n, level, lower, upper) in cases {
    let interval = wilsonInterval(successes: x, trials: n, level: level)!
    #expect(isClose(interval.lower, lower, absolute: 5e-7), "\(x)/\(n) \(level)")
    #expect(isClose(interval.upper, upper, absolute: 5e-7), "\(x)/\(n) \(level)")
  }
  #expect(wilsonInterval(successes: 0, trials: 0) == nil)
  #expect(isClose(normalQuantile(0.975), 1.959963984540054, relative: 1e-14))
  #expect(isClose(normalQuantile(0.95), 1.6448536269514722, relative: 1e-14))
}

func cases(_ rows: [(String, String?, String?, Bool)]) throws -> Table {
  func date(_ text: String?) -> Int32? { text.map { Int32(day($0)) } }
  return try Table([
    ("filed", .date(Column(optionals: rows.map { date($0.0) }, placeholder: 0))),
    ("resolved", .date(Column(optionals: rows.map { date($0.1) }, placeholder: 0))),
    ("outcome", .string(StringColumn(rows.map(\.2)))),
    ("extended", .bool(Column(rows.map(\.3)))),
  ])
}

func statutoryCalendar(_ years: ClosedRange<Int>) -> BusinessCalendar { BusinessCalendar.mexicanFederal(years: years) }

/// Filed Mon 2025-03-03: resolved 2025-05-08 is business day 45 (in time); 2025-05-09 is day
/// 46 (late for 45, in time for 90 when extended) — G-BD-1 / G-BD-4.
@Test func inTimeUsesBusinessDaysAndTheExtendedDeadline() throws {
  let table = try cases([
    ("2025-03-03", "2025-05-08", "recognized", false),
    ("2025-03-03", "2025-05-09", "rejected", false),
    ("2025-03-03", "2025-05-09", "complementary", true),
    ("2025-03-03", "2025-04-01", "abandoned", false),
  ])
  var options = RefugeeResolutions.Options()
  let result = try RefugeeResolutions.compute(table, options: options, calendar: statutoryCalendar)
  #expect(try texts(result, "year") == ["2025"])
  #expect(try texts(result, "cases") == ["3"])
  #expect(try texts(result, "in_time") == ["2"])
  #expect(try texts(result, "late") == ["1"])
  #expect(try texts(result, "closed_other") == ["1"])
  #expect(isClose(try doubles(result, "in_time_pct")[0]!, 200.0 / 3, relative: 1e-12))
  options.resolvedOutcomes.insert("abandoned")
  let counted = try RefugeeResolutions.compute(table, options: options, calendar: statutoryCalendar)
  #expect(try texts(counted, "cases") == ["4"])
}

/// With the same-day convention the filing day, when a business day, is day 1: resolved
/// 2025-05-08 is day 46 of [Mon 2025-03-03, 2025-05-08] and late (day 45 of (03-03, 05-08] with
/// next-day: in time). Filed on Sunday 2025-03-02 the count starts on Monday under both
/// conventions: day 46, late.
@Test func sameDayConventionCountsTheFilingDay() throws {
  let table = try cases([
    ("2025-03-03", "2025-05-08", "recognized", false),
    ("2025-03-02", "2025-05-08", "recognized", false),
  ])
  var options = RefugeeResolutions.Options()
  options.convention = .sameDay
  let result = try RefugeeResolutions.compute(table, options: options, calendar: statutoryCalendar)
  #expect(try texts(result, "in_time") == ["0"])
  #expect(try texts(result, "late") == ["2"])
  options.convention = .nextDay
  let next = try RefugeeResolutions.compute(table, options: options, calendar: statutoryCalendar)
  #expect(try texts(next, "in_time") == ["1"])
  #expect(try texts(next, "late") == ["1"])
}

@Test func filingCohortCountsOverduePendingAsLateAndCensorsYoungOnes() throws {
  let table = try cases([
    ("2025-01-06", "2025-02-10", "recognized", false),
    ("2025-01-06", nil, nil, false),  // pending since January: late at 2025-06-30
    ("2025-06-23", nil, nil, false),  // pending one week: within the deadline, reported apart
  ])
  var options = RefugeeResolutions.Options()
  options.cohort = .filed
  options.asOf = day("2025-06-30")
  let result = try RefugeeResolutions.compute(table, options: options, calendar: statutoryCalendar)
  #expect(try texts(result, "cases") == ["2"])
  #expect(try texts(result, "in_time") == ["1"])
  #expect(try texts(result, "late") == ["1"])
  #expect(try texts(result, "pending_within_deadline") == ["1"])
}

@Test func resolvedBeforeFiledIsAnError() throws {
  let table = try cases([("2025-03-03", "2025-03-01", "recognized", false)])
  #expect(throws: RefugeeResolutions.Failure.self) {
    _ = try RefugeeResolutions.compute(table, options: .init(), calendar: statutoryCalendar)
  }
}

/// UNHCR RRR/TRR for Mexico as country of asylum by year, against the independent pandas
/// computation in Golden/unhcr-recognition/make_expected.py.
@Test(.enabled(if: TestPaths.hasRealdata))
func recognitionRatesForMexicoAgreeWithPandas() throws {
  let input = try CSVReader.read(TestPaths.realdata + "/unhcr_asylum/asylum-decisions.csv").table
  let result = try RecognitionRates.compute(input, by: ["Year"], keep: try RowFilter.mask([RowFilter(parsing: "Country of asylum (ISO)=MEX")], input))
  let expected = try golden("unhcr-recognition/mexico_by_year.csv")
  try expectMatches(result.table, expected, keys: ["Year", "Cases / Persons"], value: "rrr_pct", relative: 1e-12)
  try expectMatches(result.table, expected, keys: ["Year", "Cases / Persons"], value: "trr_pct", relative: 1e-12)
  let all = try RecognitionRates.compute(input, by: ["Year"])
  #expect(all.inconsistentRows.count == 174)  // SOURCE.md: total ≠ sum of the four parts on 174 rows
  #expect(Set(try texts(all.table, "Cases / Persons")) == ["C", "P"])  // never added together
}
