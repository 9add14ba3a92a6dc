import Columnar

/// Registry entry of the growth family (``Growth/compute(_:options:)``).
public enum GrowthIndicator: Indicator {
  public typealias Options = GrowthOptions

  public static let spec = IndicatorSpec(
    id: "growth", command: ["growth"],
    nameES: "Crecimiento porcentual (periodo a periodo, anual, TCCA, mínimos cuadrados, índices, contribuciones)",
    nameEN: "Growth (period over period, year over year, CAGR, least squares, indexes, contributions)",
    definitionES: "Variación porcentual de una serie respecto de un periodo base, con rezagos de calendario: un periodo faltante da un nulo, nunca una comparación con el periodo equivocado.",
    definitionEN: "Percentage change of a series against a base period, with calendar lags: a missing period gives a null, never a comparison with the wrong period.",
    unit: "PT", inputs: [InputRole("input", "long table: a value column, a period column, grouping columns")],
    formats: IndicatorSpec.allButSDMX, nulls: .propagate,
    reference: "World Bank WDI Statistical methods; IMF QNA Manual ch. 8; methodology.md §4",
    guide: "docs/indicators/growth.md", hasSQLForm: true,
    abstract: "Growth of series: period-over-period, year-over-year, CAGR, least squares, indexes, contributions.",
    discussion: """
      Lags are calendar lags: a missing month gives a null growth, never a comparison with the
      wrong month. Null results carry a note (zero_base, no_base_period, null_base, ...).

      Examples:
        cifra growth remesas_mensuales.csv --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --method yoy
        cifra growth remesas_mensuales.csv --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --freq A --method pop
        cifra growth remesas_mensuales.csv --value VALOR_USD --period PERIODO --period-freq M --where FLUJO=Ingresos --freq A --method least-squares
        cifra growth giro.csv --value operations --period period --period-freq M --ytd --method yoy
        cifra growth series.csv --value x --period year --method index --base 2015
      """)

  public static func reading(_ role: String, options: Options) -> InputReading {
    var columns = [options.value, options.period] + options.by + (options.component.map { [$0] } ?? [])
    for filter in options.filters where !columns.contains(filter.column) { columns.append(filter.column) }
    return InputReading(columns: columns, types: [options.value: .anyNumber])
  }

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    let table = try inputs.required("input")
    let result = try IndicatorError.wrapping {
      try Growth.compute(try RowFilter.apply(options.filters, to: table), options: options)
    }
    let valueColumn =
      result.table.schema.names.first {
        ["growth_pct", "index", "contribution_pct", "cagr_pct", "exponential_pct", "least_squares_pct"].contains($0)
      } ?? "value"
    var layout = ObservationLayout(
      series: nil, unit: valueColumn == "index" ? "NUMBER" : "PT", timeColumn: options.method.isWholeSpan ? "to" : "period",
      valueColumn: valueColumn, breakdowns: options.by + (options.method == .contribution ? [options.component!] : []))
    if valueColumn == "index", let base = options.base {
      // An index carries its base period: BASE_PER, and the unit read by people.
      layout.basePeriod = base
      layout.unitLabel = "Index (\(base) = 100)"
    }
    return IndicatorResult(table: result.table, layout: layout, warnings: result.warnings)
  }
}
