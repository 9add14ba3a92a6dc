import ArgumentParser
import Columnar
import Indicators
import Kernels
import Refresh
import TableIO

#if canImport(Glibc)
  import Glibc
#endif

extension TextEncoding: ExpressibleByArgument {}
extension DateFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension GrowthMethod: ExpressibleByArgument {}
extension AggregateFunction: ExpressibleByArgument {}
extension MissingMigrants.Breakdown: ExpressibleByArgument {}
extension MissingMigrants.NegativePolicy: ExpressibleByArgument {}
extension RemittanceCosts.Breakdown: ExpressibleByArgument {}
extension RemittanceCosts.Amount: ExpressibleByArgument {}
extension RemittanceCostsIndicator.Options.MissingWeights: ExpressibleByArgument {}
extension RefugeeResolutions.Cohort: ExpressibleByArgument {}
extension StartConvention: ExpressibleByArgument {}
extension IntervalChoice: ExpressibleByArgument {}
extension DuplicatePolicy: ExpressibleByArgument {}
extension SVGChart.Kind: ExpressibleByArgument {}
extension Frequency: ExpressibleByArgument { public init?(argument: String) { self.init(code: argument) } }
extension RowFilter: ExpressibleByArgument { public init?(argument: String) { try? self.init(parsing: argument) } }

/// CSV reading options shared by every command that reads a file (``CSVSettings``).
struct CSVOptionsGroup: ParsableArguments {
  @Option(help: "Field delimiter: ',', ';', '|', 'tab' (default: detected from the header).") var delimiter: String?
  @Option(help: "Text encoding: utf8, cp1252 or auto (UTF-8 if valid, else Windows-1252).") var encoding: TextEncoding = .auto
  @Option(name: .customLong("null-token"), help: "Extra text read as null, e.g. '..' (repeatable; blank is always null).") var nullTokens: [String] = []
  @Flag(help: "Numbers use a decimal comma (1,5 = 1.5).") var decimalComma = false
  @Option(help: "Thousands separator stripped from numbers: ',', '.', ' ' or \"'\".") var thousands: String?
  @Option(name: .customLong("type"), help: "Column type override COL=TYPE (int64, double, bool, string, date, period, period[M]); repeatable.") var types: [String] = []
  @Option(help: "Date layout: iso, mdy, dmy, d-mon-yy, month-d-yyyy, drupal (default: inferred per column).") var dateFormat: DateFormat?
  @Option(help: "Physical lines to skip before the header.") var skipRows = 0
  @Option(help: "Records to drop at the end (default: detect a DataBank-style footer).") var skipFooter: Int?
  @Option(help: "Workbook (.xlsx): sheet name or position (default: the first).") var sheet: String?
  @Option(help: "Workbook: the cells to read, e.g. A1:F200 (default: all).") var range: String?
  @Option(help: "Workbook: the sheet row of the header (default: the first row with a value).") var headerRow: Int?
  @Flag(help: "Periods are columns (WDI, DataBank): read them as rows 'period', 'value', the other columns kept.") var wide = false
  @Option(help: "Build a 'period' column from this year column and --month COL (names or 1-12) or --quarter COL.") var year: String?
  @Option(help: "With --year: the month column (1-12, OCT, enero).") var month: String?
  @Option(help: "With --year: the quarter column (1-4, Q1, T1, I-IV).") var quarter: String?
  @Option(help: "The fiscal year's first month (10: US federal years): with --year/--month, or for FY2022 / 2025 (FYTD) labels.") var fiscalYearStart: Int?
  @Flag(help: "No progress line on stderr.") var quiet = false

  /// The reader's options, validated (a bad value is a usage error naming the option).
  func options() throws(OptionError) -> CSVOptions {
    let settings = CSVSettings(
      delimiter: delimiter, encoding: encoding, nullTokens: nullTokens, decimalComma: decimalComma, thousands: thousands, types: types, dateFormat: dateFormat,
      skipRows: skipRows, skipFooter: skipFooter, sheet: sheet, range: range, headerRow: headerRow, wide: wide, periodParts: (year, month, quarter, fiscalYearStart))
    try settings.validate()
    return settings.options
  }

  /// `path` as an input file with these options.
  func file(_ path: String) throws(OptionError) -> InputFile { InputFile(path, csv: try options()) }
}

/// `--where`, shared by every command that reads a table (``RowFilter``).
struct RowFilterOption: ParsableArguments {
  @Option(name: .customLong("where"), help: "Keep rows where COL=VALUE, COL!=VALUE or COL~TEXT (repeatable, AND-ed; compared as the column's type).")
  var filters: [RowFilter] = []
}

