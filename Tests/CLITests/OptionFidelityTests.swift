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
