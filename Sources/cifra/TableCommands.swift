import ArgumentParser
import Columnar
import Indicators
import Refresh
import Synthetic
import TableIO

/// `cifra describe FILE`: rows, column names, types and null counts.
struct Describe: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read a CSV file and report its rows, columns, types and nulls.",
    discussion: """
      Examples:
        cifra describe data.csv --format json
        cifra describe API_BM.TRF.PWKR.CD.DT_DS2_en_csv_v2_3012027.csv --skip-rows 4
        cifra describe corridors.csv --null-token ..
        cifra describe asylum-decisions.csv --type Year=period
      """)
  @Argument(help: "CSV file to read.") var file: String
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var format: FormatOption

  func run() throws {
    let chosen = try format.resolved(default: .json)
    let result = try csv.file(file).read(jobs: try jobs.resolved(), progress: !csv.quiet)
    try StandardStreams.output(TableDescription(result).text(as: chosen, file: file))
  }
}

/// `cifra diff OLD NEW`: revisions between two vintages of a series.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two vintages of a series: revised, added and removed observations, with the size of each revision.",
    discussion: """
      Examples:
        cifra diff sdg-odsmexico_2023-03-13/indicator_17-3-2.csv sdg-odsmexico_2023-08-28/indicator_17-3-2.csv --key Year --value Value --period-key
        cifra diff lapanquecita_2024-05-03/remesas_mensuales.csv remesas_mensuales.csv --old-key fecha --new-key PERIODO \\
          --old-value total --new-value VALOR_USD --old-scale 1000000 --new-where FLUJO=Ingresos --period-key --period-freq M --date-format mdy
      """)
  @Argument(help: "Old vintage (CSV).") var old: String
  @Argument(help: "New vintage (CSV).") var new: String
  @Option(name: .customLong("key"), help: "Key column in both files (repeatable).") var keys: [String] = []
  @Option(name: .customLong("old-key"), help: "Key column of the old file, if named differently (repeatable).") var oldKeys: [String] = []
  @Option(name: .customLong("new-key"), help: "Key column of the new file, if named differently (repeatable).") var newKeys: [String] = []
  @Option(help: "Value column in both files.") var value: String?
  @Option(help: "Value column of the old file.") var oldValue: String?
  @Option(help: "Value column of the new file.") var newValue: String?
  @Option(help: "Multiply old values by this (e.g. 1000000 for millions).") var oldScale: Double = 1
  @Option(help: "Multiply new values by this.") var newScale: Double = 1
  @Option(name: .customLong("old-where"), help: "Keep old rows where COL=VALUE, COL!=VALUE or COL~TEXT (repeatable).") var oldFilters: [RowFilter] = []
  @Option(name: .customLong("new-where"), help: "Keep new rows where COL=VALUE, COL!=VALUE or COL~TEXT (repeatable).") var newFilters: [RowFilter] = []
  @Flag(help: "The last key is a period: read both sides as periods (2023-01-01 and 01/01/2023 match).") var periodKey = false
  @Option(help: "Read period keys as this frequency.") var periodFreq: Frequency?
  @Flag(help: "List unchanged observations too.") var all = false
  @Option(help: "Differences up to this (absolute, after scaling) count as unchanged (default: half a unit of the coarser vintage's last decimal).")
  var tolerance: Double?
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func run() throws {
    guard !(keys.isEmpty && (oldKeys.isEmpty || newKeys.isEmpty)) else { throw OptionError("key", "give --key, or --old-key and --new-key") }
    guard value != nil || (oldValue != nil && newValue != nil) else { throw OptionError("value", "give --value, or --old-value and --new-value") }
    let settings = try output.settings()
    try settings.check(IndicatorSpec.tableSpec, format: settings.resolvedFormat)
    var run = RevisionRun(
      old: try csv.file(old), new: try csv.file(new), oldSide: Revisions.Side(keys: oldKeys.isEmpty ? keys : oldKeys, value: oldValue ?? value!),
      newSide: Revisions.Side(keys: newKeys.isEmpty ? keys : newKeys, value: newValue ?? value!))
    (run.oldSide.scale, run.newSide.scale, run.oldFilters, run.newFilters) = (oldScale, newScale, oldFilters, newFilters)
    (run.periodKey, run.periodFrequency, run.includeUnchanged, run.tolerance) = (periodKey, periodFreq, all, tolerance)
    (run.jobs, run.progress) = (try jobs.resolved(), !csv.quiet)
    let result = try run.compare()
    StandardStreams.error("cifra: \(result.revised) revised, \(result.added) added, \(result.removed) removed, \(result.unchanged) unchanged (differences up to \(result.tolerance) count as unchanged)\n")
    try StandardStreams.output(try settings.render(IndicatorResult(table: result.table)))
  }
}

