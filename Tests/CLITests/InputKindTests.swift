import Foundation
import Testing
import _TestSupport

/// Issue 15, item 2: `-` reads standard input (named `<stdin>` in errors); a pipe of two
/// commands works.
@Test func standardInputIsAFileNamedDash() throws {
  let csv = Data("region,year,value\nA,2020,100\nA,2021,110\nB,2020,50\nB,2021,40\n".utf8)
  let described = try runCifra(["describe", "-", "--format", "csv"], input: csv)
  #expect(described.status == 0, "\(described.standardError)")
  #expect(described.standardOutput.contains("region"))
  let growth = try runCifra(["growth", "-", "--value", "value", "--period", "year", "--by", "region", "--format", "csv"], input: csv)
  #expect(growth.status == 0)
  #expect(growth.standardOutput.contains("A,2021,110,10"))
  // growth | plot: the first command's CSV is the second's input.
  let chart = NSTemporaryDirectory() + "cifra-pipe-\(UUID().uuidString).svg"
  defer { try? FileManager.default.removeItem(atPath: chart) }
  let plotted = try runCifra(
    ["plot", "-", "--value", "growth_pct", "--period", "period", "--by", "region", "--output", chart], input: Data(growth.standardOutput.utf8))
  #expect(plotted.status == 0, "\(plotted.standardError)")
  #expect(try String(contentsOfFile: chart, encoding: .utf8).hasPrefix("<svg") || (try String(contentsOfFile: chart, encoding: .utf8)).contains("<svg"))
  let broken = try runCifra(["describe", "-"], input: Data("a,b\n1,\"2\n".utf8))
  #expect(broken.status == 1)
  #expect(broken.standardError == "cifra: error: <stdin>, line 2: quoted field is never closed (expected a closing '\"' before the end of the file)\n")
  let empty = try runCifra(["describe", "-"], input: Data())
  #expect(empty.standardError.hasPrefix("cifra: error: <stdin>: the file is empty"))
}

/// Issue 15, item 7: a file of the wrong kind is named as what it is, with the fix.
@Test func wrongKindsOfFileAreNamed() throws {
  let folder = NSTemporaryDirectory() + "cifra-kinds-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  // A minimal ZIP with one stored entry named `name` (local header, central directory, end record).
  func zip(_ name: String) -> Data {
    let nameBytes = Array(name.utf8)
    var local: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    local += [UInt8(nameBytes.count), 0, 0, 0] + nameBytes
    var central: [UInt8] = [0x50, 0x4B, 0x01, 0x02, 20, 0, 20, 0] + [UInt8](repeating: 0, count: 20)
    central += [UInt8(nameBytes.count), 0] + [UInt8](repeating: 0, count: 16) + nameBytes
    let end: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, UInt8(central.count), 0, 0, 0, UInt8(local.count), 0, 0, 0, 0, 0]
    return Data(local + central + end)
  }
  let cases: [(String, Data, String)] = [
    ("book.xlsx", zip("xl/workbook.xml"), "the workbook has no sheets"),
    ("data.csv", zip("data.csv"), "this is a ZIP archive, not CSV text; unzip it"),
    ("old.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "this is a legacy Excel workbook (.xls, OLE2)"),
    ("report.csv", Data("%PDF-1.7\n1 0 obj\n".utf8), "this is a PDF document, not CSV text"),
    ("u16.csv", Data([0xFF, 0xFE]) + "a,b\n1,2\n".data(using: .utf16LittleEndian)!, "this is UTF-16 text (byte-order mark FF FE); convert it to UTF-8"),
    ("u16-nobom.csv", "year,value\n2020,1\n".data(using: .utf16LittleEndian)!, "this is UTF-16 text (no byte-order mark)"),
    ("data.csv.gz", Data([0x1F, 0x8B, 8, 0, 0, 0, 0, 0]), "this is gzip-compressed, not CSV text"),
  ]
  for (name, bytes, message) in cases {
    try bytes.write(to: URL(fileURLWithPath: folder + "/" + name))
    let result = try runCifra(["describe", folder + "/" + name])
    #expect(result.status == 1, "\(name)")
    #expect(result.standardError.hasPrefix("cifra: error: \(folder)/\(name): \(message)"), "\(name): \(result.standardError)")
    // The same through a pipe, and through an indicator.
    let piped = try runCifra(["growth", "-", "--value", "v", "--period", "p"], input: bytes)
    #expect(piped.standardError.hasPrefix("cifra: error: <stdin>: \(message)"), "\(name) piped: \(piped.standardError)")
  }
}

