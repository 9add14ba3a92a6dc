import Foundation
import Testing
import _TestSupport

/// Runs python3's csv module (an independent RFC 4180 reader) over `text` and returns the rows.
func pythonCSV(_ text: String) throws -> [[String: String]] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", "import csv, json, sys; print(json.dumps(list(csv.DictReader(sys.stdin))))"]
  let input = Pipe()
  let output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  try process.run()
  input.fileHandleForWriting.write(Data(text.utf8))
  try input.fileHandleForWriting.close()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return try JSONSerialization.jsonObject(with: data) as! [[String: String]]
}

let mmpHDX = TestPaths.realdata + "/missing_migrants/Missing_Migrants_Global_Figures.csv"

/// Runs the independent SDMX checker (Checkers/check_sdmx_csv.py) over `paths`.
func checkSDMX(_ paths: [String]) throws -> (status: Int32, problems: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", TestPaths.packageRoot + "/Tests/CLITests/Checkers/check_sdmx_csv.py"] + paths
  let output = Pipe()
  process.standardOutput = output
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Test(.enabled(if: TestPaths.hasRealdata))
func sdmxCSV10HasTheDSDHeaderAndParses() throws {
  let result = try runCifra(["sdg", "10.7.3", mmpHDX, "--by", "year", "--negative", "keep", "--format", "sdmx"])
  #expect(result.status == 0)
  let header = result.standardOutput.split(separator: "\n").first.map(String.init)
  #expect(header?.hasPrefix("DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA,SEX,AGE,URBANISATION,INCOME_WEALTH_QUANTILE,EDUCATION_LEV,OCCUPATION,CUST_BREAKDOWN,COMPOSITE_BREAKDOWN,DISABILITY_STATUS,ACTIVITY,PRODUCT,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,UNIT_MEASURE,BASE_PER,") == true)
  let rows = try pythonCSV(result.standardOutput)
  #expect(rows.count == 9)
  #expect(rows.first?["DATAFLOW"] == "IAEG-SDGs:DF_SDG_GLH(1.24)")
  #expect(rows.first?["SERIES"] == "SM_DTH_MIGR")
  // MMP is global: world totals are REF_AREA 1 (never a default country).
  #expect(rows.allSatisfy { $0["REF_AREA"] == "1" })
  #expect(rows.first?["SEX"] == "_T")
  #expect(rows.first?["UNIT_MEASURE"] == "NUMBER")
  #expect(rows.first?["TIME_PERIOD"] == "2014")
  #expect(rows.first?["OBS_VALUE"] == "5318")
  // The export ends in February 2022: that year is partial, so not a normal observation.
  let last = rows.last
  #expect(last?["TIME_PERIOD"] == "2022" && last?["OBS_STATUS"] == "P")
  #expect(last?["COMMENT_OBS"] == "Partial year: the export covers incidents to 2022-02")
  #expect(rows.dropLast().allSatisfy { $0["OBS_STATUS"] == "A" && $0["COMMENT_OBS"] == "" })
  let file = NSTemporaryDirectory() + "cifra-sdmx-\(UUID().uuidString).csv"
  defer { try? FileManager.default.removeItem(atPath: file) }
  try result.standardOutput.write(toFile: file, atomically: true, encoding: .utf8)
  let checked = try checkSDMX([file])
  #expect(checked.status == 0, "\(checked.problems)")
}

/// REF_AREA comes from the data or --ref-area, never a default: a file with no area needs it.
@Test(.enabled(if: TestPaths.hasRealdata))
func sdmxCSV20StartsWithStructureAndMarksProvisional() throws {
  let file = TestPaths.realdata + "/mexico_remittances/sdg-odsmexico_2023-08-28/indicator_17-3-2.csv"
  let unknown = try runCifra(["sdg", "17.3.2", "--published", file, "--format", "sdmx"])
  #expect(unknown.status == 1)
  #expect(unknown.standardError.contains("pass --ref-area with its M49 code"))
  let result = try runCifra(["sdg", "17.3.2", "--published", file, "--format", "sdmx", "--sdmx-version", "2.0", "--ref-area", "484"])
  #expect(result.status == 0)
  let rows = try pythonCSV(result.standardOutput)
  #expect(result.standardOutput.hasPrefix("STRUCTURE,STRUCTURE_ID,ACTION,FREQ,"))
  #expect(rows.count == 109)
  let q1 = rows.first { $0["TIME_PERIOD"] == "2022-Q1" }
  #expect(q1?["OBS_STATUS"] == "P")
  #expect(q1?["STRUCTURE"] == "dataflow")
  #expect(q1?["ACTION"] == "I")
  #expect(q1?["FREQ"] == "Q")
  #expect(q1?["SERIES"] == "BX_TRF_PWKR")
  #expect(rows.allSatisfy { $0["REF_AREA"] == "484" })
  // SDMX settings for another format are usage errors, not ignored.
  let misplaced = try runCifra(["sdg", "17.3.2", "--published", file, "--format", "csv", "--ref-area", "484"])
  #expect(misplaced.status == 2)
  #expect(misplaced.standardError.contains("--ref-area: applies to --format sdmx only"))
}

/// Corridor series (SI_RMT_COST_BC): the sending country in REF_AREA, `C` + the receiving one in
/// CUST_BREAKDOWN (methodology §1.2); a breakdown that is no DSD dimension is refused.
@Test(.enabled(if: TestPaths.hasRealdata))
func sdmxCorridorsAndRefusals() throws {
  let databank = TestPaths.realdata + "/remittance_prices/36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv"
  let result = try runCifra(["sdg", "10.c.1", databank, "--null-token", "..", "--corridor", "USAMEX", "--corridor", "USAGTM", "--format", "sdmx"])
  #expect(result.status == 0, "\(result.standardError)")
  let rows = try pythonCSV(result.standardOutput)
  #expect(!rows.isEmpty && rows.allSatisfy { $0["SERIES"] == "SI_RMT_COST_BC" && $0["REF_AREA"] == "840" })
  #expect(Set(rows.map { $0["CUST_BREAKDOWN"]! }) == ["C484", "C320"])
  #expect(!result.standardOutput.split(separator: "\n")[0].contains("CORRIDOR"))
  let byCause = try runCifra(["sdg", "10.7.3", mmpHDX, "--by", "year", "--by", "cause", "--negative", "keep", "--format", "sdmx"])
  #expect(byCause.status == 1)
  #expect(byCause.standardError.contains("breakdown 'cause' is no dimension of the UN SDG DSD"))
  // Asked for, the custom column is written, but a key shared by several causes is still refused.
  let extra = try runCifra(["sdg", "10.7.3", mmpHDX, "--by", "year", "--by", "cause", "--negative", "keep", "--format", "sdmx", "--extra-columns"])
  #expect(extra.status == 1)
  #expect(extra.standardError.contains("have the same observation key"))
  let growth = try runCifra(["growth", databank, "--null-token", "..", "--value", "x", "--period", "y", "--format", "sdmx"])
  #expect(growth.status == 2)
  #expect(growth.standardError.contains("growth does not write sdmx"))
}

/// Open SDG: the layout of the ONS indicator_10-7-3.csv (Year, disaggregations with the ONS
/// names, Observation status, Unit multiplier, Units, Value; headline rows with blank
/// disaggregations first; integer years; no row without a value).
@Test(.enabled(if: TestPaths.hasRealdata))
func openSDGMatchesTheONSLayout() throws {
  let result = try runCifra(["sdg", "10.7.3", mmpHDX, "--by", "year", "--by", "cause", "--negative", "keep", "--format", "opensdg"])
  #expect(result.status == 0)
  let ons = try String(contentsOfFile: TestPaths.realdata + "/missing_migrants/ONSdigital_sdg-data/indicator_10-7-3.csv", encoding: .utf8)
  let onsHeader = ons.split(whereSeparator: \.isNewline).first!.split(separator: ",").map(String.init)
  let header = result.standardOutput.split(separator: "\n").first!.split(separator: ",").map(String.init)
  #expect(Array(header.prefix(2)) == Array(onsHeader.prefix(2)))  // Year, Cause of death
  #expect(Array(header.suffix(4)) == Array(onsHeader.suffix(4)))  // Observation status, Unit multiplier, Units, Value
  let rows = try pythonCSV(result.standardOutput)
  let headline = rows.filter { $0["Cause of death"] == "" }
  #expect(headline.map { $0["Year"]! } == (2014...2022).map(String.init))
  #expect(headline.first?["Value"] == "5318")
  #expect(headline.last?["Observation status"] == "Provisional")
  #expect(!rows.contains { $0["Value"] == "" })
  #expect(rows.allSatisfy { Int($0["Year"]!) != nil })
  let onsCauses = Set(try pythonCSV(ons).map { $0["Cause of death"]! }.filter { !$0.isEmpty })
  let causes = Set(rows.map { $0["Cause of death"]! }.filter { !$0.isEmpty })
  #expect(onsCauses.isSubset(of: causes), "\(onsCauses.subtracting(causes))")
}

/// Open SDG: a quarterly series has an integer Year and its own Quarter column.
@Test(.enabled(if: TestPaths.hasRealdata))
func openSDGSplitsSubAnnualPeriods() throws {
  let file = TestPaths.realdata + "/mexico_remittances/sdg-odsmexico_2023-08-28/indicator_17-3-2.csv"
  let result = try runCifra(["sdg", "17.3.2", "--published", file, "--format", "opensdg"])
  #expect(result.status == 0)
  let rows = try pythonCSV(result.standardOutput)
  #expect(result.standardOutput.hasPrefix("Year,Quarter,"))
  #expect(rows.allSatisfy { Int($0["Year"]!) != nil && ["", "Q1", "Q2", "Q3", "Q4"].contains($0["Quarter"]!) })
  #expect(rows.contains { $0["Quarter"] == "Q1" })
}

@Test func formatsNeedAPeriodLayout() throws {
  let file = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/csv/mixed.csv"
  let result = try runCifra(["sdg", "10.7.4", file, "--refugees", "value", "--population", "year", "--null-token", "..", "--format", "sdmx"])
  #expect(result.status == 1)
  #expect(result.standardError.contains("no period/value layout"))
}

/// Issue 14, item 6: --decimals rounds the measures, never the counts; the table format reads
/// at 6 significant digits with thousands grouped (years stay plain); CSV stays exact.
@Test func decimalsRoundMeasuresAndTheTableReads() throws {
  let folder = NSTemporaryDirectory() + "cifra-decimals-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  try "year,deaths,population\n2020,37,250000.5\n2021,52,1260000\n".write(toFile: folder + "/r.csv", atomically: true, encoding: .utf8)
  let rounded = try runCifra(["rate", folder + "/r.csv", "--events", "deaths", "--population", "population", "--by", "year", "--decimals", "1", "--format", "csv"])
  let rows = try pythonCSV(rounded.standardOutput)
  #expect(rows.map { $0["deaths"]! } == ["37", "52"])  // counts as given
  #expect(rows.map { $0["population"]! } == ["250000.5", "1260000"])
  #expect(rows.first?["rate_ratio_of_sums"] == "14.8" && rows.first?["ci_lower"] == "10.4")
  let table = try runCifra(["rate", folder + "/r.csv", "--events", "deaths", "--population", "population", "--by", "year", "--format", "table"])
  let lines = table.standardOutput.split(separator: "\n").map(String.init)
  #expect(lines[2].hasPrefix("2020      37   250,000.5"), "\(lines[2])")
  #expect(lines[2].contains(" 10.4205 ") && lines[2].contains(" 20.3998 "), "\(lines[2])")
  #expect(lines[3].contains("1,260,000"))
  let exact = try runCifra(["rate", folder + "/r.csv", "--events", "deaths", "--population", "population", "--by", "year", "--format", "csv"])
  #expect(try pythonCSV(exact.standardOutput).first?["ci_lower"]?.count ?? 0 > 10)
  let two = try runCifra(["proportion", "45", "60", "--decimals", "1", "--format", "csv"])
  #expect(two.standardOutput == "method,successes,trials,pct,ci_lower_pct,ci_upper_pct,level\nwilson,45,60,75.0,62.8,84.2,0.95\n")
}