/// `cifra plot FILE --value COL --period COL --output chart.svg`.
struct PlotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plot",
    abstract: "Draw a series or a growth result as an SVG chart (axes, period labels, legend, title, source note).",
    discussion: """
      Example:
        cifra growth remesas_mensuales.csv --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --freq A > annual.csv
        cifra plot annual.csv --value growth_pct --period period --by FLUJO --kind bar --title "Remesas: crecimiento anual" --output chart.svg
      """)
  @Argument(help: "CSV with the series.") var file: String
  @Option(help: "Value column.") var value: String
  @Option(help: "Period column.") var period: String
  @Option(help: "Series column (one line or bar colour per value).") var by: String?
  @Option(help: "line or bar.") var kind: SVGChart.Kind = .line
  @Option(help: "Title (default: the value column).") var title: String?
  @Option(help: "Source note (default: the file name).") var source: String?
  @OptionGroup var filter: RowFilterOption
  @Option(help: "Output SVG file (written atomically).") var output: String
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption

  func run() throws {
    let filters = filter.filters
    let columns = [value, period] + (by.map { [$0] } ?? []) + filters.map(\.column).filter { ![value, period, by].contains($0) }
    let read = try csv.file(file).table(InputReading(columns: columns), jobs: try jobs.resolved(), progress: !csv.quiet)
    var chart = SVGChart(title: title ?? value, source: "Source: " + (source ?? file.split(separator: "/").last.map(String.init) ?? file))
    chart.kind = kind
    do {
      let table = try RowFilter.apply(filters, to: read)
      try AtomicFile.write(try chart.render(table, period: period, value: value, series: by), to: output)
    } catch let error as RowFilterError {
      throw InputProblem(file: file, message: error.description)
    } catch let error as ColumnError {
      throw InputProblem(file: file, message: error.description)
    }
  }
}

extension Synthetic.Kind: ExpressibleByArgument {}

/// `cifra generate KIND --rows N --seed S --output FILE`: deterministic benchmark inputs.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a deterministic synthetic CSV file (benchmark inputs).",
    discussion: "Kinds:\n" + Synthetic.descriptions.map { "  \($0.0.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0))\($0.1)" }.joined(separator: "\n")
      + "\n\nExample:\n  cifra generate regional --rows 10000000 --seed 42 --output data.csv")

  @Argument(help: "What to generate.") var kind: Synthetic.Kind
  @Option(help: "Number of rows (0...1000000000).") var rows: Int
  @Option(help: "Random seed (same seed, same file).") var seed: UInt64 = 42
  @Option(help: "Output file (written atomically), or - for standard output.") var output: String
  @Option(help: "File format: csv (default) or json.") var format: OutputFormat = .csv

  func run() throws {
    try OptionCheck.within(rows, 0...1_000_000_000, field: "rows")
    guard format == .csv || format == .json else { throw OptionError("format", "generate writes csv or json, not \(format.rawValue)") }
    let table = Synthetic.table(kind, rows: rows, seed: seed)
    let bytes = format == .json ? Array(TableWriter().render(table, as: .json).utf8) : CSVBytesWriter.bytes(table)
    guard output != "-" else { return try StandardStreams.output(String(decoding: bytes, as: UTF8.self)) }
    try AtomicFile.write(bytes, to: output)
  }
}
