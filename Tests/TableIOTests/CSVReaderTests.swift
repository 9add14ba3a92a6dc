import Columnar
import TableIO
import Testing
import _TestSupport

func read(_ text: String, _ configure: (inout CSVOptions) -> Void = { _ in }) throws -> CSVReadResult {
  var options = CSVOptions()
  configure(&options)
  return try CSVReader.read(bytes: Array(text.utf8), name: "test.csv", options: options)
}

func read(bytes: [UInt8], _ configure: (inout CSVOptions) -> Void = { _ in }) throws -> CSVReadResult {
  var options = CSVOptions()
  configure(&options)
  return try CSVReader.read(bytes: bytes, name: "test.csv", options: options)
}

@Test func blankFieldsAreNullAndQuotedEmptyToo() throws {
  let table = try read("a,b\n1,\n,\"\"\n3,x\n").table
  #expect(try table.column("a") == .int64(Column(optionals: [1, nil, 3])))
  #expect(try table.strings("b") == StringColumn([nil, nil, "x"]))
}

@Test func headerOnlyGivesZeroRows() throws {
  let result = try read("a,b\n")
  #expect(result.table.rowCount == 0)
  #expect(result.table.schema.names == ["a", "b"])
}

@Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
  let table = try read("name,note\n\"Doe, J\",\"said \"\"hi\"\"\"\n\"multi\nline\",x\n").table
  #expect(try table.strings("name") == StringColumn(["Doe, J", "multi\nline"]))
  #expect(try table.strings("note") == StringColumn(["said \"hi\"", "x"]))
}

@Test func crlfLfAndNoFinalNewlineGiveTheSameTable() throws {
  let lf = try read("a,b\n1,x\n2,y\n").table
  let crlf = try read("a,b\r\n1,x\r\n2,y\r\n").table
  let noFinal = try read("a,b\n1,x\n2,y").table
  #expect(lf == crlf)
  #expect(lf == noFinal)
}

@Test func byteOrderMarkIsSkipped() throws {
  let result = try read(bytes: [0xEF, 0xBB, 0xBF] + Array("Year,Value\n2020,1.5\n".utf8))
  #expect(result.hadByteOrderMark)
  #expect(result.table.schema.names == ["Year", "Value"])
}

@Test func delimiterIsDetectedFromTheHeader() throws {
  #expect(try read("a;b\n1;2\n").delimiter == UInt8(ascii: ";"))
  #expect(try read("a\tb\n1\t2\n").delimiter == UInt8(ascii: "\t"))
  #expect(try read("\"a;x\",b\n1,2\n").delimiter == UInt8(ascii: ","))
}

@Test func windows1252IsDetectedAndDecoded() throws {
  // "Río" in Windows-1252 (0xED = í) and a curly apostrophe (0x92).
  let bytes: [UInt8] = Array("place,n\nR".utf8) + [0xED] + Array("o,1\nO".utf8) + [0x92] + Array("Neil,2\n".utf8)
  let result = try read(bytes: bytes)
  #expect(result.encoding == .cp1252)
  #expect(try result.table.strings("place") == StringColumn(["Río", "O\u{2019}Neil"]))
  #expect(throws: TableIOError.self) { _ = try read(bytes: bytes) { $0.encoding = .utf8 } }
}

@Test func nullTokensOnlyWhenAsked() throws {
  // UNHCR's procedure code NA stays a value by default.
  let text = "stage,v\nNA,..\nFI,1.5\n"
  let plain = try read(text).table
  #expect(try plain.strings("stage") == StringColumn(["NA", "FI"]))
  #expect(try plain.strings("v") == StringColumn(["..", "1.5"]))
  let tokens = try read(text) { $0.nullTokens = [".."] }.table
  #expect(try tokens.column("v") == .double(Column(optionals: [nil, 1.5])))
}

@Test func decimalCommaAndThousandsSeparator() throws {
  let table = try read("a;b\n1.234,5;1.000\n-0,25;2\n") {
    $0.decimalComma = true
    $0.thousandsSeparator = UInt8(ascii: ".")
  }.table
  #expect(try table.column("a") == .double(Column([1234.5, -0.25])))
  #expect(try table.column("b") == .int64(Column([1000, 2])))
}

