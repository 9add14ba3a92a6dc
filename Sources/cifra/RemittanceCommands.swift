import ArgumentParser
import Columnar
import Indicators
import TableIO

extension RemittanceCosts.Breakdown: ExpressibleByArgument {}

/// `cifra sdg 10.c.1 FILE`.
struct SDG10c1: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "10.c.1",
    abstract: "SDG 10.c.1: remittance cost as a share of the amount sent (RPW service sheet or DataBank corridor export).",
    discussion: """
      Service-level RPW sheet: fee % = fee / amount, fx margin %, total = fee % + margin, per
      service; averages are simple means of services (global = over all services, not
      corridors); SmaRT = mean of the 3 cheapest eligible services of a corridor; --weights
      gives the flow-weighted average (CSV: corridor,weight).
      DataBank corridor export: reshaped to corridor × quarter series (use --null-token ..).

      Examples:
        cifra sdg 10.c.1 datasets/rpw-fixture/data.csv --by corridor --amount 200
        cifra sdg 10.c.1 36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv --null-token .. --corridor USAMEX
      """)

  @Argument(help: "RPW service-level CSV or DataBank corridor export.") var file: String
  @Option(help: "corridor, period, firm-type or global.") var by: RemittanceCosts.Breakdown = .corridor
  @Option(help: "Amount tier in USD: 200 or 500.") var amount = 200
  @Option(help: "Corridor weights CSV (columns corridor, weight) for the flow-weighted average (with --by global).")
  var weights: String?
  @Option(name: .customLong("corridor"), help: "Keep these corridors (e.g. USAMEX); repeatable.") var corridors: [String] = []
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard amount == 200 || amount == 500 else { throw ValidationError("--amount must be 200 or 500") }
  }

  func run() throws {
    let input = try CSVReader.read(file, options: csv.options(jobs: jobs.resolved)).table
    do {
      if DataBankCorridors.matches(input) {
        output.print(try DataBankCorridors.series(input, corridors: corridors.isEmpty ? nil : Set(corridors)))
        return
      }
      var table = input
      if !corridors.isEmpty {
        let column = try table.column("corridor")
        table = try table.filter(Column((0..<table.rowCount).map { corridors.contains(column.text(at: $0) ?? "") }))
      }
      let services = try RemittanceCosts.services(table, amount: amount == 200 ? .usd200 : .usd500)
      if !services.mismatchedRows.isEmpty {
        FileHandleOutput.standardError(
          "cifra: warning: \(services.mismatchedRows.count) row(s): stated total cost % differs from fee % + fx margin by more than 0.01 pp (data rows \(services.mismatchedRows.prefix(10).map { String($0 + 1) }.joined(separator: ", ")))\n")
      }
      var weightMap: [String: Double]?
      if let weights {
        let table = try CSVReader.read(weights).table
        let names = try table.column("corridor")
        let values = try table.doubles("weight")
        var map: [String: Double] = [:]
        for row in 0..<table.rowCount {
          guard let name = names.text(at: row), let value = values[row], value >= 0 else {
            throw CLIError("\(weights), data row \(row + 1): corridor and a weight ≥ 0 are required")
          }
          map[name] = value
        }
        weightMap = map
      }
      output.print(try RemittanceCosts.summarize(services, by: by, weights: weightMap))
    } catch let error as RemittanceCosts.Failure {
      throw CLIError("\(file): \(error)")
    } catch let error as ColumnError {
      throw CLIError("\(file): \(error)")
    }
  }
}
