import ArgumentParser
import Columnar
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

  @Option(help: "Output format: json or table (default: table on a terminal, json when piped).")
  var format: OutputFormat?

  func run() throws {
    let result = try readCSV(file, options: csv.options(jobs: jobs.resolved), quiet: csv.quiet)
    let description = TableDescription(result)
    let resolved = format ?? (FileHandleOutput.standardOutputIsTerminal ? .table : .json)
    switch resolved {
    case .json: FileHandleOutput.standardOutput(description.json.text(indent: 2) + "\n")
    case .csv, .sdmx, .opensdg: FileHandleOutput.standardOutput(TableWriter().csv(description.columnsTable))
    case .table:
      FileHandleOutput.standardOutput("\(file): \(result.table.rowCount) rows, \(result.table.schema.fields.count) columns, \(result.encoding.rawValue)\n")
      FileHandleOutput.standardOutput(TableWriter().text(description.columnsTable))
    }
  }
}