/// `--jobs N`, shared by every command that computes.
struct JobsOption: ParsableArguments {
  @Option(help: "Threads to use (default: all cores). Output is byte-identical for any value.") var jobs: Int?

  func resolved() throws(OptionError) -> Int {
    guard let jobs else { return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
    try OptionCheck.within(jobs, 1...1024, field: "jobs")
    return jobs
  }
}

/// `--format` alone, for commands that print a table but are not indicators.
struct FormatOption: ParsableArguments {
  @Option(help: "Output format: csv, json or table (default: table on a terminal, csv when piped).") var format: OutputFormat?

  /// The format, checked against what the command writes.
  func resolved(supported: Set<OutputFormat> = IndicatorSpec.tableFormats, default fallback: OutputFormat? = nil) throws(OptionError) -> OutputFormat {
    let chosen = format ?? (StandardStreams.outputIsTerminal ? .table : fallback ?? .csv)
    guard supported.contains(chosen) else {
      throw OptionError("format", "this command writes \(OutputFormat.allCases.filter(supported.contains).map(\.rawValue).joined(separator: ", ")), not \(chosen.rawValue)")
    }
    return chosen
  }

  func print(_ table: Table) throws {
    try StandardStreams.output(TableWriter().render(table, as: try resolved()))
  }
}

/// `--format`, `--decimals` and the SDMX settings, shared by every indicator (``OutputSettings``).
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: csv, json, table, sdmx or opensdg (default: table on a terminal, csv when piped).") var format: OutputFormat?
  @Option(help: "Decimals for presentation (default: round-trip exact).") var decimals: Int?
  @Option(help: "SDMX-CSV version for --format sdmx: 1.0 or 2.0.") var sdmxVersion = "1.0"
  @Option(help: "SDMX dataflow AGENCY:ID(VERSION) for --format sdmx.") var dataflow = "IAEG-SDGs:DF_SDG_GLH(1.24)"
  @Option(help: "SDMX REF_AREA (M49 code: 1 = World, 484 = Mexico) for --format sdmx (default: the area the data gives).") var refArea: String?
  @Flag(help: "SDMX: write breakdowns that are no DSD dimension as custom columns (default: refuse them).") var extraColumns = false

  func settings() throws(OptionError) -> OutputSettings {
    try OutputSettings(format: format, decimals: decimals, sdmxVersion: sdmxVersion, dataflow: dataflow, refArea: refArea, extraColumns: extraColumns).validated()
  }
}

/// The reading, threading and output options of every indicator command.
struct IndicatorIO: ParsableArguments {
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions
  @Flag(help: "After a warning, every item it counts, one per line.") var verbose = false
}

/// A command that computes one registered indicator: it maps its flags onto the indicator's
/// options and inputs; running, rendering and exit codes are shared.
protocol IndicatorCommand: ParsableCommand, IndicatorIdentified {
  associatedtype Computed: Indicator
  var io: IndicatorIO { get }
  /// The indicator's options from the flags.
  func options() throws -> Computed.Options
  /// Input paths by role.
  func inputFiles() -> [String: [String]]
}

/// The commands of the registered indicators; `Cifra.registered(under:)` checks that every
/// indicator of the registry has one.
let indicatorCommands: [any (ParsableCommand & IndicatorIdentified).Type] = [
  GrowthCommand.self, SDG1073.self, SDG10c1.self, SDG1074.self, SDG1732.self, SDGRefugeeInTime.self, SDGRecognition.self,
  ProportionCommand.self, RateCommand.self, PrecisionCommand.self, CrosstabCommand.self, AuditCommand.self,
]

protocol IndicatorIdentified {
  static var indicatorID: String { get }
  static func sql(_ arguments: [String], _ request: SQLRequest, positional: String) throws -> String
}

extension IndicatorCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: Computed.spec.command.last!, abstract: Computed.spec.abstract, discussion: Computed.spec.discussion)
  }
  static var indicatorID: String { Computed.spec.id }

  func run() throws {
    var files: [String: [InputFile]] = [:]
    for (role, paths) in inputFiles() where !paths.isEmpty { files[role] = try paths.map { path throws(OptionError) in try io.csv.file(path) } }
    let run = IndicatorRun(Computed.self, options: try options(), inputs: files, jobs: try io.jobs.resolved(), progress: !io.csv.quiet)
    if try run.printed(try io.output.settings(), verbose: io.verbose) > 0 { throw ExitCode(1) }
  }
}
