import ArgumentParser
import Columnar
import Indicators
import Kernels
import TableIO

extension GrowthMethod: ExpressibleByArgument {}
extension AggregateFunction: ExpressibleByArgument {}
extension Frequency: ExpressibleByArgument {
  public init?(argument: String) { self.init(code: argument) }
}

/// `cifra growth FILE --value COL --period COL …`: the growth family.
struct GrowthCommand: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "growth",
    abstract: "Growth of series: period-over-period, year-over-year, CAGR, least squares, indexes, contributions.",
    discussion: """
      Lags are calendar lags: a missing month gives a null growth, never a comparison with the
      wrong month. Null results carry a note (zero_base, no_base_period, null_base, ...).

      Examples:
        cifra growth remesas_mensuales.csv --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --method yoy
        cifra growth remesas_mensuales.csv --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --freq A --method pop
        cifra growth remesas_mensuales.csv --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --freq A --method least-squares
        cifra growth giro.csv --value operations --period period --period-freq M --ytd --method yoy
        cifra growth series.csv --value x --period year --method index --base 2015
      """)

  @Argument(help: "Input CSV file.") var file: String
  @Option(help: "Column holding the values.") var value: String
  @Option(help: "Column holding the periods (labels, ISO dates or years).") var period: String
  @Option(name: .customLong("by"), help: "Grouping column (repeatable): one series per group.") var by: [String] = []
  @Option(help: "Read period labels as this frequency (A, S, Q, M, W, D): 2022-03-15 as M is 2022-03.")
  var periodFreq: Frequency?
  @Option(help: "Aggregate to this coarser frequency first (A, S, Q, M).") var freq: Frequency?
  @Option(help: "How sub-periods combine: sum, mean or last.") var aggregate: AggregateFunction = .sum
  @Option(help: "Combine rows sharing a group and period first (microdata): sum, mean or last. Without it they are an error.")
  var collapse: AggregateFunction?
  @Flag(help: "Keep aggregated periods that miss sub-periods, marked in a 'complete' column.") var keepIncomplete = false
  @Option(help: "pop, yoy, annualized, cagr, exponential, least-squares, index, chain, contribution.")
  var method: GrowthMethod = .pop
  @Option(help: "Lag in periods (default: 1; for yoy one year).") var lag: Int?
  @Option(help: "Base period for index / chain (= 100).") var base: String?
  @Option(help: "First period to use.") var from: String?
  @Option(help: "Last period to use.") var to: String?
  @Flag(help: "Compare months 1..m of each year with the same months of the previous year (m = last month of the latest year).")
  var ytd = false
  @Option(help: "Component column for --method contribution.") var component: String?
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let lag, lag < 1 { throw ValidationError("--lag must be at least 1") }
    if method == .index, base == nil { throw ValidationError("--method index needs --base PERIOD") }
    if method == .contribution, component == nil { throw ValidationError("--method contribution needs --component COL") }
  }

  func produce() throws -> Produced {
    var readOptions = csv.options(jobs: jobs.resolved)
    readOptions.columns = [value, period] + by + (component.map { [$0] } ?? [])
    let input = try readCSV(file, options: readOptions, quiet: csv.quiet)
    var options = GrowthOptions(value: value, period: period)
    options.by = by
    options.periodFrequency = periodFreq
    options.frequency = freq
    options.aggregate = aggregate
    options.collapse = collapse
    options.keepIncomplete = keepIncomplete
    options.method = method
    options.lag = lag
    options.base = base
    options.from = from
    options.to = to
    options.yearToDate = ytd
    options.component = component
    let result: GrowthResult
    do {
      result = try Growth.compute(input.table, options: options)
    } catch {
      throw CLIError("\(file): \(error)")
    }
    let valueColumn = result.table.schema.names.first {
      ["growth_pct", "index", "contribution_pct", "cagr_pct", "exponential_pct", "least_squares_pct"].contains($0)
    } ?? "value"
    let timeColumn = method.isWholeSpan ? "to" : "period"
    let breakdowns = by + (method == .contribution ? [component!] : [])
    let layout = ObservationLayout(
      series: nil, unit: valueColumn == "index" ? "NUMBER" : "PT", timeColumn: timeColumn, valueColumn: valueColumn,
      breakdowns: breakdowns)
    return Produced(table: result.table, warnings: result.warnings, layout: layout)
  }
}
