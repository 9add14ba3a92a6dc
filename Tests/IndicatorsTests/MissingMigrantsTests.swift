import Columnar
import Indicators
import TableIO
import Testing
import _TestSupport

/// A minimal export in the HDX layout; `nil` = blank.
func mmpTable(dead: [Int64?], missing: [Int64?], total: [Int64?]?, years: [Int64]? = nil) throws -> Table {
  let count = dead.count
  var columns: [(String, AnyColumn)] = [
    ("Incident ID", .string(StringColumn((0..<count).map { "MMP\($0)" }))),
    ("Incident year", .int64(Column(years ?? Array(repeating: 2020, count: count)))),
    ("Reported Month", .string(StringColumn(Array(repeating: "March", count: count)))),
    ("Number of Dead", .int64(Column(optionals: dead))),
    ("Minimum Estimated Number of Missing", .int64(Column(optionals: missing))),
  ]
  if let total { columns.append(("Total Number of Dead and Missing", .int64(Column(optionals: total)))) }
  return try Table(columns)
}

func totals(_ summary: MissingMigrants.Summary) throws -> [Int64] {
  guard case .int64(let column) = try summary.table.column("total_dead_and_missing") else { return [] }
  return column.values
}

/// methodology.md §2.3 G-MMP-1: (3, blank), (blank, 12), (2, 5) → 22 (no total column).
@Test func blankIsUnknownNotZero() throws {
  let summary = try MissingMigrants.summarize(mmpTable(dead: [3, nil, 2], missing: [nil, 12, 5], total: nil), by: .total)
  #expect(try totals(summary) == [22])
  #expect(try summary.table.column("dead") == .int64(Column([5])))
}

/// G-MMP-2: a row with dead, missing and total blank contributes nothing and is reported.
@Test func rowWithNoCountIsReported() throws {
  let summary = try MissingMigrants.summarize(mmpTable(dead: [nil, 4], missing: [nil, 1], total: [nil, nil]), by: .total)
  #expect(try totals(summary) == [5])
  #expect(summary.unknownRows.map(\.id) == ["MMP0"])
}

/// G-MMP-3: stated total 9 with dead 3 + missing 5: kept as stated (IOM publishes it), flagged.
@Test func statedTotalMismatchIsKeptAndReported() throws {
  let summary = try MissingMigrants.summarize(mmpTable(dead: [3, 1], missing: [5, nil], total: [9, 1]), by: .total)
  #expect(try totals(summary) == [10])
  #expect(summary.mismatchedRows.map(\.id) == ["MMP0"])
}

@Test func negativeCountsAreRejectedNamingTheRowUnlessAsked() throws {
  let table = try mmpTable(dead: [15, 2], missing: [-2, nil], total: [13, 2])
  #expect(throws: MissingMigrantsError.negativeCount(row: 0, incident: "MMP0", column: "Minimum Estimated Number of Missing", value: -2)) {
    _ = try MissingMigrants.summarize(table, by: .total)
  }
  let kept = try MissingMigrants.summarize(table, by: .total, negative: .keep)
  #expect(try totals(kept) == [15])
  #expect(kept.negativeRows.map(\.id) == ["MMP0"])
  let excluded = try MissingMigrants.summarize(table, by: .total, negative: .exclude)
  #expect(try totals(excluded) == [2])
}

@Test func notAnExportIsAnErrorNamingTheMissingColumns() throws {
  let table = try Table([("Year", .int64(Column([2020])))])
  #expect(throws: MissingMigrantsError.self) { _ = try MissingMigrants.summarize(table, by: .year) }
}

@Test func countryOfIncidentNeedsTheColumn() throws {
  #expect(throws: MissingMigrantsError.self) {
    _ = try MissingMigrants.summarize(mmpTable(dead: [1], missing: [nil], total: nil), by: .countryOfIncident)
  }
}

