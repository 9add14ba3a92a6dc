import Foundation
import Testing
import _TestSupport

/// Two real Banxico vintages (USD millions with 4 decimals vs USD): with a tolerance of USD
/// 0.1 million, 11 months are revised (2023-01 … 2024-03; an independent pandas merge finds the
/// same 11) and 26 months are added.
@Test(.enabled(if: TestPaths.hasRealdata))
func banxicoVintagesDiff() throws {
  let folder = TestPaths.realdata + "/mexico_remittances/"
  let result = try runCifra([
    "diff", folder + "lapanquecita_2024-05-03/remesas_mensuales.csv", folder + "remesas_mensuales.csv",
    "--old-key", "fecha", "--new-key", "PERIODO", "--old-value", "total", "--new-value", "VALOR_USD", "--old-scale", "1000000",
    "--new-where", "FLUJO=Ingresos", "--period-key", "--period-freq", "M", "--date-format", "mdy", "--tolerance", "100000",
    "--format", "csv",
  ])
  #expect(result.status == 0)
  #expect(result.standardError.contains("11 revised, 26 added, 0 removed, 340 unchanged"))
  let rows = try pythonCSV(result.standardOutput)
  let first = rows.first { $0["status"] == "revised" }
  #expect(first?["PERIODO"] == "2023-01")
  #expect(first?["revision"] == "-653972")
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
