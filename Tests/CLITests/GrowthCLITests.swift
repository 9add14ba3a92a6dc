import Foundation
import Testing
import _TestSupport

let growthFixture = TestPaths.packageRoot + "/Tests/IndicatorsTests/Golden/growth/pct_change/input.csv"

@Test func growthPrintsCSVWithNotesAndISOPeriods() throws {
  let result = try runCifra(["growth", growthFixture, "--value", "value", "--period", "period", "--by", "group", "--method", "yoy", "--format", "csv"])
  #expect(result.status == 0)
  let lines = result.standardOutput.split(separator: "\n")
  #expect(lines.first == "group,period,value,growth_pct,note")
  #expect(lines.dropFirst().first == "g0,2018-02,79.74,,no_base_period")
}

@Test func growthIsByteIdenticalForAnyJobCount() throws {
  let arguments = ["growth", growthFixture, "--value", "value", "--period", "period", "--by", "group", "--method", "pop", "--format", "json"]
  let one = try runCifra(arguments + ["--jobs", "1"])
  let eight = try runCifra(arguments + ["--jobs", "8"])
  #expect(one.status == 0)
  #expect(one.standardOutput == eight.standardOutput)
}

@Test func growthUsageErrorsExitTwo() throws {
  let result = try runCifra(["growth", growthFixture, "--value", "value", "--period", "period", "--method", "index"])
  #expect(result.status == 2)
  #expect(result.standardError == "cifra: error: --base: method index needs the base period (= 100)\n(see cifra --help, or --help after the command)\n")
}

@Test func growthDataErrorsExitOneAndNameTheProblem() throws {
  let result = try runCifra(["growth", growthFixture, "--value", "value", "--period", "period", "--method", "pop"])
  #expect(result.status == 1)
  #expect(result.standardOutput.isEmpty)
  #expect(result.standardError.hasPrefix("cifra: error: "))
  #expect(result.standardError.contains("appears more than once"))
}

@Test(.enabled(if: TestPaths.hasRealdata))
func growthWarnsAboutIncompleteYearsOnStderr() throws {
  let file = TestPaths.realdata + "/mexico_remittances/remesas_mensuales.csv"
  let result = try runCifra([
    "growth", file, "--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "M", "--by", "FLUJO", "--freq", "A", "--format", "csv",
  ])
  #expect(result.status == 0)
  #expect(result.standardError.contains("cifra: warning: incomplete periods excluded: FLUJO=Ingresos 2026 (5 of 12)"))
  #expect(!result.standardOutput.contains(",2026,"))
}