@Test func skipRowsAndTrailingCommaColumn() throws {
  // WDI bulk CSV: 4 preamble lines, every line ends with a comma.
  let text = "\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",\"2021-09-15\",\n\n\"Country\",\"2019\",\"2020\",\n\"Mexico\",\"0\",\"1.5\",\n"
  let table = try read(text) { $0.skipRows = 4 }.table
  #expect(table.schema.names == ["Country", "2019", "2020", "column_4"])
  #expect(try table.column("2019") == .int64(Column([0])))
  #expect(table.columns[3].nullCount == 1)
}

@Test func dataBankFooterIsDetectedNotData() throws {
  let text = "a,b,c\nx,1,..\n,,\n,,\nData from database: RPW,,\nLast Updated: 12/07/2020,,\n"
  let result = try read(text) { $0.nullTokens = [".."] }
  #expect(result.table.rowCount == 1)
  #expect(result.footerRecords == 4)
  #expect(try result.table.column("b") == .int64(Column([1])))
  // Trailing all-blank rows without footer text are data (rows of nulls), not a footer.
  #expect(try read("a,b\n1,2\n,\n").table.rowCount == 2)
  // An explicit count wins.
  #expect(try read("a,b\n1,2\n3,4\nsource text\n") { $0.skipFooter = 1 }.table.rowCount == 2)
}

@Test func typeInferenceLooksAtEveryValue() throws {
  let table = try read("i,d,s,b,mixed\n1,1,a,true,1\n2,2.5,b,FALSE,x\n").table
  #expect(table.schema.fields.map(\.type) == [.int64, .double, .string, .bool, .string])
}

@Test func dateLayoutsAreInferred() throws {
  let table = try read(
    "iso,mdy,dmon,long,drupal,ambiguous\n2016-08-15,8/15/2016,9-Jul-19,\"January 05, 2020\",\"Thu, 01/01/2026 - 12:00\",01/02/2020\n2016-08-16,12/31/2016,14-Jan-14,\"May 1, 2020\",\"Fri, 01/16/2026 - 12:00\",03/04/2020\n"
  ).table
  #expect(table.schema.fields.map(\.type) == [.date, .date, .date, .date, .date, .string])
  let expected: [String] = ["2016-08-15", "2016-08-15", "2019-07-09", "2020-01-05", "2026-01-01"]
  for (index, name) in ["iso", "mdy", "dmon", "long", "drupal"].enumerated() {
    #expect(try table.column(name).text(at: 0) == expected[index])
  }
  let forced = try read("d\n01/02/2020\n") { $0.dateFormat = .dmy }.table
  #expect(try forced.column("d").text(at: 0) == "2020-02-01")
}

@Test func typeOverridesWin() throws {
  let table = try read("code,p\n01,2022/I P/\n02,2022/II\n") {
    $0.types = ["code": .type(.string), "p": .anyPeriod]
  }.table
  #expect(try table.strings("code") == StringColumn(["01", "02"]))
  #expect(try table.column("p").text(at: 1) == "2022-Q2")
  #expect(try table.column("p_preliminary") == .bool(Column([true, false])))
}

