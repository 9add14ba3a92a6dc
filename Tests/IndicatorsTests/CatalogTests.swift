import Columnar
import Indicators
import Testing
import _TestSupport

@Test func catalogIdsAndCommandsAreUniqueAndEveryGuideExists() {
  let ids = IndicatorCatalog.specs.map(\.id)
  #expect(Set(ids).count == ids.count)
  let commands = IndicatorCatalog.specs.map(\.command)
  #expect(Set(commands).count == commands.count)
  for spec in IndicatorCatalog.specs {
    #expect(TestPaths.fileExists(TestPaths.packageRoot + "/" + spec.guide), "\(spec.id): missing \(spec.guide)")
    #expect(["NUMBER", "PT", "PER_100000_POP"].contains(spec.unit), "\(spec.id): unit \(spec.unit)")
    #expect(!spec.nameES.isEmpty && !spec.nameEN.isEmpty && !spec.definitionES.isEmpty && !spec.definitionEN.isEmpty)
    #expect(!spec.inputs.isEmpty && !spec.formats.isEmpty && !spec.abstract.isEmpty)
    #expect(spec.formats.isSuperset(of: IndicatorSpec.tableFormats), "\(spec.id): every result can be csv, json and table")
  }
  #expect(IndicatorCatalog.spec("sdg-10.7.3")?.seriesCode == "SM_DTH_MIGR")
  #expect(IndicatorCatalog.spec("sdg-10.c.1")?.seriesCodes == ["SI_RMT_COST", "SI_RMT_COST_BC"])
}

/// The shared row filter: typed comparison, nulls, and the error when nothing is left.
@Test func rowFilterComparesAsTheColumnTypeAndRefusesEmptyResults() throws {
  let table = try Table([
    ("year", .int64(Column(optionals: [2020, 2021, nil, 2021], placeholder: 0))),
    ("flow", .string(StringColumn(["Ingresos", "Egresos", "Ingresos", nil]))),
    ("x", .double(Column([1.5, 2, 3, 4]))),
  ])
  func rows(_ filters: [String]) throws -> Int { try RowFilter.apply(filters.map { try RowFilter(parsing: $0) }, to: table).rowCount }
  #expect(try rows([]) == 4)
  #expect(try rows(["year=2021"]) == 2)
  #expect(try rows(["x=1.50"]) == 1)
  #expect(try rows(["year!=2021"]) == 2)  // 2020 and the null
  #expect(try rows(["flow="]) == 1)  // the null
  #expect(try rows(["flow~gres"]) == 3)
  #expect(try rows(["flow=Ingresos", "year=2020"]) == 1)
  #expect(throws: RowFilterError.noMatch(filter: "flow=Ingreso", column: "flow", examples: ["Ingresos", "Egresos", "(blank)"], rows: 4)) {
    try rows(["flow=Ingreso"])
  }
  #expect(throws: RowFilterError.badValue(filter: "year=two", expected: "an integer")) { try rows(["year=two"]) }
  #expect(throws: RowFilterError.unknownColumn(filter: "nope=1", available: ["year", "flow", "x"])) { try rows(["nope=1"]) }
  #expect(throws: RowFilterError.malformed("year")) { try RowFilter(parsing: "year") }
  #expect(try RowFilter(parsing: "a!=b") == RowFilter(column: "a", comparison: .notEquals, value: "b"))
  #expect(try RowFilter(parsing: "a=b=c").value == "b=c")
}
