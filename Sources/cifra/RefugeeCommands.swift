import ArgumentParser
import Columnar
import Indicators
import TableIO

extension RefugeeResolutions.Cohort: ExpressibleByArgument {}

/// `cifra sdg refugee-in-time FILE`.
struct SDGRefugeeInTime: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "refugee-in-time",
    abstract: "Share of refugee applications resolved within 45 (or 90, extended) business days, by year.",
    discussion: """
      Case-level input: filing date, resolution date (blank = pending), outcome, optional
      extension flag. Resolutions are, by default, outcomes recognized, complementary and
      rejected; other closures (abandoned, withdrawn) are counted apart.

      Example: cifra sdg refugee-in-time datasets/refugee-cases/data.csv --cohort resolved
      """)

  @Argument(help: "Case-level CSV.") var file: String
  @Option(help: "resolved (year of resolution) or filed (year of filing; pending cases past the deadline are late).")
  var cohort: RefugeeResolutions.Cohort = .resolved
  @Option(help: "Breakdown: year (the only one: shares are annual).") var by = "year"
  @Option(help: "Filing date column.") var filed = "filed"
  @Option(help: "Resolution date column.") var resolved = "resolved"
  @Option(help: "Outcome column.") var outcome = "outcome"
  @Option(help: "Extension flag column (true/false); '' for none.") var extended = "extended"
  @Option(help: "Outcomes that count as a resolution (comma-separated).") var resolvedOutcomes = "recognized,complementary,rejected"
  @Option(help: "Deadline in business days.") var deadline = 45
  @Option(help: "Extended deadline in business days.") var extendedDeadline = 90
  @Option(help: "Date pending cases are judged at (filing cohort; default: latest date in the data).") var asOf: String?
  @Option(help: "Confidence level of the Wilson interval.") var level = 0.95
  @OptionGroup var calendar: CalendarOptions
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard by == "year" else { throw ValidationError("--by: only 'year' is supported (annual shares)") }
    guard level > 0, level < 1 else { throw ValidationError("--level must be between 0 and 1") }
    guard deadline > 0, extendedDeadline >= deadline else { throw ValidationError("deadlines must be positive, extended ≥ base") }
  }

  func produce() throws -> Produced {
    var readOptions = csv.options(jobs: jobs.resolved)
    for column in [filed, resolved] where readOptions.types[column] == nil { readOptions.types[column] = .type(.date) }
    readOptions.columns = [filed, resolved, outcome] + (extended.isEmpty ? [] : [extended])
    let input = try readCSV(file, options: readOptions, quiet: csv.quiet)
    var options = RefugeeResolutions.Options()
    options.filed = filed
    options.resolved = resolved
    options.outcome = outcome
    options.extended = extended.isEmpty ? nil : extended
    options.resolvedOutcomes = Set(resolvedOutcomes.split(separator: ",").map(String.init))
    options.deadline = deadline
    options.extendedDeadline = extendedDeadline
    options.cohort = cohort
    options.asOf = try asOf.map { try parseDay($0, option: "--as-of") }
    options.level = level
    options.convention = calendar.convention
    let table: Table
    do {
      table = try RefugeeResolutions.compute(input.table, options: options, calendar: calendar.make())
    } catch let error as RefugeeResolutions.Failure {
      throw CLIError("\(file): \(error)")
    }
    return Produced(table: table, layout: ObservationLayout(series: nil, unit: "PT", timeColumn: "year", valueColumn: "in_time_pct"))
  }
}

/// `cifra sdg recognition FILE`.
struct SDGRecognition: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "recognition",
    abstract: "UNHCR refugee recognition rate (RRR) and total recognition rate (TRR).",
    discussion: """
      RRR = recognized / (recognized + complementary + rejected); TRR adds complementary
      protection to the numerator; otherwise-closed cases are excluded. Cases and persons are
      never added together (Cases / Persons is always a key).

      Example: cifra sdg recognition asylum-decisions.csv --by Year --where "Country of asylum (ISO)=MEX"
      """)

  @Argument(help: "UNHCR asylum-decisions CSV.") var file: String
  @Option(name: .customLong("by"), help: "Grouping column (repeatable).") var by: [String] = []
  @Option(name: .customLong("where"), help: "Keep rows where COL=VALUE (repeatable).") var filters: [String] = []
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    for filter in filters where !filter.contains("=") { throw ValidationError("--where expects COL=VALUE (got '\(filter)')") }
  }

  func produce() throws -> Produced {
    let input = try readCSV(file, options: csv.options(jobs: jobs.resolved), quiet: csv.quiet)
    let pairs = filters.map { filter -> (String, String) in
      let parts = filter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      return (String(parts[0]), String(parts[1]))
    }
    let result: RecognitionRates.Result
    do {
      result = try RecognitionRates.compute(input.table, by: by, filters: pairs)
    } catch {
      throw CLIError("\(file): \(error)")
    }
    var warnings: [String] = []
    if !result.inconsistentRows.isEmpty {
      let rows = result.inconsistentRows.prefix(10).map { String($0 + 1) }.joined(separator: ", ")
      warnings.append(
        "\(result.inconsistentRows.count) row(s) state a total ≠ the sum of their decisions (data rows \(rows)\(result.inconsistentRows.count > 10 ? ", …" : "")); rates use the parts")
    }
    let time = by.first { $0.lowercased() == "year" }
    let layout = time.map {
      ObservationLayout(
        series: nil, unit: "PT", timeColumn: $0, valueColumn: "rrr_pct",
        breakdowns: by.filter { [$0] != [time] } + (by.contains("Cases / Persons") ? [] : ["Cases / Persons"]))
    }
    return Produced(table: result.table, warnings: warnings, layout: layout)
  }
}
