import Columnar

/// Registry entry of SDG 10.c.1 (``RemittanceCosts``, ``DataBankCorridors``).
public enum RemittanceCostsIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    public var by: RemittanceCosts.Breakdown = .corridor
    /// Amount tier in USD (200 or 500).
    public var amount: RemittanceCosts.Amount = .usd200
    /// Corridors to keep (`USAMEX`); empty = all.
    public var corridors: [String] = []
    public var filters: [RowFilter] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      by = try c.value("by", .corridor)
      amount = try c.value("amount", .usd200)
      corridors = try c.value("corridor", [])
      filters = try c.value("where", [])
    }

    public func validate() throws(OptionError) {}
  }

  public static let spec = IndicatorSpec(
    id: "sdg-10.c.1", command: ["sdg", "10.c.1"], sdgCode: "10.c.1", seriesCodes: ["SI_RMT_COST", "SI_RMT_COST_BC"],
    nameES: "Costo de las remesas en proporción a las sumas remitidas",
    nameEN: "Remittance costs as a proportion of the amount remitted",
    definitionES: "Costo total (comisión más margen cambiario) de enviar 200 USD, como porcentaje del monto; promedio simple de los servicios.",
    definitionEN: "Total cost (fee plus exchange-rate margin) of sending USD 200, as a share of the amount; simple mean over services.",
    unit: "PT",
    inputs: [
      InputRole("input", "World Bank RPW service-level sheet, or a DataBank RPW corridor export"),
      InputRole("weights", .auxiliaryTable, "corridor flow weights (columns corridor, weight)"),
    ],
    formats: IndicatorSpec.allFormats, nulls: .skip,
    reference: "World Bank SDG metadata 10.c.1 (STAT_CONC_DEF, DATA_COMP, REG_AGG); SmaRT methodology 2016; methodology.md §1",
    guide: "docs/indicators/sdg-10.c.1.md", hasSQLForm: true,
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

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    let input = try inputs.required("input")
    let weights = try inputs.table("weights").map { table throws(IndicatorError) in
      try IndicatorError.wrapping(role: "weights") { try RemittanceCosts.weights(table) }
    }
    return try IndicatorError.wrapping {
      let table = try RowFilter.apply(options.filters, to: input)
      if DataBankCorridors.matches(table) {
        let series = try DataBankCorridors.series(table, corridors: options.corridors.isEmpty ? nil : Set(options.corridors))
        return IndicatorResult(table: series, layout: layout(.corridor, options))
      }
      var kept = table
      if !options.corridors.isEmpty {
        let column = try kept.column("corridor")
        kept = try kept.filter(Column((0..<kept.rowCount).map { options.corridors.contains(column.text(at: $0) ?? "") }))
      }
      let services = try RemittanceCosts.services(kept, amount: options.amount)
      var warnings: [IndicatorWarning] = []
      if !services.mismatchedRows.isEmpty {
        let rows = services.mismatchedRows.prefix(3).map { String($0 + 1) }
        warnings.append(
          IndicatorWarning(
            .statedTotalMismatch, count: services.mismatchedRows.count, examples: Array(rows.prefix(3)),
            message:
              "\(services.mismatchedRows.count) row(s): stated total cost % differs from fee % + fx margin by more than 0.01 pp, e.g. data rows \(rows.joined(separator: ", "))\(services.mismatchedRows.count > 3 ? ", …" : ""); the parts are used"
          ))
      }
      let summary = try RemittanceCosts.summarize(services, by: options.by, weights: weights)
      return IndicatorResult(table: summary, layout: layout(options.by, options, weighted: weights != nil), warnings: warnings)
    }
  }

  /// The observations of a result: corridor series (`SI_RMT_COST_BC`) put the sending country
  /// in REF_AREA and `C` + the receiving one in CUST_BREAKDOWN (methodology.md §1.2); averages
  /// over all services are the world's (`SI_RMT_COST`, REF_AREA 1). The SDG series are of the
  /// 200 USD tier and the simple mean, so 500 USD and weighted results have none.
  static func layout(_ by: RemittanceCosts.Breakdown, _ options: Options, weighted: Bool = false) -> ObservationLayout {
    let corridor = by == .corridor
    var layout = ObservationLayout(
      series: corridor ? "SI_RMT_COST_BC" : spec.seriesCode, unit: spec.unit, timeColumn: "period", valueColumn: "total_cost_pct",
      breakdowns: corridor ? ["corridor"] : (by == .firmType ? ["firm_type"] : []),
      dimensions: corridor
        ? [DimensionSource("REF_AREA", from: "corridor", coding: .corridorSending), DimensionSource("CUST_BREAKDOWN", from: "corridor", coding: .corridorReceiving)]
        : [],
      referenceArea: corridor ? nil : "1")
    if options.amount != .usd200 {
      layout.series = nil
      layout.noSeriesReason = "the UN SDG 10.c.1 series are of the 200 USD tier; --amount \(options.amount.rawValue) has none"
    } else if weighted {
      layout.series = nil
      layout.noSeriesReason = "the UN SDG 10.c.1 series are simple means over services; a weighted average is not one of them"
    }
    layout.openSDGNames = ["corridor": "Corridor", "firm_type": "Firm type"]
    return layout
  }
}
