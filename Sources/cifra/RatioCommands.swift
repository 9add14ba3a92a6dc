import ArgumentParser
import Columnar
import Indicators
import TableIO

/// `cifra sdg 10.7.4 FILE --refugees COL --population COL`.
struct SDG1074: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "10.7.4",
    abstract: "SDG 10.7.4: refugees per 100,000 (denominator: population + refugees).",
    discussion: "Example: cifra sdg 10.7.4 refugees.csv --refugees refugees --population population --key country --key year")
  @Argument(help: "CSV with refugees and population by origin and year.") var file: String
  @Option(help: "Refugees column (by country of origin).") var refugees: String
  @Option(help: "Population column (of the country of origin).") var population: String
  @Option(name: .customLong("key"), help: "Identifying columns to carry to the output (repeatable).") var keys: [String] = []
  @Option(help: "Period column among the keys (for --format sdmx / opensdg).") var period: String?
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func produce() throws -> Produced {
    let input = try csv.table(file, jobs: jobs)
    let table = try computing(file) {
      try PopulationRatios.refugeesPer100k(input, refugees: refugees, population: population, keys: keys)
    }
    let spec = IndicatorCatalog.spec("sdg-10.7.4")!
    let layout = period.map {
      ObservationLayout(
        series: spec.seriesCode, unit: spec.unit, timeColumn: $0, valueColumn: "refugees_per_100000",
        breakdowns: keys.filter { [$0] != [period] })
    }
    return Produced(table: table, layout: layout)
  }
}

/// `cifra sdg 17.3.2`: a published series, or remittances ÷ GDP.
struct SDG1732: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "17.3.2",
    abstract: "SDG 17.3.2: remittances as % of GDP (Mexico's SDG platform file, or Banxico flows ÷ a GDP series).",
    discussion: """
      Examples:
        cifra sdg 17.3.2 --published indicator_17-3-2.csv
        cifra sdg 17.3.2 --remittances remesas_mensuales.csv --remittances-value VALOR_USD --remittances-period PERIODO \\
          --remittances-freq M --where FLUJO=Ingresos --gdp gdp_usd.csv --gdp-value gdp_usd --gdp-period quarter
      """)
  @Option(help: "Published series (Year,Value with quarter labels such as 2022/I P/).") var published: String?
  @Option(help: "Remittance flows CSV.") var remittances: String?
  @Option(help: "Remittance value column (current USD).") var remittancesValue = "VALOR_USD"
  @Option(help: "Remittance period column.") var remittancesPeriod = "PERIODO"
  @Option(help: "Read remittance periods as this frequency (M for first-of-month dates).") var remittancesFreq: Frequency?
  @Option(name: .customLong("where"), help: "Keep remittance rows where COL=VALUE (repeatable).") var filters: [String] = []
  @Option(help: "GDP CSV (current USD).") var gdp: String?
  @Option(help: "GDP value column.") var gdpValue = "gdp_usd"
  @Option(help: "GDP period column.") var gdpPeriod = "period"
  @Option(help: "Read GDP periods as this frequency.") var gdpFreq: Frequency?
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard (published != nil) != (remittances != nil) else {
      throw ValidationError("give either --published FILE or --remittances FILE --gdp FILE")
    }
    if remittances != nil, gdp == nil { throw ValidationError("--remittances needs --gdp FILE") }
  }

  func produce() throws -> Produced {
    let spec = IndicatorCatalog.spec("sdg-17.3.2")!
    if let published {
      var options = csv.options(jobs: jobs.resolved)
      options.types["Year"] = .anyPeriod
      let table = try readCSV(published, options: options, quiet: csv.quiet).table
      do {
        let series = try PopulationRatios.publishedSeries(table, period: "Year", value: "Value")
        let hasFlags = series.schema.names.contains("preliminary")
        return Produced(
          table: series,
          layout: ObservationLayout(
            series: spec.seriesCode, unit: spec.unit, timeColumn: "period", valueColumn: "remittances_pct_gdp",
            provisionalColumn: hasFlags ? "preliminary" : nil))
      } catch {
        throw CLIError("\(published): \(error)")
      }
    }
    var flows = try CSVReader.read(remittances!, options: csv.options(jobs: jobs.resolved)).table
    for filter in filters {
      let parts = filter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2 else { throw ValidationError("--where expects COL=VALUE") }
      let column = try flows.column(parts[0])
      flows = try flows.filter(Column((0..<flows.rowCount).map { column.text(at: $0) == parts[1] }))
    }
    let gdpTable = try CSVReader.read(gdp!, options: csv.options(jobs: jobs.resolved)).table
    do {
      let result = try PopulationRatios.remittancesShareOfGDP(
        remittances: flows, remittanceValue: remittancesValue, remittancePeriod: remittancesPeriod,
        remittanceFrequency: remittancesFreq, gdp: gdpTable, gdpValue: gdpValue, gdpPeriod: gdpPeriod, gdpFrequency: gdpFreq)
      return Produced(
        table: result.table, warnings: result.warnings,
        layout: ObservationLayout(series: spec.seriesCode, unit: spec.unit, timeColumn: "period", valueColumn: "remittances_pct_gdp"))
    } catch {
      throw CLIError("\(error)")
    }
  }
}
