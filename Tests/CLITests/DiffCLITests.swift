import Foundation
import Testing
import _TestSupport

/// `cifra diff` of the two real Banxico vintages of monthly remittances (Ingresos), as CSV.
let banxicoVintages = [
  "diff", TestPaths.realdata + "/mexico_remittances/lapanquecita_2024-05-03/remesas_mensuales.csv",
  TestPaths.realdata + "/mexico_remittances/remesas_mensuales.csv", "--old-key", "fecha", "--new-key", "PERIODO", "--old-value", "total",
  "--new-value", "VALOR_USD", "--old-scale", "1000000", "--new-where", "FLUJO=Ingresos", "--period-key", "--period-freq", "M",
  "--date-format", "mdy", "--format", "csv",
]

/// Two real Banxico vintages (USD millions with 4 decimals vs USD): with a tolerance of USD
/// 0.1 million, 11 months are revised (2023-01 … 2024-03; an independent pandas merge finds the
/// same 11) and 26 months are added.
@Test(.enabled(if: TestPaths.hasRealdata))
func banxicoVintagesDiff() throws {
  let result = try runCifra(banxicoVintages + ["--tolerance", "100000"])
  #expect(result.status == 0)
  #expect(result.standardError.contains("11 revised, 26 added, 0 removed, 340 unchanged"))
  let rows = try pythonCSV(result.standardOutput)
  let first = rows.first { $0["status"] == "revised" }
  #expect(first?["PERIODO"] == "2023-01")
  #expect(first?["revision"] == "-653972")
}

/// Without --tolerance, the data's own precision decides: the old vintage's 4 decimals of USD
/// millions make USD 50, so 15 months are revised — the count of the independent script
/// Golden/diff_default_tolerance.py (same rule, csv module); the summary is information.
@Test(.enabled(if: TestPaths.hasRealdata))
func diffDefaultsToTheDataPrecision() throws {
  let result = try runCifra(banxicoVintages)
  #expect(result.status == 0)
  #expect(result.standardError == "cifra: 15 revised, 26 added, 0 removed, 336 unchanged (differences up to 50.0 count as unchanged)\n")
  // Rounding is not a revision: 12.3 (one decimal) against 12.34 and 12.25.
  let folder2 = NSTemporaryDirectory() + "cifra-diff-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder2, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder2) }
  try "p,v\n2020,12.3\n2021,12.3\n2022,12.3\n".write(toFile: folder2 + "/old.csv", atomically: true, encoding: .utf8)
  try "p,v\n2020,12.34\n2021,12.25\n2022,12.4\n".write(toFile: folder2 + "/new.csv", atomically: true, encoding: .utf8)
  let small = try runCifra(["diff", folder2 + "/old.csv", folder2 + "/new.csv", "--key", "p", "--value", "v", "--format", "csv"])
  #expect(small.standardError == "cifra: 1 revised, 0 added, 0 removed, 2 unchanged (differences up to 0.05 count as unchanged)\n")
  let exact = try runCifra(["diff", folder2 + "/old.csv", folder2 + "/new.csv", "--key", "p", "--value", "v", "--tolerance", "0", "--format", "csv"])
  #expect(exact.standardError.hasPrefix("cifra: 3 revised"))
}

/// Mexico's SDG platform 17.3.2 vintages: labels `2022/I  P/` and `2022/I P/` are the same quarter.
@Test(.enabled(if: TestPaths.hasRealdata))
func sdgPlatformVintagesDiff() throws {
  let folder = TestPaths.realdata + "/mexico_remittances/"
  let result = try runCifra([
    "diff", folder + "sdg-odsmexico_2023-03-13/indicator_17-3-2.csv", folder + "sdg-odsmexico_2023-08-28/indicator_17-3-2.csv",
    "--key", "Year", "--value", "Value", "--period-key", "--format", "csv",
  ])
  #expect(result.status == 0)
  #expect(result.standardError.contains("74 revised, 3 added, 0 removed, 32 unchanged"))
  let rows = try pythonCSV(result.standardOutput)
  // The March 2023 vintage ends at 2022/II (106 quarters), so three quarters are new.
  #expect(rows.filter { $0["status"] == "added" }.map { $0["Year"]! } == ["2022-Q3", "2022-Q4", "2023-Q1"])
}

/// `cifra audit` exits 1 only for an undocumented mismatch (or a documented slip not found).
@Test func auditExitCodeFollowsTheDocumentedSlips() throws {
  let folder = NSTemporaryDirectory() + "cifra-audit-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  try "[[sum]]\nlabel = \"x\"\ntotal = 3\nparts = [1, 1]\nslip = true\n".write(toFile: folder + "/documented.toml", atomically: true, encoding: .utf8)
  try "[[sum]]\nlabel = \"x\"\ntotal = 3\nparts = [1, 1]\n".write(toFile: folder + "/undocumented.toml", atomically: true, encoding: .utf8)
  try "[[sum]]\nlabel = \"x\"\ntotal = 2\nparts = [1, 1]\nslip = true\n".write(toFile: folder + "/missed.toml", atomically: true, encoding: .utf8)
  #expect(try runCifra(["audit", folder + "/documented.toml", "--format", "csv"]).status == 0)
  #expect(try runCifra(["audit", folder + "/undocumented.toml", "--format", "csv"]).status == 1)
  #expect(try runCifra(["audit", folder + "/missed.toml", "--format", "csv"]).status == 1)
}
