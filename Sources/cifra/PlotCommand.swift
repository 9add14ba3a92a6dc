import ArgumentParser
import Columnar
import TableIO

extension SVGChart.Kind: ExpressibleByArgument {}

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
  @Option(help: "Output SVG file (written atomically).") var output: String
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption

  func run() throws {
    var options = csv.options(jobs: jobs.resolved)
    options.columns = [value, period] + (by.map { [$0] } ?? [])
    let table = try readCSV(file, options: options, quiet: csv.quiet).table
    let values = try table.doubles(value)
    let periods = try table.column(period)
    let groups = try by.map { try table.column($0) }
    var chart = SVGChart(title: title ?? value, source: "Source: " + (source ?? file.split(separator: "/").last.map(String.init) ?? file))
    chart.kind = kind
    let svg = chart.render(
      periods: (0..<table.rowCount).map { periods.text(at: $0) ?? "" }, values: (0..<table.rowCount).map { values[$0] },
      groups: groups.map { column in (0..<table.rowCount).map { column.text(at: $0) ?? "(blank)" } }, valueLabel: value)
    try AtomicFile.write(svg, to: output)
  }

  /// A chart of a produced result: its time and value columns, one series per first breakdown.
  static func chart(_ table: Table, layout: ObservationLayout, kind: SVGChart.Kind, title: String, source: String) throws -> String {
    let values = try table.doubles(layout.valueColumn)
    let periods = try table.column(layout.timeColumn)
    let series = try layout.breakdowns.first.map { try table.column($0) }
    var chart = SVGChart(title: title, source: "Source: " + (source.split(separator: "/").last.map(String.init) ?? source))
    chart.kind = kind
    return chart.render(
      periods: (0..<table.rowCount).map { periods.text(at: $0) ?? "" }, values: (0..<table.rowCount).map { values[$0] },
      groups: series.map { column in (0..<table.rowCount).map { column.text(at: $0) ?? "(blank)" } }, valueLabel: layout.valueColumn)
  }
}
