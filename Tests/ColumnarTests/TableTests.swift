import Columnar
import Testing
import _TestSupport

func sampleTable() throws -> Table {
  try Table([
    ("region", .string(StringColumn(["b", "a", "b", nil, "a"]))),
    ("year", .int64(Column([2021, 2020, 2020, 2021, 2021]))),
    ("value", .double(Column(optionals: [1.5, nil, 3, 4, 5]))),
  ])
}

@Test func unknownColumnIsAnErrorListingTheColumns() throws {
  let table = try sampleTable()
  #expect(throws: ColumnError.unknownColumn("x", available: ["region", "year", "value"])) { _ = try table.column("x") }
}

@Test func duplicateColumnNamesAreRejected() {
  #expect(throws: ColumnError.duplicateColumn("a")) {
    _ = try Table([("a", .int64(Column([1]))), ("a", .int64(Column([2])))])
  }
}

@Test func unequalLengthsAreRejected() {
  #expect(throws: ColumnError.self) {
    _ = try Table([("a", .int64(Column([1]))), ("b", .int64(Column([2, 3])))])
  }
}

@Test func selectFilterTake() throws {
  let table = try sampleTable()
  let selected = try table.select(["value", "region"])
  #expect(selected.schema.names == ["value", "region"])
  let filtered = try table.filter(Column(optionals: [true, false, nil, true, false], placeholder: false))
  #expect(filtered.rowCount == 2)
  #expect(try filtered.doubles("value") == Column(optionals: [1.5, 4]))
}

@Test func sortIsStableWithNullsLast() throws {
  let table = try sampleTable()
  #expect(try table.sortIndices(by: [SortKey("region")]) == [1, 4, 0, 2, 3])
  #expect(try table.sortIndices(by: [SortKey("region", descending: true)]) == [0, 2, 1, 4, 3])
  #expect(try table.sortIndices(by: [SortKey("year"), SortKey("region")]) == [1, 2, 4, 0, 3])
  #expect(try table.sortIndices(by: [SortKey("value")]) == [0, 2, 3, 4, 1])
}

@Test func groupingNumbersGroupsByFirstAppearance() throws {
  let table = try sampleTable()
  let byRegion = try table.grouping(by: ["region"])
  #expect(byRegion.ids == [0, 1, 0, 2, 1])
  #expect(byRegion.groupCount == 3)
  let byBoth = try table.grouping(by: ["region", "year"])
  #expect(byBoth.ids == [0, 1, 2, 3, 4])
  let byYear = try table.grouping(by: ["year"])
  #expect(byYear.ids == [0, 1, 1, 0, 0])
  #expect(byYear.firstRows == [0, 1])
  #expect(try table.grouping(by: []).groupCount == 1)
}

@Test(arguments: [0, 1, 63, 64, 65])
func groupingMatchesADictionaryReference(count: Int) throws {
  var rng = SplitMix64(seed: UInt64(count) &+ 99)
  let a = (0..<count).map { _ in Int64.random(in: 0..<5, using: &rng) }
  let b = (0..<count).map { _ in ["x", "y", "z"].randomElement(using: &rng)! }
  let table = try Table([("a", .int64(Column(a))), ("b", .string(StringColumn(b)))])
  let grouping = try table.grouping(by: ["a", "b"])
  var reference: [String: Int32] = [:]
  for row in 0..<count {
    let key = "\(a[row])|\(b[row])"
    if reference[key] == nil { reference[key] = Int32(reference.count) }
    #expect(grouping.ids[row] == reference[key])
  }
  #expect(grouping.groupCount == reference.count)
}
