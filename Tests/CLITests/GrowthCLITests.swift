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
  #expect(result.standardError.contains("cifra: warning: 2 incomplete periods excluded (of 46), e.g. FLUJO=Ingresos 2026 (5 of 12); FLUJO=Egresos 2026 (5 of 12); use keep-incomplete"))
  #expect(!result.standardOutput.contains(",2026,"))
}

/// Banxico's first-of-month dates are months, not days (one line saying so), and a computation
/// that drops every row is an error with the reason, never an empty table with exit 0.
@Test func firstOfMonthDatesAreMonthsAndEmptyResultsAreErrors() throws {
  let file = TestPaths.packageRoot + "/datasets/mexico-remittances/remesas_mensuales.csv"
  let monthly = try runCifra([
    "growth", file, "--value", "VALOR_USD", "--period", "PERIODO", "--freq", "M", "--by", "FLUJO", "--method", "yoy", "--format", "csv",
  ])
  #expect(monthly.status == 0)
  #expect(monthly.standardError.hasPrefix("cifra: warning: period column 'PERIODO' holds only first-of-month dates"))
  #expect(monthly.standardOutput.contains("\nIngresos,1996-01,"))
  #expect(monthly.standardError.count < 400)
  let days = try runCifra([
    "growth", file, "--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "D", "--freq", "M", "--by", "FLUJO", "--format", "csv",
  ])
  #expect(days.status == 1)
  #expect(days.standardOutput.isEmpty)
  #expect(days.standardError.contains("no result row: the computation dropped all 538 input rows (538 incomplete periods excluded"))
}

/// from/to choose the periods reported; earlier periods are still bases. --ytd honours --to.
/// A window finer than --freq is a usage error. Values: Golden/growth/make_window_checks.py.
@Test func windowsChooseReportedPeriodsAndYTDHonoursTo() throws {
  let file = TestPaths.packageRoot + "/datasets/mexico-remittances/remesas_mensuales.csv"
  let base = ["growth", file, "--value", "VALOR_USD", "--period", "PERIODO", "--period-freq", "M", "--by", "FLUJO", "--format", "csv"]
  func growth(_ result: CLIResult, _ prefix: String) -> Double? {
    result.standardOutput.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.split(separator: ",")[3]) }
  }
  let ytd = try runCifra(base + ["--ytd", "--method", "yoy", "--to", "2022-06"])
  #expect(ytd.status == 0)
  let jan_jun = try #require(growth(ytd, "Ingresos,2022,"))
  #expect(abs(jan_jun - 13.39612162145265) <= 1e-12 * 13.4)
  #expect(ytd.standardOutput.contains(",2022-01/2022-06\n"))
  #expect(!ytd.standardOutput.contains(",2023,"))
  let from = try runCifra(base + ["--method", "yoy", "--from", "2026-01", "--where", "FLUJO=Ingresos"])
  let january = try #require(growth(from, "Ingresos,2026-01,"))
  #expect(abs(january - -0.8801666436171751) <= 1e-12)
  #expect(!from.standardOutput.contains("no_base_period"))
  #expect(!from.standardOutput.contains(",2025-"))
  let finer = try runCifra(base + ["--freq", "A", "--from", "2020-03"])
  #expect(finer.status == 2)
  #expect(finer.standardError.hasPrefix("cifra: error: --from: 2020-03 is finer than freq A"))
}