/// Issue 15, item 1: a workbook is read by content; growth of a sheet equals growth of the same
/// data as CSV; a bad cell is named `Datos!C17`; the workbook options apply to workbooks only.
@Test func growthOfAWorkbookSheetEqualsGrowthOfItsCSV() throws {
  let folder = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/xlsx/"
  let arguments = ["--value", "value", "--period", "year", "--by", "region", "--format", "csv"]
  let sheet = try runCifra(["growth", folder + "series.xlsx", "--sheet", "Datos"] + arguments)
  let csv = try runCifra(["growth", folder + "series.csv"] + arguments)
  #expect(sheet.status == 0 && csv.status == 0)
  #expect(sheet.standardOutput == csv.standardOutput)
  #expect(sheet.standardOutput.contains("B,2020,40,-20"))
  // A workbook piped in is a workbook too.
  let piped = try runCifra(["growth", "-"] + arguments, input: try Data(contentsOf: URL(fileURLWithPath: folder + "series.xlsx")))
  #expect(piped.standardOutput == csv.standardOutput)
  let bad = try runCifra(["growth", folder + "bad.xlsx", "--value", "value", "--period", "year", "--by", "region"])
  #expect(bad.status == 1)
  #expect(bad.standardError == "cifra: error: \(folder)bad.xlsx, Datos!C17: cannot read 'n/d' as a number\n")
  let misplaced = try runCifra(["growth", folder + "series.csv", "--sheet", "Datos"] + arguments)
  #expect(misplaced.status == 2, "an option that does not apply is a usage error")
  #expect(misplaced.standardError.hasPrefix("cifra: error: --sheet: applies to .xlsx workbooks"), "\(misplaced.standardError)")
  let describeMisplaced = try runCifra(["describe", folder + "series.csv", "--sheet", "Datos"])
  #expect(describeMisplaced.status == 2 && describeMisplaced.standardError.hasPrefix("cifra: error: --sheet: applies to .xlsx workbooks"))
  let delimiter = try runCifra(["describe", folder + "series.xlsx", "--delimiter", ";"])
  #expect(delimiter.status == 2 && delimiter.standardError.hasPrefix("cifra: error: --delimiter: applies to CSV text"), "\(delimiter.standardError)")
  let range = try runCifra(["describe", folder + "titled.xlsx", "--header-row", "3", "--range", "C1:A2"])
  #expect(range.status == 2)
  #expect(range.standardError.hasPrefix("cifra: error: --range: must be cells like A1:F200, top-left first (got 'C1:A2')"))
}

