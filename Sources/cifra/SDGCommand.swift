import ArgumentParser
import Columnar
import Indicators
import TableIO

/// `cifra sdg …`: the SDG-linked indicators.
struct SDG: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sdg",
    abstract: "SDG-linked indicators (ODS): catalog and computations.",
    discussion: "Start with `cifra sdg list`; every subcommand's --help has examples.",
    subcommands: [SDGList.self, SDG1073.self, SDG10c1.self, SDG1074.self, SDG1732.self, SDGRefugeeInTime.self, SDGRecognition.self])
}

/// `cifra sdg list`: the indicator catalog.
struct SDGList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the indicators Cifra computes, with SDG and UN series codes.",
    discussion: """
      Examples:
        cifra sdg list
        cifra sdg list --format json --lang en
      """)

  @Option(help: "Output format: csv, json or table.") var format: OutputFormat?
  @Option(help: "Language of the names: es or en.") var lang: Language = .es

  enum Language: String, ExpressibleByArgument { case es, en }

  func run() throws {
    let specs = IndicatorCatalog.all
    func optional(_ value: String?) -> String? { value }
    let table = try Table([
      ("id", .string(StringColumn(specs.map(\.id)))),
      ("sdg", .string(StringColumn(specs.map { optional($0.sdgCode) }))),
      ("series", .string(StringColumn(specs.map { optional($0.seriesCode) }))),
      ("unit", .string(StringColumn(specs.map(\.unit)))),
      ("name", .string(StringColumn(specs.map { lang == .es ? $0.nameES : $0.nameEN }))),
      ("nulls", .string(StringColumn(specs.map(\.nulls.rawValue)))),
      ("reference", .string(StringColumn(specs.map(\.reference)))),
      ("guide", .string(StringColumn(specs.map(\.guide)))),
    ])
    let resolved = format ?? (FileHandleOutput.standardOutputIsTerminal ? .table : .csv)
    FileHandleOutput.standardOutput(TableWriter().render(table, as: resolved))
  }
}

extension MissingMigrants.Breakdown: ExpressibleByArgument {}
extension MissingMigrants.NegativePolicy: ExpressibleByArgument {}

/// `cifra sdg 10.7.3 FILE`: dead and missing migrants.
struct SDG1073: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "10.7.3",
    abstract: "SDG 10.7.3: people dead or missing during migration, from an IOM Missing Migrants export.",
    discussion: """
      Reads every known export layout (2019/2020 website, HDX Global Figures in Windows-1252,
      the 2026 website export without a total column). Blank counts are unknown, not zero; the
      total is dead + missing when the total column is absent or blank; a stated total that
      differs from dead + missing is kept as stated and reported on stderr.

      Examples:
        cifra sdg 10.7.3 Missing_Migrants_Global_Figures.csv --by year
        cifra sdg 10.7.3 Missing_Migrants_Global_Figures.csv --by year --where "route=US-Mexico border crossing"
        cifra sdg 10.7.3 MissingMigrants-Global-2019-03-29T18-36-07.csv --by month --where "region=US-Mexico Border"
        cifra sdg 10.7.3 export.csv --by year --where "country-of-incident=Mexico"
      """)

  @Argument(help: "Missing Migrants export (CSV).") var file: String
  @Option(help: "Breakdown (repeatable, e.g. --by year --by route): total, year, month, region, route, cause, country-of-incident.")
  var by: [MissingMigrants.Breakdown] = [.year]
  @Option(
    name: .customLong("where"),
    help: "Keep rows where COL=VALUE (exact) or COL~TEXT (contains); COL is a header or route, region, cause, country-of-incident. Repeatable.")
  var filters: [String] = []
  @Option(help: "Negative dead/missing/total counts: error (default), keep (as published) or exclude the incident.")
  var negative: MissingMigrants.NegativePolicy = .error
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    for filter in filters where MissingMigrants.Filter(filter) == nil {
      throw ValidationError("--where expects COL=VALUE or COL~TEXT (got '\(filter)')")
    }
  }

  func produce() throws -> Produced {
    var options = csv.options(jobs: jobs.resolved)
    options.thousandsSeparator = options.thousandsSeparator ?? UInt8(ascii: ",")  // "1,022" in the 2020 export
    let input = try readCSV(file, options: options, quiet: csv.quiet)
    let summary: MissingMigrants.Summary
    var headline: Table?
    let where_ = filters.compactMap(MissingMigrants.Filter.init)
    do {
      summary = try MissingMigrants.summarize(input.table, by: by, where: where_, negative: negative)
      let time = by.filter { $0 == .year || $0 == .month }
      if time.count == 1, by.count > 1 {
        headline = try MissingMigrants.summarize(input.table, by: time, where: where_, negative: negative).table
      }
    } catch {
      throw CLIError("\(file): \(error)")
    }
    var warnings: [String] = []
    if !summary.mismatchedRows.isEmpty {
      let examples = summary.mismatchedRows.prefix(5).map { "\($0.id) (stated \($0.statedTotal!), dead \($0.dead.map(String.init) ?? "blank") + missing \($0.missing.map(String.init) ?? "blank"))" }
      warnings.append("\(summary.mismatchedRows.count) row(s) state a total ≠ dead + missing; kept as stated: \(examples.joined(separator: "; "))")
    }
    if !summary.negativeRows.isEmpty {
      let verb = negative == .exclude ? "excluded" : "kept as published"
      warnings.append("\(summary.negativeRows.count) row(s) have a negative count, \(verb): \(summary.negativeRows.map(\.id).joined(separator: "; "))")
    }
    if !summary.unknownRows.isEmpty {
      warnings.append(
        "\(summary.unknownRows.count) row(s) have no count (dead, missing and total blank): \(summary.unknownRows.prefix(5).map(\.id).joined(separator: ", "))")
    }
    let spec = IndicatorCatalog.spec("sdg-10.7.3")!
    let breakdowns = by.filter { ![.year, .month, .total].contains($0) }.map(\.rawValue)
    let layout = summary.table.schema.names.contains("period")
      ? ObservationLayout(
        series: spec.seriesCode, unit: spec.unit, timeColumn: "period", valueColumn: "total_dead_and_missing", breakdowns: breakdowns)
      : nil
    return Produced(table: summary.table, warnings: warnings, layout: layout, headline: headline)
  }
}
