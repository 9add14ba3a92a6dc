import Columnar
import Foundation
import Indicators
import TableIO
import Testing
import _TestSupport

let datasets = TestPaths.packageRoot + "/datasets/"

/// Every shipped table loads with its declared columns and types.
@Test(arguments: [
  ("giro-paisano/data.csv", ["period": DataType.int64, "months": .string, "operations_thousands": .double, "status": .string], 8),
  ("refugee-applications/data.csv", ["period": .int64, "applications": .int64, "status": .string], 6),
  ("vds-2013-2017/data.csv", ["column": .string, "role": .string, "total_2013_2017": .int64, "growth_2013_2017_pct": .double], 8),
  ("gcm-programs-2022/data.csv", ["gcm_objective": .int64, "reporting_unit": .string, "line": .int64], 346),
  ("pem-2017-action-lines/data.csv", ["action_line": .string, "objective": .int64, "first_line": .int64, "agencies": .string], 106),
  ("pem-2017-action-lines/line_agency.csv", ["agency": .string, "objective": .int64], 171),
  ("refugee-cases/data.csv", ["filed": .date, "resolved": .date, "outcome": .string, "extended": .bool], 5000),
  ("rpw-fixture/data.csv", ["period": .string, "cc1 lcu fee": .double, "corridor": .string], 13),
  ("repatriated-modules-2018/data.csv", ["measure": .string, "value": .int64, "source_line": .int64], 2),
  ("curp-temporal-2021-2022/data.csv", ["issuer": .string, "curp_temporal_issued": .int64], 2),
  ("banco-bienestar-remittances/data.csv", ["measure": .string, "value": .int64, "unit": .string], 3),
  ("zacatecas-health-indicators/data.csv", ["number": .int64, "key": .string, "text": .string], 8),
])
func datasetLoadsWithItsSchema(file: String, types: [String: DataType], rows: Int) throws {
  let table = try CSVReader.read(datasets + file).table
  #expect(table.rowCount == rows)
  for (name, type) in types { #expect(try table.column(name).dataType == type, "\(file): \(name)") }
}

/// Figures the seeds state: Giro Paisano year-on-year growth (seed 003 L8583-8600, to the 3
/// decimals of the findings) and refugee-application CAGR 2013-2021 (77.9 %).
@Test func seedGrowthFiguresReproduceFromTheDatasets() throws {
  let giro = try CSVReader.read(datasets + "giro-paisano/annual.csv").table
  var options = GrowthOptions(value: "operations_thousands", period: "period")
  let growth = try Growth.compute(giro, options: options).table
  #expect(areClose(try doubles(growth, "growth_pct"), [nil, 12.494, 9.297, 2.062, 1.588, -1.381, 6.521], absolute: 5e-4))
  options.method = .cagr
  #expect(isClose(try doubles(Growth.compute(giro, options: options).table, "cagr_pct")[0]!, 4.99, absolute: 5e-3))
  let applications = try CSVReader.read(datasets + "refugee-applications/annual.csv").table
  var refugee = GrowthOptions(value: "applications", period: "period")
  refugee.method = .cagr
  #expect(isClose(try doubles(Growth.compute(applications, options: refugee).table, "cagr_pct")[0]!, 77.9, absolute: 0.05))
}

/// PEM 2017: lines per objective 26/12/26/22/20; INM 28, INM-OIC 22, PGR 22, SRE 19 lines
/// (seeds-000-002-004-findings.md §4.5).
@Test func pemCountsMatchTheFindings() throws {
  let pairs = try CSVReader.read(datasets + "pem-2017-action-lines/line_agency.csv").table
  let table = try CrossTab.table(pairs, rows: "agency", columns: "objective", value: nil, margins: true)
  let agencies = try texts(table, "agency")
  let totals = try doubles(table, "Total")
  func lines(_ agency: String) -> Double? { agencies.firstIndex(of: agency).flatMap { totals[$0] } }
  #expect(lines("INM") == 28)
  #expect(lines("INM-OIC") == 22)
  #expect(lines("PGR") == 22)
  #expect(lines("SRE") == 19)
  let actionLines = try CSVReader.read(datasets + "pem-2017-action-lines/data.csv").table
  let byObjective = try CrossTab.table(actionLines, rows: "objective", columns: "objective", value: nil, margins: true)
  #expect(try doubles(byObjective, "Total") == [26, 12, 26, 22, 20, 106])
}

/// VDS: the stated growth percentages are consistent with the 2-decimal convention and
/// C2 = C3 + … + C8 (the audit spec checks the sum).
@Test func vdsTotalsAddUp() throws {
  let vds = try CSVReader.read(datasets + "vds-2013-2017/data.csv").table
  let totals = try doubles(vds, "total_2013_2017")
  #expect(totals[1]! == totals[2...].reduce(0) { $0 + $1! })
}

/// Every dataset folder documents its source lines.
@Test func everyDatasetHasAProvenanceReadme() throws {
  for name in try FileManager.default.contentsOfDirectory(atPath: datasets) where !name.hasSuffix(".toml") {
    let readme = datasets + name + "/README.md"
    let text = try String(contentsOfFile: readme, encoding: .utf8)
    #expect(text.contains("line") || text.contains("SYNTHETIC"), "\(name): README must give source lines")
  }
}

/// VDS component shares of total services (C3–C8 of C2): 53.11, 30.71, 1.26, 8.45, 0.46, 6.00 %
/// (seeds-000-002-004-findings.md §1.2).
@Test func vdsComponentShares() throws {
  let vds = try CSVReader.read(datasets + "vds-2013-2017/data.csv").table
  let shares = try CrossTab.shares(vds, category: "column", value: "total_2013_2017", by: ["role"])
  let roles = try texts(shares, "role")
  let pct = try doubles(shares, "share_pct")
  let components = (0..<shares.rowCount).filter { roles[$0] == "component" }.map { (pct[$0]! * 100).rounded() / 100 }
  #expect(components == [53.11, 30.71, 1.26, 8.45, 0.46, 6.0])
}
