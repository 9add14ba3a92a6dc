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

@Test(.enabled(if: TestPaths.hasRealdata))
func sdmxCSV10HasTheDSDHeaderAndParses() throws {
  let result = try runCifra(["sdg", "10.7.3", mmpHDX, "--by", "year", "--negative", "keep", "--format", "sdmx"])
  #expect(result.status == 0)
  let header = result.standardOutput.split(separator: "\n").first.map(String.init)
  #expect(header == "DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA,SEX,AGE,URBANISATION,INCOME_WEALTH_QUANTILE,EDUCATION_LEV,OCCUPATION,CUST_BREAKDOWN,COMPOSITE_BREAKDOWN,DISABILITY_STATUS,ACTIVITY,PRODUCT,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,UNIT_MEASURE")
  let rows = try pythonCSV(result.standardOutput)
  #expect(rows.count == 9)
  #expect(rows.first?["DATAFLOW"] == "IAEG-SDGs:DF_SDG_GLH(1.24)")
  #expect(rows.first?["SERIES"] == "SM_DTH_MIGR")
  #expect(rows.first?["REF_AREA"] == "484")
  #expect(rows.first?["SEX"] == "_T")
  #expect(rows.first?["UNIT_MEASURE"] == "NUMBER")
  #expect(rows.first?["TIME_PERIOD"] == "2014")
  #expect(rows.first?["OBS_VALUE"] == "5318")
}

@Test(.enabled(if: TestPaths.hasRealdata))
func sdmxCSV20StartsWithStructureAndMarksProvisional() throws {
  let file = TestPaths.realdata + "/mexico_remittances/sdg-odsmexico_2023-08-28/indicator_17-3-2.csv"
  let result = try runCifra(["sdg", "17.3.2", "--published", file, "--format", "sdmx", "--sdmx-version", "2.0"])
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
}

/// Open SDG: the layout of the ONS indicator_10-7-3.csv (Year, disaggregations, Observation
/// status, Unit multiplier, Units, Value; headline rows with blank disaggregations first).
@Test(.enabled(if: TestPaths.hasRealdata))
func openSDGMatchesTheONSLayout() throws {
  let result = try runCifra(["sdg", "10.7.3", mmpHDX, "--by", "year", "--by", "cause", "--negative", "keep", "--format", "opensdg"])
  #expect(result.status == 0)
  let ons = try String(contentsOfFile: TestPaths.realdata + "/missing_migrants/ONSdigital_sdg-data/indicator_10-7-3.csv", encoding: .utf8)
  let onsHeader = ons.split(whereSeparator: \.isNewline).first!.split(separator: ",").map(String.init)
  let header = result.standardOutput.split(separator: "\n").first!.split(separator: ",").map(String.init)
  #expect(header.first == onsHeader.first)  // Year
  #expect(Array(header.suffix(4)) == Array(onsHeader.suffix(4)))  // Observation status, Unit multiplier, Units, Value
  let rows = try pythonCSV(result.standardOutput)
  let headline = rows.filter { $0["cause"] == "" }
  #expect(headline.map { $0["Year"]! } == (2014...2022).map(String.init))
  #expect(headline.first?["Value"] == "5318")
  #expect(!rows.contains { $0["Value"] == "" })
}

@Test func formatsNeedAPeriodLayout() throws {
  let file = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/csv/mixed.csv"
  let result = try runCifra(["sdg", "10.7.4", file, "--refugees", "value", "--population", "year", "--null-token", "..", "--format", "sdmx"])
  #expect(result.status == 1)
  #expect(result.standardError.contains("no period/value layout"))
}
