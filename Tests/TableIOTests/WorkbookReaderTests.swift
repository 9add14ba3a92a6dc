import Columnar
import Foundation
import Testing
import _TestSupport

@testable import TableIO
import ZIPFoundation

/// Workbooks written by openpyxl, and one part by part as Excel writes them
/// (Fixtures/xlsx/make_workbooks.py, committed beside them with the CSV of the same data).
let workbooks = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/xlsx/"

func readWorkbook(_ name: String, _ configure: (inout CSVOptions) -> Void = { _ in }) throws(TableIOError) -> Table {
  var options = CSVOptions()
  configure(&options)
  return try CSVReader.read(workbooks + name, options: options).table
}

/// A sheet and the CSV of the same data read to the same table: names, types, values, nulls.
@Test func workbookReadsLikeTheSameDataAsCSV() throws {
  let sheet = try readWorkbook("book.xlsx")
  let csv = try CSVReader.read(workbooks + "book.csv").table
  #expect(sheet.schema == csv.schema)
  #expect(sheet.rowCount == 4)
  for name in csv.schema.names {
    let a = try sheet.column(name)
    let b = try csv.column(name)
    #expect((0..<4).map { a.text(at: $0) } == (0..<4).map { b.text(at: $0) }, "\(name)")
  }
  // Dates from 1900-system serials, including the two before Excel's phantom 1900-02-29.
  #expect((0..<4).map { try! sheet.column("fecha").text(at: $0) } == ["2020-01-31", "1900-01-15", "1900-03-01", "1999-12-31"])
  #expect(try sheet.column("activo").text(at: 3) == nil)
  #expect(try sheet.column("nota").text(at: 1) == nil)
  #expect(try sheet.column("nota").text(at: 3) == "dice \"hola\"")
}

@Test func the1904DateSystemAndSheetChoice() throws {
  let sheet = try readWorkbook("book1904.xlsx")
  #expect((0..<4).map { try! sheet.column("fecha").text(at: $0) } == ["2020-01-31", "1904-01-02", "1904-01-03", "1999-12-31"])
  let notes = try readWorkbook("book.xlsx") { $0.sheet = "Notas" }
  #expect(notes.schema.names == ["fuente", "Secretaría de prueba"])
  #expect(try readWorkbook("book.xlsx") { $0.sheet = "2" }.schema == notes.schema)
  #expect(throws: TableIOError.inapplicableOption(option: "sheet", reason: "no sheet 'Nada' in \(workbooks)book.xlsx (sheets: 'Datos', 'Notas'; or a position 1…2)")) {
    try readWorkbook("book.xlsx") { $0.sheet = "Nada" }
  }
}

/// Shared strings (rich-text runs joined, phonetic runs skipped), custom and built-in date
/// formats, booleans, a cell with no address, relationships with absolute targets, and serial
/// 59 (1900-02-28, before the leap-year bug's day 60).
@Test func excelStyleWorkbookParts() throws {
  let data = try readWorkbook("shared.xlsx") { $0.sheet = "Datos" }
  #expect(data.schema.names == ["entidad", "fecha", "monto", "activo"])
  #expect((0..<3).map { try! data.column("entidad").text(at: $0) } == ["Ciudad de México", " Jalisco ", "Oaxaca"])
  #expect((0..<3).map { try! data.column("fecha").text(at: $0) } == ["2023-01-01", "2024-01-01", "1900-02-28"])
  #expect(try data.doubles("monto").values == [1500.75, -3, 0.0025])
  #expect((0..<3).map { try! data.column("activo").text(at: $0) } == ["true", "false", nil])
  let first = try readWorkbook("shared.xlsx")
  #expect(first.schema.names == ["total"])
}

/// Errors name the workbook, the sheet and the cell.
@Test func workbookErrorsNameTheCell() throws {
  #expect(throws: TableIOError.badCell(file: workbooks + "bad.xlsx", cell: "Datos!C17", text: "n/d", expected: "a number")) {
    try readWorkbook("bad.xlsx") { $0.types["value"] = .type(.double) }
  }
  #expect(throws: TableIOError.badCell(file: workbooks + "bad.xlsx", cell: "Datos!C17", text: "n/d", expected: "a number")) {
    try readWorkbook("bad.xlsx") { $0.types["value"] = .anyNumber }
  }
  #expect(
    throws: TableIOError.workbook(
      file: workbooks + "merged.xlsx", message: "Sheet!A1:B1: merged cells in the header row 1; unmerge them, or name the header row with --header-row")
  ) { try readWorkbook("merged.xlsx") }
  #expect(
    throws: TableIOError.workbook(
      file: workbooks + "titled.xlsx",
      message: "Cuadro 1!G9: a value outside the header's columns A:C ('nota al pie'); widen the header, or pass --range")
  ) { try readWorkbook("titled.xlsx") { $0.headerRow = 3 } }
  let titled = try readWorkbook("titled.xlsx") {
    $0.headerRow = 3
    $0.range = CellRange("A3:C9")
  }
  #expect(titled.schema.names == ["entidad", "anio", "valor"] && titled.rowCount == 6)
  #expect(throws: TableIOError.inapplicableOption(option: "sheet", reason: "applies to .xlsx workbooks; \(workbooks)book.csv is read as CSV text")) {
    _ = try CSVReader.read(workbooks + "book.csv", options: { var o = CSVOptions(); o.sheet = "Datos"; return o }())
  }
}