@Test func thousandsInTextCountsAreRead() throws {
  // The 2020 website export writes "1,022" in one total cell.
  let table = try Table([
    ("Web ID", .int64(Column([1, 2]))), ("Reported Year", .int64(Column([2015, 2015]))),
    ("Number Dead", .int64(Column([1000, 1]))), ("Minimum Estimated Number of Missing", .int64(Column(optionals: [22, nil]))),
    ("Total Dead and Missing", .string(StringColumn(["1,022", "1"]))),
  ])
  #expect(try totals(MissingMigrants.summarize(table, by: .year)) == [1023])
}

/// Every real export, totals by year, all incidents and the US-Mexico border cut, against the
/// independent pandas computation in Golden/sdg-10.7.3/make_expected.py (exact integers).
@Test(.enabled(if: TestPaths.hasRealdata))
func realExportsAgreeWithPandasByYear() throws {
  let expected = try golden("sdg-10.7.3/expected.csv")
  let files = try expected.strings("file")
  let cuts = try expected.strings("cut")
  let years = try texts(expected, "year")
  let wanted = try texts(expected, "total")
  let incidents = try texts(expected, "incidents")
  let borderFilter: [String: MissingMigrants.Filter] = [
    "MissingMigrants-Global-2019-03-29T18-36-07.csv": .init("region=US-Mexico Border")!,
    "MissingMigrants-Global-2020-01-08T14-05-32.csv": .init("region=US-Mexico Border")!,
    "Missing_Migrants_Global_Figures.csv": .init("route=US-Mexico border crossing")!,
    "MissingMigrants-Global-2026-05-06--19_42_11.csv": .init("route=US-Mexico border crossing")!,
  ]
  var checked = 0
  for file in borderFilter.keys.sorted() {
    var options = CSVOptions()
    options.thousandsSeparator = UInt8(ascii: ",")
    let table = try CSVReader.read(TestPaths.realdata + "/missing_migrants/" + file, options: options).table
    for cut in ["all", "us-mexico"] {
      let summary = try MissingMigrants.summarize(
        table, by: .year, where: cut == "all" ? [] : [borderFilter[file]!], negative: .keep)
      let gotYears = try texts(summary.table, "period")
      let gotTotals = try texts(summary.table, "total_dead_and_missing")
      let gotIncidents = try texts(summary.table, "incidents")
      let rows = (0..<expected.rowCount).filter { files[$0] == file && cuts[$0] == cut }
      #expect(gotYears == rows.map { years[$0] }, "\(file) \(cut)")
      #expect(gotTotals == rows.map { wanted[$0] }, "\(file) \(cut)")
      #expect(gotIncidents == rows.map { incidents[$0] }, "\(file) \(cut)")
      checked += rows.count
    }
  }
  #expect(checked == expected.rowCount)
}

/// The 25-column allData layout has `Country of Incident`: the Mexico cut works there (none of
/// the four real exports at hand has the column; the cut is refused for them).
@Test func countryOfIncidentCutWhenTheColumnExists() throws {
  let table = try Table([
    ("Main ID", .string(StringColumn(["a", "b", "c"]))), ("Incident ID", .string(StringColumn(["a", "b", "c"]))),
    ("Incident Year", .int64(Column([2021, 2021, 2022]))),
    ("Number of Dead", .int64(Column(optionals: [2, 5, nil]))),
    ("Minimum Estimated Number of Missing", .int64(Column(optionals: [nil, 1, 4]))),
    ("Total Number of Dead and Missing", .int64(Column([2, 6, 4]))),
    ("Country of Incident", .string(StringColumn(["Mexico", "United States of America", "Mexico"]))),
  ])
  let mexico = try MissingMigrants.summarize(table, by: .year, where: [.init("country-of-incident=Mexico")!])
  #expect(try texts(mexico.table, "period") == ["2021", "2022"])
  #expect(try totals(mexico) == [2, 4])
  let byCountry = try MissingMigrants.summarize(table, by: .countryOfIncident)
  #expect(try texts(byCountry.table, "country-of-incident") == ["Mexico", "United States of America"])
  #expect(try totals(byCountry) == [6, 6])
}
