import Foundation
import Testing
import _TestSupport

/// A scratch folder with small tables for the registry checks of issue 12.
func registryScratch() throws -> String {
  let folder = NSTemporaryDirectory() + "cifra-registry-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  try """
    FLUJO,PERIODO,VALOR_USD,cases,in_time
    Ingresos,2020,100,10,7
    Ingresos,2021,110,20,15
    Ingresos,2022,121,30,21
    Egresos,2020,50,5,5
    Egresos,2021,40,8,4
    Egresos,2022,60,9,3
    """.write(toFile: folder + "/flows.csv", atomically: true, encoding: .utf8)
  try """
    Main ID,Incident Year,Number of Dead,Minimum Estimated Number of Missing,Migration route
    a1,2020,3,1,US-Mexico border crossing
    a2,2020,2,,Central Mediterranean
    a3,2021,5,2,US-Mexico border crossing
    """.write(toFile: folder + "/mmp.csv", atomically: true, encoding: .utf8)
  return folder
}

/// `--where` is the same option on every table command: growth, plot, proportion, crosstab.
@Test func whereFiltersEveryTableCommand() throws {
  let folder = try registryScratch()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let flows = folder + "/flows.csv"
  let growth = try runCifra(["growth", flows, "--value", "VALOR_USD", "--period", "PERIODO", "--where", "FLUJO=Ingresos", "--format", "csv"])
  #expect(growth.status == 0)
  #expect(growth.standardOutput == "period,value,growth_pct,note\n2020,100,,no_base_period\n2021,110,10,\n2022,121,10,\n")
  let proportion = try runCifra([
    "proportion", flows, "--successes", "in_time", "--trials", "cases", "--by", "FLUJO", "--where", "PERIODO!=2020", "--format", "csv",
  ])
  #expect(proportion.status == 0)
  #expect(proportion.standardOutput.hasPrefix("FLUJO,in_time,cases,pct,ci_lower_pct,ci_upper_pct\nIngresos,36,50,72,"))
  #expect(proportion.standardOutput.contains("\nEgresos,7,17,"))
  let crosstab = try runCifra(["crosstab", flows, "--rows", "FLUJO", "--cols", "PERIODO", "--where", "FLUJO~gres", "--where", "PERIODO=2021"])
  #expect(crosstab.status == 0)
  #expect(crosstab.standardOutput.contains("Ingresos") && crosstab.standardOutput.contains("Egresos"))
  let chart = folder + "/chart.svg"
  let plot = try runCifra(["plot", flows, "--value", "VALOR_USD", "--period", "PERIODO", "--where", "FLUJO=Egresos", "--output", chart])
  #expect(plot.status == 0)
  let svg = try String(contentsOfFile: chart, encoding: .utf8)
  #expect(svg.contains("<svg") && !svg.contains("Ingresos"))
  // A filter that matches nothing is a data error (exit 1) naming the column and its values.
  for command in [
    ["growth", flows, "--value", "VALOR_USD", "--period", "PERIODO"], ["proportion", flows, "--successes", "in_time", "--trials", "cases"],
    ["crosstab", flows, "--rows", "FLUJO", "--cols", "PERIODO"], ["plot", flows, "--value", "VALOR_USD", "--period", "PERIODO", "--output", chart],
    ["rate", flows, "--events", "in_time", "--population", "cases"],
  ] {
    let result = try runCifra(command + ["--where", "FLUJO=Ingreso"])
    #expect(result.status == 1, "\(command)")
    #expect(result.standardError.contains("filter 'FLUJO=Ingreso' matches none"), "\(command): \(result.standardError)")
    #expect(result.standardError.contains("FLUJO has values such as 'Ingresos', 'Egresos'"), "\(command): \(result.standardError)")
  }
  // 10.7.3 resolves field names (route) to the export's header.
  let deaths = try runCifra(["sdg", "10.7.3", folder + "/mmp.csv", "--where", "route=US-Mexico", "--format", "csv"])
  #expect(deaths.status == 1)
  #expect(deaths.standardError.contains("Migration route has values such as 'US-Mexico border crossing', 'Central Mediterranean'"))
}

/// One `--format` everywhere; a format a command does not write is a usage error (exit 2).
@Test func formatIsOneOptionEverywhere() throws {
  let folder = try registryScratch()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let add = try runCifra(["calendar", "add", "2024-08-26", "45", "--format", "json"])
  #expect(add.status == 0)
  #expect(add.standardOutput == "[{\"date\":\"2024-10-30\"}]\n")
  let count = try runCifra(["calendar", "count", "2025-03-03", "2025-05-09", "--format", "csv"])
  #expect(count.standardOutput == "business_days\n46\n")
  let describe = try runCifra(["describe", folder + "/flows.csv", "--format", "sdmx"])
  #expect(describe.status == 2)
  #expect(describe.standardError.hasPrefix("cifra: error: --format: this command writes csv, json, table, not sdmx\n"))
  let crosstab = try runCifra(["crosstab", folder + "/flows.csv", "--rows", "FLUJO", "--cols", "PERIODO", "--format", "opensdg"])
  #expect(crosstab.status == 2)
  #expect(crosstab.standardError.hasPrefix("cifra: error: --format: crosstab does not write opensdg"))
  let list = try runCifra(["sdg", "list", "--format", "csv", "--lang", "en"])
  #expect(list.standardOutput.split(separator: "\n").count == registeredCommands.count + 1)  // header + one row per indicator
  #expect(registeredCommands.count >= 12)
}

/// A spec with typed keys runs growth, 10.7.3 and proportion; a bad one fails naming the line
/// and writes nothing.
@Test func typedSpecRunsAndBadSpecsWriteNothing() throws {
  let folder = try registryScratch()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let inputs = """
    [refresh]
    out = "out"

    [[input]]
    id = "flows"
    path = "flows.csv"

    [[input]]
    id = "mmp"
    path = "mmp.csv"

    """
  let good = inputs + """
    [[output]]
    id = "growth"
    indicator = "growth"
    input = "flows"
    value = "VALOR_USD"
    period = "PERIODO"
    by = ["FLUJO"]
    where = ["FLUJO=Ingresos"]

    [[output]]
    id = "deaths"
    indicator = "sdg-10.7.3"
    input = "mmp"
    by = "year"
    where = ["route=US-Mexico border crossing"]
    format = "sdmx"
    ref-area = "1"

    [[output]]
    id = "share"
    indicator = "proportion"
    input = "flows"
    successes = "in_time"
    trials = "cases"
    by = ["FLUJO"]
    """
  try good.write(toFile: folder + "/good.toml", atomically: true, encoding: .utf8)
  let run = try runCifra(["refresh", folder + "/good.toml", "--quiet"])
  #expect(run.status == 0, "\(run.standardError)")
  #expect(try String(contentsOfFile: folder + "/out/growth.csv", encoding: .utf8).hasPrefix("FLUJO,period,value,growth_pct,note\nIngresos,2020"))
  #expect(try String(contentsOfFile: folder + "/out/deaths.csv", encoding: .utf8).contains(",1,_T,"))
  #expect(FileManager.default.fileExists(atPath: folder + "/out/share.csv"))
  let bad: [(String, String)] = [
    ("[[output]]\nid = \"g\"\nindicator = \"growth\"\ninput = \"flows\"\nvalue = \"VALOR_USD\"\nperiod = \"PERIODO\"\ncolour = \"red\"\n", "line 24: unknown key 'colour' for indicator growth"),
    ("[[output]]\nid = \"g\"\nindicator = \"growth\"\ninput = \"flows\"\nvalue = \"VALOR_USD\"\nperiod = \"PERIODO\"\nlag = \"one\"\n", "line 24: 'lag' must be an integer, found a string"),
    ("[[output]]\nid = \"g\"\nindicator = \"growth\"\ninput = \"flows\"\nvalue = \"VALOR_USD\"\nperiod = \"PERIODO\"\nby = [\"FLUJO\"]\nmethod = \"yoy\"\n", "line 18 (output 'g'): \(folder)/flows.csv: method: yoy compares a period with the same period a year earlier"),
  ]
  for (index, (output, message)) in bad.enumerated() {
    // A valid output first: it must not be written when a later one fails.
    let text = inputs + "[[output]]\nid = \"first\"\nindicator = \"proportion\"\ninput = \"flows\"\nsuccesses = \"in_time\"\ntrials = \"cases\"\n\n" + output
    let path = folder + "/bad\(index).toml"
    try text.replacingOccurrences(of: "out = \"out\"", with: "out = \"bad-out\(index)\"").write(toFile: path, atomically: true, encoding: .utf8)
    let result = try runCifra(["refresh", path])
    #expect(result.status == 1)
    #expect(result.standardError.contains(path + ", " + message), "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/bad-out\(index)/first.csv"), "an output was written before the spec failed")
  }
}
