import Columnar

/// Registry entry of SDG 10.7.4 (``PopulationRatios/refugeesPer100k(_:refugees:population:keys:)``).
public enum RefugeesPer100kIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    public var refugees: String
    public var population: String
    /// Identifying columns carried to the output.
    public var keys: [String] = []
    /// The period column among the keys (needed for sdmx / opensdg).
    public var period: String?
    public var filters: [RowFilter] = []

    public init(refugees: String, population: String) {
      self.refugees = refugees
      self.population = population
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      self.init(refugees: try c.required("refugees"), population: try c.required("population"))
      keys = try c.value("key", [])
      period = try c.optional("period")
      filters = try c.value("where", [])
    }

    public func validate() throws(OptionError) {
      if let period, !keys.contains(period) { throw OptionError("period", "must be one of the key columns (\(keys.joined(separator: ", ")))") }
    }
  }

  public static let spec = IndicatorSpec(
    id: "sdg-10.7.4", command: ["sdg", "10.7.4"], sdgCode: "10.7.4", seriesCodes: ["SM_POP_REFG_OR"],
    nameES: "Proporción de la población que son refugiados, por país de origen",
    nameEN: "Proportion of the population who are refugees, by country of origin",
    definitionES: "Refugiados por país de origen por cada 100,000 habitantes; el denominador es la población más los refugiados.",
    definitionEN: "Refugees by country of origin per 100,000 population; the denominator is the population plus the refugees.",
    unit: "PER_100000_POP", inputs: [InputRole("input", "refugees by origin and the population of the origin country")],
    formats: IndicatorSpec.allFormats, nulls: .propagate,
    reference: "UNHCR / UN SDG metadata 10.7.4: refugees / (population + refugees) × 100,000; methodology.md §7",
    guide: "docs/indicators/sdg-10.7.4-17.3.2.md", hasSQLForm: false,
    abstract: "SDG 10.7.4: refugees per 100,000 (denominator: population + refugees).",
    discussion: "Example: cifra sdg 10.7.4 refugees.csv --refugees refugees --population population --key country --key year --period year")

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    let input = try inputs.required("input")
    let table = try IndicatorError.wrapping {
      try InputCheck.nonNegative(input, [options.refugees, options.population], what: "a count of people")
      return try PopulationRatios.refugeesPer100k(
        try RowFilter.apply(options.filters, to: input), refugees: options.refugees, population: options.population, keys: options.keys)
    }
    // 10.7.4 is by country of origin: a single key besides the period is the origin (ISO
    // alpha-3 or M49), written as REF_AREA; other keys are no DSD dimension.
    let layout = options.period.map { period in
      let others = options.keys.filter { $0 != period }
      return ObservationLayout(
        series: spec.seriesCode, unit: spec.unit, timeColumn: period, valueColumn: "refugees_per_100000", breakdowns: others,
        dimensions: others.count == 1 ? [DimensionSource("REF_AREA", from: others[0], coding: .m49)] : [])
    }
    var result = IndicatorResult(table: table, layout: layout)
    result.countColumns = [options.refugees, options.population]
    return result
  }
}

