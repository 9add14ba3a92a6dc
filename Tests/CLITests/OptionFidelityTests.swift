import Foundation
import Testing
import _TestSupport

/// Issue 14, item 2: no option is ignored. An option that does not apply to the input is a
/// usage error saying why; weights that miss corridors of the data are an error, or with
/// --missing-weights drop those corridors are left out and named with their share.
@Test(.enabled(if: TestPaths.hasRealdata))
func optionsThatDoNotApplyToADataBankExportAreUsageErrors() throws {
  let databank = TestPaths.realdata + "/remittance_prices/36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv"
  let weights = NSTemporaryDirectory() + "cifra-weights-\(UUID().uuidString).csv"
  defer { try? FileManager.default.removeItem(atPath: weights) }
  try "corridor,weight\nUSAMEX,1\n".write(toFile: weights, atomically: true, encoding: .utf8)
  for (arguments, message) in [
    (["--by", "global"], "--by: a DataBank corridor export holds corridor series only; --by global needs the RPW service-level sheet"),
    (["--by", "firm-type"], "--by: a DataBank corridor export holds corridor series only; --by firm-type needs"),
    (["--amount", "500"], "--amount: a DataBank corridor export holds the 200 USD series only"),
    (["--weights", weights], "--weights: gives the flow-weighted average of --by global; with --by corridor it would be ignored"),
    (["--by", "global", "--weights", weights], "--by: a DataBank corridor export holds corridor series only"),
    (["--missing-weights", "drop"], "--missing-weights: applies with --weights only"),
    (["--format", "csv", "--extra-columns"], "--extra-columns: applies to --format sdmx only"),
  ] {
    let result = try runCifra(["sdg", "10.c.1", databank, "--null-token", ".."] + arguments)
    #expect(result.status == 2, "\(arguments)")
    #expect(result.standardError.hasPrefix("cifra: error: " + message), "\(arguments): \(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }
  // The defaults (and the same values given explicitly) still work on the export.
  #expect(try runCifra(["sdg", "10.c.1", databank, "--null-token", "..", "--corridor", "USAMEX"]).status == 0)
  #expect(try runCifra(["sdg", "10.c.1", databank, "--null-token", "..", "--corridor", "USAMEX", "--by", "corridor", "--amount", "200"]).status == 0)
}

@Test func weightsThatMissCorridorsAreAnErrorOrDroppedByName() throws {
  let sheet = TestPaths.packageRoot + "/datasets/rpw-fixture/data.csv"
  let weights = NSTemporaryDirectory() + "cifra-weights-\(UUID().uuidString).csv"
  defer { try? FileManager.default.removeItem(atPath: weights) }
  try "corridor,weight\nUSAMEX,3\n".write(toFile: weights, atomically: true, encoding: .utf8)
  let strict = try runCifra(["sdg", "10.c.1", sheet, "--by", "global", "--weights", weights])
  #expect(strict.status == 2)
  #expect(strict.standardError.hasPrefix("cifra: error: --weights: 1 corridor(s) of the data have no weight (USAGTM): 5 of 13 services, 38.5 %; add them to the weights file, or pass --missing-weights drop"))
  let dropped = try runCifra(["sdg", "10.c.1", sheet, "--by", "global", "--weights", weights, "--missing-weights", "drop"])
  #expect(dropped.status == 0)
  #expect(dropped.standardError == "cifra: warning: 1 corridor(s) of the data have no weight (USAGTM): 5 of 13 services, 38.5 %, left out of the weighted average (--missing-weights drop)\n")
  // With every corridor weighted there is nothing to say.
  try "corridor,weight\nUSAMEX,3\nUSAGTM,1\n".write(toFile: weights, atomically: true, encoding: .utf8)
  let full = try runCifra(["sdg", "10.c.1", sheet, "--by", "global", "--weights", weights])
  #expect(full.status == 0 && full.standardError.isEmpty)
  // SDMX: a weighted average is no SDG series, and says so.
  let sdmx = try runCifra(["sdg", "10.c.1", sheet, "--by", "global", "--weights", weights, "--format", "sdmx"])
  #expect(sdmx.status == 1)
  #expect(sdmx.standardError.contains("a weighted average is not one of them"))
  let tier = try runCifra(["sdg", "10.c.1", sheet, "--amount", "500", "--format", "sdmx"])
  #expect(tier.status == 1)
  #expect(tier.standardError.contains("--amount 500 has none"))
}

/// growth: an option the method does not use is a usage error naming it (checked before any work).
@Test func growthOptionsTheMethodDoesNotUseAreUsageErrors() throws {
  let file = TestPaths.packageRoot + "/datasets/mexico-remittances/remesas_mensuales.csv"
  let common = ["growth", file, "--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "M", "--by", "FLUJO"]
  for (arguments, message) in [
    (["--method", "cagr", "--lag", "2"], "--lag: applies to methods pop, yoy, annualized and contribution, not to cagr"),
    (["--method", "index", "--base", "2015", "--lag", "12"], "--lag: applies to methods pop, yoy, annualized and contribution, not to index"),
    (["--method", "yoy", "--base", "2015"], "--base: applies to methods index and chain (the period = 100), not to yoy"),
    (["--method", "pop", "--component", "FLUJO"], "--component: applies to method contribution only, not to pop"),
  ] {
    let result = try runCifra(common + arguments)
    #expect(result.status == 2, "\(arguments)")
    #expect(result.standardError.hasPrefix("cifra: error: " + message), "\(arguments): \(result.standardError)")
  }
}

/// Issue 15, item 5: --fill-absent 0 counts a group's missing periods (within the data's span)
/// as zero and says so; without it, absent stays absent (a gap, never a zero).
@Test func fillAbsentCountsMissingRowsAsZeroAndSaysSo() throws {
  let folder = NSTemporaryDirectory() + "cifra-fill-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  try "title,month,n\nA,2024-01,5\nA,2024-03,4\nB,2024-02,2\n".write(toFile: folder + "/e.csv", atomically: true, encoding: .utf8)
  let common = ["growth", folder + "/e.csv", "--value", "n", "--period", "month", "--by", "title", "--format", "csv"]
  let filled = try runCifra(common + ["--fill-absent", "0"])
  #expect(filled.status == 0)
  let rows = try pythonCSV(filled.standardOutput)
  #expect(rows.map { "\($0["title"]!) \($0["period"]!) \($0["value"]!)" } == [
    "A 2024-01 5", "A 2024-02 0", "A 2024-03 4", "B 2024-01 0", "B 2024-02 2", "B 2024-03 0",
  ])
  #expect(filled.standardError.hasPrefix(
    "cifra: warning: 3 absent period(s) counted as 0 (fill-absent), e.g. title=A 2024-02, title=B 2024-01, title=B 2024-03; without fill-absent, absent stays absent\n"))
  let plain = try runCifra(common)
  #expect(try pythonCSV(plain.standardOutput).count == 3)
  let negative = try runCifra(common + ["--fill-absent=-1"])
  #expect(negative.status == 2)
  #expect(negative.standardError.hasPrefix("cifra: error: --fill-absent: must be a finite count ≥ 0"))
}