/// Issue 15, item 4: a WDI bulk file (years as columns) read with --wide gives long series,
/// and per-country CAGR; an independent count of its non-blank cells checks the row count.
@Test(.enabled(if: TestPaths.hasRealdata))
func wideWDIFileGivesLongSeries() throws {
  let file = TestPaths.realdata + "/mexico_remittances/API_BM.TRF.PWKR.CD.DT_DS2_en_csv_v2_3012027.csv"
  let described = try runCifra(["describe", file, "--skip-rows", "4", "--wide", "--format", "json"])
  #expect(described.status == 0, "\(described.standardError)")
  let summary = try JSONSerialization.jsonObject(with: Data(described.standardOutput.utf8)) as! [String: Any]
  let names = (summary["columns"] as! [[String: Any]]).map { $0["name"] as! String }
  #expect(names == ["Country Name", "Country Code", "Indicator Name", "Indicator Code", "period", "value"])
  // Non-blank year cells, counted by Python's csv module.
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [
    "python3", "-c",
    "import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))[4:]; h=r[0]; y=[i for i,n in enumerate(h) if n.isdigit()]; print(sum(1 for row in r[1:] for i in y if i < len(row) and row[i] != ''))",
    file,
  ]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  process.waitUntilExit()
  let count = Int(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  #expect(summary["rows"] as? Int == count)
  let cagr = try runCifra([
    "growth", file, "--skip-rows", "4", "--wide", "--value", "value", "--period", "period", "--by", "Country Code", "--method", "cagr",
    "--where", "Country Code=MEX", "--format", "csv",
  ])
  #expect(cagr.status == 0, "\(cagr.standardError)")
  #expect(try pythonCSV(cagr.standardOutput).first?["Country Code"] == "MEX")
  let notWide = try runCifra(["describe", TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/xlsx/series.csv", "--wide"])
  #expect(notWide.status == 1)
  #expect(notWide.standardError.contains("wide: no column name reads as a period"))
}

/// Issue 15, item 3: a period from two columns. CBP's `Fiscal Year` + `Month (abbv)` with
/// --fiscal-year-start 10 gives calendar months (FY2022 OCT is 2021-10); totals per month
/// equal an independent csv-module sum (first 2021-10: 164,837; last 2025-08: 9,740; 47 months).
@Test(.enabled(if: TestPaths.hasRealdata))
func fiscalYearAndMonthColumnsGiveCalendarMonths() throws {
  let file = TestPaths.realdata + "/mexico_migration_timeseries/sbo-encounters-fy22-fy25-aug.csv"
  let result = try runCifra([
    "growth", file, "--year", "Fiscal Year", "--month", "Month (abbv)", "--fiscal-year-start", "10", "--value", "Encounter Count",
    "--period", "period", "--collapse", "sum", "--format", "csv",
  ])
  #expect(result.status == 0, "\(result.standardError)")
  let rows = try pythonCSV(result.standardOutput)
  #expect(rows.count == 47)
  #expect(rows.first?["period"] == "2021-10" && rows.first?["value"] == "164837")
  #expect(rows.last?["period"] == "2025-08" && rows.last?["value"] == "9740")
  // AÑO + MES in Spanish, and a quarter column.
  let folder = NSTemporaryDirectory() + "cifra-parts-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  try "AÑO,MES,TRIM,valor\n2022,enero,T1,10\n2022,febrero,T1,11\n2023,ENE,I,12\n".write(toFile: folder + "/m.csv", atomically: true, encoding: .utf8)
  let monthly = try runCifra(["describe", folder + "/m.csv", "--year", "AÑO", "--month", "MES", "--format", "json"])
  #expect(monthly.standardOutput.contains("period[M]"), "\(monthly.standardError)")
  let yoy = try runCifra(["growth", folder + "/m.csv", "--year", "AÑO", "--month", "MES", "--value", "valor", "--period", "period", "--method", "yoy", "--format", "csv"])
  #expect(try pythonCSV(yoy.standardOutput).last?["growth_pct"] == "20")
  let quarterly = try runCifra(["describe", folder + "/m.csv", "--year", "AÑO", "--quarter", "TRIM", "--format", "json"])
  #expect(quarterly.standardOutput.contains("period[Q]"))
  for (arguments, message) in [
    (["--month", "MES"], "--month: needs --year, the column of the year"),
    (["--year", "AÑO"], "--year: needs --month or --quarter (one of them)"),
    (["--year", "AÑO", "--quarter", "TRIM", "--fiscal-year-start", "10"], "--fiscal-year-start: applies to --month, not --quarter"),
    (["--year", "AÑO", "--month", "MES", "--fiscal-year-start", "13"], "--fiscal-year-start: must be in 1...12"),
  ] {
    let bad = try runCifra(["describe", folder + "/m.csv"] + arguments)
    #expect(bad.status == 2, "\(arguments)")
    #expect(bad.standardError.hasPrefix("cifra: error: " + message), "\(arguments): \(bad.standardError)")
  }
  try "AÑO,MES,valor\n2022,enero,10\n2022,trece,11\n".write(toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
  let bad = try runCifra(["describe", folder + "/bad.csv", "--year", "AÑO", "--month", "MES"])
  #expect(bad.status == 1)
  #expect(bad.standardError.contains("line 3, column 'MES'"), "\(bad.standardError)")
}

/// Issue 15, item 3: `ENE-JUN 2022` against `ENE-JUN 2021` is the January–June change, never
/// against a whole year; sums by hand: (120 − 100) / 100 = 20 %, (90 − 120) / 120 = −25 %.
@Test func partialYearRangesCompareLikeWithLike() throws {
  let csv = Data("periodo,valor\nENE-JUN 2021,100\n2021,250\n2022 ENE-JUN,120\nENERO-JUNIO 2023,90\n2022,260\n".utf8)
  let growth = try runCifra(["growth", "-", "--value", "valor", "--period", "periodo", "--format", "csv"], input: csv)
  #expect(growth.status == 0, "\(growth.standardError)")
  let rows = try pythonCSV(growth.standardOutput)
  #expect(rows.map { $0["period"]! } == ["2021-01/2021-06", "2022-01/2022-06", "2023-01/2023-06", "2021", "2022"])
  #expect(rows.map { $0["growth_pct"]! } == ["", "20", "-25", "", "4"])
  let sdmx = try runCifra(["growth", "-", "--value", "valor", "--period", "periodo", "--format", "opensdg"], input: csv)
  #expect(sdmx.status == 1)
  #expect(sdmx.standardError.contains("period 2021-01/2021-06 is part of a year"), "\(sdmx.standardError)")
}

/// Issue 15, item 3: CBP fiscal-year labels with --fiscal-year-start 10 are fiscal years
/// (October–September); `2025 (FYTD)` is flagged partial and compared with nothing. Totals
/// equal an independent csv-module sum: FY2022 2,378,944; FY2023 2,475,669; FY2024 2,135,005;
/// FYTD 2025 432,059 (growth 4.0658796508 %, −13.7604825201 %).
@Test(.enabled(if: TestPaths.hasRealdata))
func fiscalYearLabelsAreFiscalYears() throws {
  let file = TestPaths.realdata + "/mexico_migration_timeseries/sbo-encounters-fy22-fy25-aug.csv"
  let arguments = ["growth", file, "--period", "Fiscal Year", "--value", "Encounter Count", "--collapse", "sum", "--format", "csv"]
  let result = try runCifra(arguments + ["--fiscal-year-start", "10"])
  #expect(result.status == 0, "\(result.standardError)")
  let rows = try pythonCSV(result.standardOutput)
  #expect(rows.map { $0["period"]! } == ["2021-10/2022-09", "2022-10/2023-09", "2023-10/2024-09", "2024-10/.."])
  #expect(rows.map { $0["value"]! } == ["2378944", "2475669", "2135005", "432059"])
  #expect(abs(Double(rows[1]["growth_pct"]!)! - 4.065879650803046) < 1e-9 && abs(Double(rows[2]["growth_pct"]!)! + 13.76048252007841) < 1e-9)
  #expect(rows[3]["growth_pct"] == "" && rows[3]["note"] == "partial_period")
  #expect(result.standardError.contains("1 value(s) cover a year to date, not a whole year (e.g. 2024-10/..)"))
  let missing = try runCifra(arguments)
  #expect(missing.status == 1)
  #expect(missing.standardError.contains("'2025 (FYTD)' is a fiscal year: give --fiscal-year-start MONTH"), "\(missing.standardError)")
  let none = try runCifra(["describe", "-", "--fiscal-year-start", "10"], input: Data("a,b\n2022,1\n".utf8))
  #expect(none.status != 0)
  #expect(none.standardError.contains("no column holds fiscal-year labels"), "\(none.standardError)")
}

/// A warning speaks of the rows reported: `--to 2024` leaves the year to date out, and its
/// warning with it.
@Test(.enabled(if: TestPaths.hasRealdata))
func warningsCountOnlyReportedRows() throws {
  let file = TestPaths.realdata + "/mexico_migration_timeseries/sbo-encounters-fy22-fy25-aug.csv"
  let result = try runCifra([
    "growth", file, "--period", "Fiscal Year", "--fiscal-year-start", "10", "--value", "Encounter Count", "--collapse", "sum", "--to", "2024", "--format", "csv",
  ])
  #expect(result.status == 0 && result.standardError.isEmpty, "\(result.standardError)")
  #expect(try pythonCSV(result.standardOutput).count == 3)
}
