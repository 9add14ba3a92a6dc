import Columnar
import TableIO
import Testing
import _TestSupport

/// Row counts and types from each folder's SOURCE.md in ../shared/realdata (read in place).
struct RealFile: Sendable, CustomStringConvertible {
  let path: String
  let rows: Int
  let options: @Sendable (inout CSVOptions) -> Void
  let check: @Sendable (CSVReadResult) throws -> Void
  var description: String { path }
}

let realFiles: [RealFile] = [
  RealFile(path: "missing_migrants/MissingMigrants-Global-2019-03-29T18-36-07.csv", rows: 5560, options: { _ in }) { (result: CSVReadResult) throws in
    #expect(result.hadByteOrderMark)
    #expect(result.dateFormats["Reported Date"] == .dMonYY)
    #expect(result.table.columns[5].nullCount == 205)  // Number Dead blank on 205 rows
  },
  RealFile(path: "missing_migrants/MissingMigrants-Global-2020-01-08T14-05-32.csv", rows: 6249, options: { $0.thousandsSeparator = UInt8(ascii: ",") }) { (result: CSVReadResult) throws in
    #expect(try result.table.column("Total Dead and Missing").dataType == .int64)  // "1,022" read as 1022
    #expect(result.dateFormats["Reported Date"] == .monthDayYear)
  },
  RealFile(path: "missing_migrants/Missing_Migrants_Global_Figures.csv", rows: 10274, options: { _ in }) { (result: CSVReadResult) throws in
    #expect(result.encoding == .cp1252)
    #expect(try result.table.column("Incident Date").nullCount == 15)
    let regions = try result.table.strings("Region of Incident").dictionary
    #expect(regions.contains("South-eastern Asia"))
    let locations = try result.table.strings("Location of death").dictionary
    #expect(locations.contains { $0.contains("í") })  // accents intact
  },
  RealFile(path: "missing_migrants/MissingMigrants-Global-2026-05-06--19_42_11.csv", rows: 238, options: { _ in }) { (result: CSVReadResult) throws in
    #expect(result.dateFormats["Incident Date"] == .drupal)
    #expect(try result.table.column("Number Dead").nullCount == 42)
  },
  RealFile(path: "missing_migrants/ONSdigital_sdg-data/indicator_10-7-3.csv", rows: 297, options: { _ in }) { _ in },
  RealFile(path: "remittance_prices/36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv", rows: 5328, options: { $0.nullTokens = [".."] }) { (result: CSVReadResult) throws in
    #expect(result.footerRecords == 5)
    #expect(try result.table.column("2011Q1 [YR2011Q1]").nullCount == 5328 - 199)
    #expect(try result.table.column("2020Q3 [YR2020Q3]").dataType == .double)
  },
  RealFile(path: "remittance_prices/ONSdigital_sdg-data/indicator_10-c-1.csv", rows: 39, options: { $0.types = ["Year": .anyPeriod] }) { (result: CSVReadResult) throws in
    #expect(try result.table.column("Year").text(at: 0) == "2013-Q1")
  },
  RealFile(path: "unhcr_asylum/asylum-decisions.csv", rows: 45641, options: { _ in }) { (result: CSVReadResult) throws in
    let stage = try result.table.strings("Stage of procedure")
    #expect(stage.dictionary.contains("NA"))  // the code NA stays a value
    #expect(stage.nullCount == 0)
  },
  RealFile(path: "unhcr_asylum/asylum-applications.csv", rows: 90803, options: { _ in }) { (result: CSVReadResult) throws in
    #expect(try result.table.column("Country of origin (ISO)").nullCount == 912)
  },
  RealFile(path: "mexico_remittances/remesas_mensuales.csv", rows: 538, options: { _ in }) { (result: CSVReadResult) throws in
    #expect(try result.table.column("PERIODO").dataType == .date)
  },
  RealFile(path: "mexico_remittances/remesas_entidad.csv", rows: 2976, options: { _ in }) { _ in },
  RealFile(path: "mexico_remittances/remesas_usa.csv", rows: 2809, options: { _ in }) { _ in },
  RealFile(path: "mexico_remittances/lapanquecita_2024-05-03/remesas_mensuales.csv", rows: 351, options: { _ in }) { (result: CSVReadResult) throws in
    // 01/01/1995 … every day is 01: month/day order cannot be told, so it stays text.
    #expect(try result.table.column("fecha").dataType == .string)
  },
  RealFile(path: "mexico_remittances/API_BM.TRF.PWKR.CD.DT_DS2_en_csv_v2_3012027.csv", rows: 266, options: { $0.skipRows = 4 }) { (result: CSVReadResult) throws in
    #expect(result.table.schema.fields.count == 66)
  },
  RealFile(path: "mexico_remittances/wid_wb_to_merge.csv", rows: 1088, options: { $0.nullTokens = ["NA"] }) { (result: CSVReadResult) throws in
    #expect(try result.table.column("personal_rm").nullCount == 150)
    #expect(try result.table.column("year").dataType == .int64)
  },
  RealFile(path: "mexico_remittances/sdg-odsmexico_2023-08-28/indicator_17-3-2.csv", rows: 109, options: { $0.types = ["Year": .anyPeriod] }) { (result: CSVReadResult) throws in
    #expect(try result.table.column("Year").dataType == .period(.quarterly))
  },
  RealFile(path: "mexico_remittances/sdg-odsmexico_2023-03-13/indicator_17-3-2.csv", rows: 106, options: { $0.types = ["Year": .anyPeriod] }) { _ in },
  RealFile(path: "mexico_migration_timeseries/sbo-encounters-fy22-fy25-aug.csv", rows: 1936, options: { _ in }) { _ in },
]

@Test(.enabled(if: TestPaths.hasRealdata), arguments: realFiles)
func realFilesReadWithTheirPublishedRowCounts(file: RealFile) throws {
  for jobs in [1, 2] {
    var options = CSVOptions()
    options.jobs = jobs
    options.minimumChunkBytes = 64 << 10
    file.options(&options)
    let result = try CSVReader.read(TestPaths.realdata + "/" + file.path, options: options)
    #expect(result.table.rowCount == file.rows)
    try file.check(result)
  }
}