@Test func exactDecimalsRoundTrip() throws {
  let values = ["0.1", "5.00611114501953", "-123456.789", "1e-5", "12345678901234567890", "0.30000000000000004", "1.7976931348623157e308"]
  let table = try read("x\n" + values.joined(separator: "\n") + "\n").table
  guard case .double(let column) = try table.column("x") else {
    Issue.record("not double")
    return
  }
  for (row, text) in values.enumerated() { #expect(column.values[row] == Double(text)!) }
}

@Test func integersAtTheEdges() throws {
  let table = try read("x\n9223372036854775807\n-9223372036854775808\n0\n").table
  #expect(try table.column("x") == .int64(Column([Int64.max, Int64.min, 0])))
}

/// A generated file with quotes, newlines in quotes, nulls and strings; parsed with many
/// chunks and 1, 2, 8 jobs, the tables must be identical (bit for bit).
@Test(arguments: [1, 2, 8])
func resultsAreIdenticalForAnyJobCount(jobs: Int) throws {
  var rng = SplitMix64(seed: 2026)
  var text = "region,year,value,note\n"
  for row in 0..<5000 {
    let region = "region_\(Int.random(in: 0..<32, using: &rng))"
    let value = Bool.random(using: &rng) ? String(Double(Int.random(in: 0..<100_000, using: &rng)) / 1000) : ""
    let note = row % 97 == 0 ? "\"line one\nline \"\"two\"\"\"" : (row % 5 == 0 ? "\"a, b\"" : "plain")
    text += "\(region),\(2000 + row % 25),\(value),\(note)\n"
  }
  let reference = try read(text) { $0.jobs = 1; $0.minimumChunkBytes = 1 << 30 }.table
  let chunked = try read(text) { $0.jobs = jobs; $0.minimumChunkBytes = 512 }.table
  #expect(chunked == reference)
  #expect(reference.rowCount == 5000)
  guard case .double(let a) = try reference.column("value"), case .double(let b) = try chunked.column("value") else {
    Issue.record("value not double")
    return
  }
  #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern))
  #expect(try reference.strings("region").dictionary == chunked.strings("region").dictionary)
}

@Test func strayQuotesInUnquotedFieldsAreTextWithAnyJobCount() throws {
  var text = "h,w\n"
  for row in 0..<2000 { text += "r\(row),5'\(row % 12)\"\n" }
  let one = try read(text) { $0.jobs = 1 }.table
  let many = try read(text) { $0.jobs = 4; $0.minimumChunkBytes = 256 }.table
  #expect(one == many)
  #expect(try one.strings("w")[0] == "5'0\"")
}

@Test func raggedRowIsFoundWhateverTheChunking() throws {
  var text = "a,b\n"
  for row in 0..<3000 { text += row == 2500 ? "1\n" : "\(row),x\n" }
  for jobs in [1, 2, 8] {
    #expect(throws: TableIOError.raggedRow(file: "test.csv", line: 2502, expectedFields: 2, foundFields: 1)) {
      _ = try read(text) { $0.jobs = jobs; $0.minimumChunkBytes = 300 }
    }
  }
}

/// Found by the CSV fuzzer (Fuzz/Sources/FuzzCSV): a one-column table with a null row was
/// written as an empty line, which the reader skips, so the round trip lost the row.
@Test func oneColumnNullRowsSurviveTheRoundTrip() throws {
  let input = try read("..\n......\n..\n") { $0.nullTokens = [".."] }.table
  #expect(input.rowCount == 2)
  let written = CSVBytesWriter.bytes(input)
  #expect(String(decoding: written, as: UTF8.self) == "..\n......\n\"\"\n")
  let again = try read(bytes: written).table
  #expect(again.rowCount == 2)
  #expect(TableWriter().csv(input) == String(decoding: written, as: UTF8.self))
}

/// A file that would need more memory than allowed is refused with a clear error before any
/// allocation (the 2 GB case, scaled down with a small limit).
@Test func oversizedFileIsRefusedClearly() throws {
  var text = "a,b,c\n"
  for row in 0..<10_000 { text += "\(row),\(row * 2),x\n" }
  do {
    _ = try read(text) { $0.memoryLimit = 100_000 }
    Issue.record("read beyond the limit")
  } catch let error as TableIOError {
    guard case .tooLarge(_, let needed, let limit) = error else {
      Issue.record("wrong error \(error)")
      return
    }
    #expect(needed > limit)
    #expect(error.description.contains("more than the 0 MiB allowed"))
  }
  // Projecting fewer columns needs less: the same file passes a limit between the two.
  #expect(try read(text) { $0.memoryLimit = 500_000; $0.columns = ["a"] }.table.rowCount == 10_000)
}

/// A file built to fool an estimate from its start (one huge first record, then many small
/// ones) still gets the clear refusal: the record count is sampled across the whole file.
@Test func memoryBudgetSamplesTheWholeFile() throws {
  var text = "a,b\n\"" + String(repeating: "x", count: 100_000) + "\",1\n"
  text += String(repeating: "1,2\n", count: 200_000)
  var options = CSVOptions()
  options.memoryLimit = 2_000_000
  #expect(throws: TableIOError.self) { try CSVReader.read(bytes: Array(text.utf8), name: "fool.csv", options: options) }
  do {
    _ = try CSVReader.read(bytes: Array(text.utf8), name: "fool.csv", options: options)
  } catch let TableIOError.tooLarge(file, needed, limit) {
    #expect(file == "fool.csv" && needed > limit)
  }
  options.memoryLimit = 64_000_000
  #expect(try CSVReader.read(bytes: Array(text.utf8), name: "fool.csv", options: options).table.rowCount == 200_001)
}
