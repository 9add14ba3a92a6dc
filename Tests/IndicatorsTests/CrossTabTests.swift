import Columnar
import Indicators
import Kernels
import TableIO
import Testing
import _TestSupport

/// GCM objective × reporting institution from seed 003's 346 programs
/// (../shared/reference/seed-003-programs.csv): margins add to 346 and shares to 100.
@Test(.enabled(if: TestPaths.fileExists(TestPaths.shared + "/reference/seed-003-programs.csv")))
func programsCrossTabHasConsistentMargins() throws {
  let programs = try CSVReader.read(TestPaths.shared + "/reference/seed-003-programs.csv").table
  #expect(programs.rowCount == 346)
  let table = try CrossTab.table(programs, rows: "gcm_objective", columns: "part", value: nil, margins: true)
  let totals = try doubles(table, "Total")
  #expect(totals.last! == 346)
  #expect(totals.dropLast().reduce(0) { $0 + $1! } == 346)
  let shares = try CrossTab.shares(programs, category: "reporting_unit", value: nil, by: ["gcm_objective"])
  let objectives = try texts(shares, "gcm_objective")
  let pct = try doubles(shares, "share_pct")
  var sums: [String: Double] = [:]
  for row in 0..<shares.rowCount { sums[objectives[row]!, default: 0] += pct[row]! }
  for (_, sum) in sums { #expect(isClose(sum, 100, relative: 1e-12)) }
}

@Test func ratesNameRatioOfSumsAndMeanOfRatios() throws {
  let table = try Table([
    ("g", .string(StringColumn(["a", "a"]))), ("events", .double(Column([1, 99]))), ("population", .double(Column([1000, 9000]))),
  ])
  let result = try ProportionsAndRates.rates(table, events: "events", population: "population", by: ["g"], per: 1000, level: 0.95)
  #expect(try doubles(result, "rate_ratio_of_sums") == [10])  // 100 / 10,000 × 1000
  #expect(isClose(try doubles(result, "rate_mean_of_ratios")[0]!, (1.0 / 1000 + 99.0 / 9000) / 2 * 1000, relative: 1e-15))
}

@Test func proportionsByGroupRejectImpossibleCounts() throws {
  let table = try Table([("g", .string(StringColumn(["a"]))), ("x", .double(Column([5]))), ("n", .double(Column([3])))])
  #expect(throws: ColumnError.self) {
    _ = try ProportionsAndRates.proportions(table, successes: "x", trials: "n", by: ["g"], method: .wilson, level: 0.95)
  }
  let empty = try Table([("g", .string(StringColumn(["a"]))), ("x", .double(Column([0]))), ("n", .double(Column([0])))])
  let result = try ProportionsAndRates.proportions(empty, successes: "x", trials: "n", by: ["g"], method: .clopperPearson, level: 0.95)
  #expect(try doubles(result, "pct") == [nil])
  #expect(try doubles(result, "ci_lower_pct") == [nil])
}

@Test func precisionClassesUseTheThresholds() {
  #expect(PrecisionEstimate(estimate: 100, standardError: 14.9).quality == .high)
  #expect(PrecisionEstimate(estimate: 100, standardError: 15).quality == .moderate)
  #expect(PrecisionEstimate(estimate: 100, standardError: 30).quality == .low)
  #expect(PrecisionEstimate(estimate: 0, standardError: 3).cv == nil)
  let p = PrecisionEstimate(estimate: 1000, standardError: 100)
  #expect(p.lower == 1000 - 164.5 && p.upper == 1000 + 164.5)
}
