import ArgumentParser
import Columnar
import Indicators
import TableIO

extension RemittanceCosts.Breakdown: ExpressibleByArgument {}

/// `cifra sdg 10.c.1 FILE`.
struct SDG10c1: ProducingCommand {
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

  func produce() throws -> Produced {
    let input = try readCSV(file, options: csv.options(jobs: jobs.resolved), quiet: csv.quiet).table
    let spec = IndicatorCatalog.spec("sdg-10.c.1")!
    var warnings: [String] = []
    do {
      if DataBankCorridors.matches(input) {
        let table = try DataBankCorridors.series(input, corridors: corridors.isEmpty ? nil : Set(corridors))
        let layout = ObservationLayout(
          series: "SI_RMT_COST_BC", unit: spec.unit, timeColumn: "period", valueColumn: "total_cost_pct", breakdowns: ["corridor"])
        return Produced(table: table, layout: layout)
      }
      var table = input
      if !corridors.isEmpty {
        let column = try table.column("corridor")
        table = try table.filter(Column((0..<table.rowCount).map { corridors.contains(column.text(at: $0) ?? "") }))
      }
      let services = try RemittanceCosts.services(table, amount: amount == 200 ? .usd200 : .usd500)
      if !services.mismatchedRows.isEmpty {
        warnings.append(
          "\(services.mismatchedRows.count) row(s): stated total cost % differs from fee % + fx margin by more than 0.01 pp (data rows \(services.mismatchedRows.prefix(10).map { String($0 + 1) }.joined(separator: ", ")))")
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
      let summary = try RemittanceCosts.summarize(services, by: by, weights: weightMap)
      let breakdowns = by == .corridor ? ["corridor"] : (by == .firmType ? ["firm_type"] : [])
      let layout = ObservationLayout(
        series: by == .corridor ? "SI_RMT_COST_BC" : spec.seriesCode, unit: spec.unit, timeColumn: "period",
        valueColumn: "total_cost_pct", breakdowns: breakdowns)
      return Produced(table: summary, warnings: warnings, layout: layout)
    } catch let error as RemittanceCosts.Failure {
      throw CLIError("\(file): \(error)")
    } catch let error as ColumnError {
      throw CLIError("\(file): \(error)")
    }
  }
}