@Test func cellReferencesAndSerials() {
  #expect(CellReference("C17") == CellReference(column: 3, row: 17))
  #expect(CellReference("$AA$1") == CellReference(column: 27, row: 1))
  #expect(CellReference("XFD1048576") != nil && CellReference("XFE1") == nil && CellReference("A0") == nil && CellReference("1A") == nil)
  #expect(CellReference.letters(16_384) == "XFD" && CellReference.letters(26) == "Z" && CellReference.letters(52) == "AZ")
  #expect(CellRange("B2:A1") == nil && CellRange("A1:F200")?.last == CellReference(column: 6, row: 200))
  // 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 60 refused, 61 = 1900-03-01; 1904: 0 = 1904-01-01.
  #expect(ExcelSerial.text(1, kind: .date, date1904: false) == "1900-01-01")
  #expect(ExcelSerial.text(59, kind: .date, date1904: false) == "1900-02-28")
  #expect(ExcelSerial.text(60, kind: .date, date1904: false) == nil)
  #expect(ExcelSerial.text(61, kind: .date, date1904: false) == "1900-03-01")
  #expect(ExcelSerial.text(45292.5, kind: .dateTime, date1904: false) == "2024-01-01T12:00:00")
  #expect(ExcelSerial.text(0.25, kind: .time, date1904: false) == "06:00:00")
  #expect(ExcelSerial.text(0, kind: .date, date1904: true) == "1904-01-01")
  #expect(ExcelSerial.text(-1, kind: .date, date1904: true) == nil)
}

/// A FuzzXLSX finding: invalid UTF-8 in an element name made Foundation's XMLParser trap; the
/// part is now refused before parsing.
@Test func invalidUTF8InAPartIsAnErrorNotACrash() {
  #expect(
    throws: TableIOError.workbook(
      file: workbooks + "badutf8.xlsx", message: "its part xl/worksheets/datos.xml is not well-formed XML (byte 327 is not UTF-8)")
  ) { try readWorkbook("badutf8.xlsx") { $0.sheet = "Datos" } }
}

/// `--wide` and `--year/--month` reshape a workbook as they do CSV (an INEGI tabulation comes
/// as .xlsx): years as columns become `period`/`value` rows (the blank cell gives none); a month
/// column in Spanish builds monthly periods, and a cell that is no month is named as a cell (`Datos!B5`).
@Test func workbooksReshapeLikeCSV() throws {
  let long = try readWorkbook("wide.xlsx") { $0.wide = true }
  #expect(long.schema.names == ["entidad", "period", "value"])
  #expect((0..<long.rowCount).map { try! long.column("period").text(at: $0)! } == ["2019", "2020", "2021", "2019", "2021"])
  #expect((0..<long.rowCount).map { try! long.column("value").text(at: $0)! } == ["100", "110", "121", "200", "220"])
  let monthly = try readWorkbook("parts.xlsx") {
    $0.periodParts = PeriodParts(year: "AÑO", month: "MES")
    $0.range = CellRange("A1:C4")
  }
  #expect((0..<3).map { try! monthly.column("period").text(at: $0)! } == ["2022-01", "2022-02", "2023-01"])
  #expect(throws: TableIOError.self) { try readWorkbook("parts.xlsx") { $0.periodParts = PeriodParts(year: "AÑO", month: "MES") } }
  do {
    _ = try readWorkbook("parts.xlsx") { $0.periodParts = PeriodParts(year: "AÑO", month: "MES") }
  } catch {
    #expect(error.description == "\(workbooks)parts.xlsx, Datos!B5: cannot read 'trece' as a month (1-12, or a name such as OCT or enero)", "\(error)")
  }
}

/// A sheet part over 10 MB reads whole (100,000 rows, 11 MB of XML, written here part by part
/// with ZIPFoundation): handed to libxml2 in one piece such a part failed as "not well-formed".
@Test func sheetsOverTenMegabytesRead() throws {
  let rows = 100_000
  var sheet = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
  sheet += #"<row r="1"><c r="A1" t="inlineStr"><is><t>region</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c></row>"#
  for row in 2...(rows + 1) {
    sheet += #"<row r="\#(row)"><c r="A\#(row)" t="inlineStr"><is><t>region_\#(row % 32)</t></is></c><c r="B\#(row)"><v>\#(row).25</v></c></row>"#
  }
  sheet += "</sheetData></worksheet>"
  let parts: [(String, String)] = [
    ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
    ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Datos" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
    ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
    ("xl/worksheets/sheet1.xml", sheet),
  ]
  #expect(sheet.utf8.count > 10_500_000)
  let path = NSTemporaryDirectory() + "cifra-big-\(UUID().uuidString).xlsx"
  defer { try? FileManager.default.removeItem(atPath: path) }
  let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
  for (name, text) in parts {
    let data = Data(text.utf8)
    try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
      data.subdata(in: Int(position)..<Int(position) + size)
    }
  }
  let table = try CSVReader.read(path).table
  #expect(table.rowCount == rows)
  #expect(try table.column("value").text(at: rows - 1) == "\(rows + 1).25")
  #expect(try table.column("region").text(at: 0) == "region_2")
}