/// Registry entry of SDG 17.3.2: a published series, or remittances ÷ GDP.
public enum RemittancesShareOfGDPIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    public var remittancesValue = "VALOR_USD"
    public var remittancesPeriod = "PERIODO"
    public var remittancesFrequency: Frequency?
    /// Rows of the remittance flows to keep.
    public var filters: [RowFilter] = []
    public var gdpValue = "gdp_usd"
    public var gdpPeriod = "period"
    public var gdpFrequency: Frequency?

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      remittancesValue = try c.value("remittances-value", "VALOR_USD")
      remittancesPeriod = try c.value("remittances-period", "PERIODO")
      remittancesFrequency = try c.optional("remittances-freq")
      filters = try c.value("where", [])
      gdpValue = try c.value("gdp-value", "gdp_usd")
      gdpPeriod = try c.value("gdp-period", "period")
      gdpFrequency = try c.optional("gdp-freq")
    }

    public func validate() throws(OptionError) {}
  }

  public static let spec = IndicatorSpec(
    id: "sdg-17.3.2", command: ["sdg", "17.3.2"], sdgCode: "17.3.2", seriesCodes: ["BX_TRF_PWKR"],
    nameES: "Volumen de las remesas (en dólares de los Estados Unidos) como proporción del PIB total",
    nameEN: "Volume of remittances (in United States dollars) as a proportion of total GDP",
    definitionES: "Remesas personales recibidas como porcentaje del PIB, ambos en dólares corrientes y en periodos completos.",
    definitionEN: "Personal remittances received as a percentage of GDP, both in current USD and over complete periods.",
    unit: "PT",
    inputs: [
      InputRole("published", "Mexico's SDG platform series (Year,Value with quarter labels such as 2022/I P/)"),
      InputRole("remittances", "remittance flows (Banxico), current USD"),
      InputRole("gdp", "GDP in current USD"),
    ],
    formats: IndicatorSpec.allFormats, nulls: .propagate,
    reference: "World Bank SDG metadata 17.3.2 (IMF BPM6 personal remittances / GDP); methodology.md §7",
    guide: "docs/indicators/sdg-10.7.4-17.3.2.md", hasSQLForm: false,
    abstract: "SDG 17.3.2: remittances as % of GDP (Mexico's SDG platform file, or Banxico flows ÷ a GDP series).",
    discussion: """
      With --remittances, --where keeps rows of the remittance flows.

      Examples:
        cifra sdg 17.3.2 --published indicator_17-3-2.csv
        cifra sdg 17.3.2 --remittances remesas_mensuales.csv --remittances-value VALOR_USD --remittances-period PERIODO \\
          --remittances-freq M --where FLUJO=Ingresos --gdp gdp_usd.csv --gdp-value gdp_usd --gdp-period quarter
      """)

  public static func reading(_ role: String, options: Options) -> InputReading {
    role == "published" ? InputReading(types: ["Year": .anyPeriod]) : InputReading()
  }

  /// Either `published`, or `remittances` with `gdp`.
  public static func checkInputs(_ given: Set<String>, options: Options) throws(OptionError) {
    try checkDeclared(given)
    guard given.contains("published") != given.contains("remittances") else {
      throw OptionError("published", "give either published FILE, or remittances FILE with gdp FILE")
    }
    if given.contains("remittances"), !given.contains("gdp") { throw OptionError("gdp", "remittances need a GDP series") }
    if given.contains("published"), given.contains("gdp") { throw OptionError("gdp", "applies to remittances, not to a published series") }
  }

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    do { try checkInputs(Set(inputs.tables.keys), options: options) } catch { throw .option(error) }
    if let published = inputs.table("published") {
      return try IndicatorError.wrapping(role: "published") {
        let series = try PopulationRatios.publishedSeries(published, period: "Year", value: "Value")
        let flags = series.schema.names.contains("preliminary")
        return IndicatorResult(
          table: series,
          layout: ObservationLayout(
            series: spec.seriesCode, unit: spec.unit, timeColumn: "period", valueColumn: "remittances_pct_gdp",
            provisionalColumn: flags ? "preliminary" : nil))
      }
    }
    let flows = try IndicatorError.wrapping(role: "remittances") {
      let table = try inputs.required("remittances")
      try InputCheck.nonNegative(table, [options.remittancesValue], what: "a flow of remittances")
      return try RowFilter.apply(options.filters, to: table)
    }
    let gdp = try inputs.required("gdp")
    try IndicatorError.wrapping(role: "gdp") { try InputCheck.nonNegative(gdp, [options.gdpValue], what: "GDP") }
    return try IndicatorError.wrapping(role: nil) {
      let result = try PopulationRatios.remittancesShareOfGDP(
        remittances: flows, remittanceValue: options.remittancesValue, remittancePeriod: options.remittancesPeriod,
        remittanceFrequency: options.remittancesFrequency, gdp: gdp, gdpValue: options.gdpValue, gdpPeriod: options.gdpPeriod,
        gdpFrequency: options.gdpFrequency)
      return IndicatorResult(
        table: result.table,
        layout: ObservationLayout(series: spec.seriesCode, unit: spec.unit, timeColumn: "period", valueColumn: "remittances_pct_gdp"),
        warnings: result.warnings)
    }
  }
}
