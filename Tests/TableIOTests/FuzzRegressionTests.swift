import Columnar
import Foundation
import TableIO
import Testing
import _TestSupport

/// The fuzz harness's checks on inputs the fuzzer found (Tests/TableIOTests/Fixtures/fuzz/):
/// read with N threads = read with 1 thread, and the CSV writer round trip keeps every row.
func fuzzChecks(_ bytes: [UInt8], jobs: Int) throws {
  var options = CSVOptions()
  options.jobs = jobs
  options.minimumChunkBytes = 64
  guard let result = try? CSVReader.read(bytes: bytes, name: "fuzz", options: options) else { return }
  var single = options
  single.jobs = 1
  single.minimumChunkBytes = 1 << 30
  let reference = try CSVReader.read(bytes: bytes, name: "fuzz", options: single)
  #expect(reference.table == result.table)
  let written = CSVBytesWriter.bytes(result.table)
  var again = CSVOptions()
  again.types = Dictionary(uniqueKeysWithValues: result.table.schema.names.map { ($0, ColumnTypeOverride.type(.string)) })
  let reread = try CSVReader.read(bytes: written, name: "roundtrip", options: again)
  #expect(reread.table.rowCount == result.table.rowCount)
}

@Test(arguments: ["issue-one-column-null-row.csv", "issue-blank-header-name.csv"])
func fuzzFindingsStayFixed(file: String) throws {
  let path = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/fuzz/" + file
  let bytes = Array(try String(contentsOfFile: path, encoding: .utf8).utf8)
  for jobs in [1, 2, 4] { try fuzzChecks(bytes, jobs: jobs) }
}

/// FuzzChart, 2026-12-02 (in CI's 15 s run): `2020` and `   2020` are two labels of one period;
/// the chart built a dictionary keyed by period from both and trapped. Now each label has its
/// period's slot, and a series with two rows for one period is an error (a chart draws one
/// value per period; keeping either row would hide the other), also for one label twice.
@Test func chartWithTwoRowsForOnePeriodIsAnErrorNotACrash() throws {
  let path = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/fuzz/issue-chart-two-labels-of-one-period.csv"
  let table = try CSVReader.read(path).table
  let chart = SVGChart(title: "t", source: "s")
  #expect(throws: ColumnError.duplicatePeriod(group: "", period: "2020")) {
    _ = try chart.render(table, period: "period", value: "value", series: nil)
  }
  #expect(throws: ColumnError.duplicatePeriod(group: "", period: "2020")) {
    _ = try chart.render(periods: ["2020", "2020", "2021"], values: [1, 2, 3], groups: nil, valueLabel: "v")
  }
  #expect(throws: ColumnError.duplicatePeriod(group: "a", period: "2021")) {
    _ = try chart.render(periods: ["2020", "2021", "2021"], values: [1, 2, 3], groups: ["a", "a", "a"], valueLabel: "v")
  }
  // One period in two series is two points, not a repeat; a gap year stays a gap.
  let svg = try chart.render(periods: ["2020", "2020", "2022"], values: [1, 2, 3], groups: ["a", "b", "a"], valueLabel: "v")
  #expect(svg.contains("2021") && svg.contains("<svg"))
}

/// FuzzChart, 2026-12-02: one value, -4366, gave the axis a span of 1e-12, below the spacing of
/// doubles there; the tick loop added a step that did not move the tick and grew an array until
/// memory ran out. Now a flat series gets a span relative to its magnitude and ticks are
/// counted, at most 12.
@Test func flatSeriesFarFromZeroDrawsWithFewTicks() throws {
  let path = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/fuzz/issue-chart-flat-series-far-from-zero.csv"
  let table = try CSVReader.read(path).table
  let names = table.schema.names
  let svg = try SVGChart(title: "t", source: "s").render(table, period: names[0], value: names[1], series: nil)
  #expect(svg.contains("</svg>"))
  for value in [-4366.0, 1e300, -1e-300, 123_456_789.123] {
    let flat = try SVGChart(title: "t", source: "s").render(periods: ["2020", "2021"], values: [value, value], groups: nil, valueLabel: "v")
    #expect(flat.contains("</svg>"), "\(value)")
  }
}
