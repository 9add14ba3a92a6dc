import Columnar

/// Registry entry of SDG 10.c.1 (``RemittanceCosts``, ``DataBankCorridors``).
public enum RemittanceCostsIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    /// The breakdown as given (`nil`: corridor, the default); kept optional so that giving one
    /// to an input it does not apply to is an error, not ignored.
    public var givenBy: RemittanceCosts.Breakdown?
    /// Amount tier in USD (200 or 500) as given (`nil`: 200).
    public var givenAmount: RemittanceCosts.Amount?
    /// Corridors to keep (`USAMEX`); empty = all.
    public var corridors: [String] = []
    public var filters: [RowFilter] = []
    /// What to do with corridors of the data that the weights file does not list.
    public var missingWeights: MissingWeights = .error

    /// Corridors with services but no weight: an error (default), or dropped and named.
    public enum MissingWeights: String, Sendable, CaseIterable, Codable { case error, drop }

    public var by: RemittanceCosts.Breakdown {
      get { givenBy ?? .corridor }
      set { givenBy = newValue }
    }
    public var amount: RemittanceCosts.Amount {
      get { givenAmount ?? .usd200 }
      set { givenAmount = newValue }
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      givenBy = try c.optional("by")
      givenAmount = try c.optional("amount")
      corridors = try c.value("corridor", [])
      filters = try c.value("where", [])
      missingWeights = try c.value("missing-weights", .error)
    }

    public func validate() throws(OptionError) {}
  }

  /// Weights belong to the flow-weighted average (`--by global`) and nowhere else.
  public static func checkInputs(_ given: Set<String>, options: Options) throws(OptionError) {
    try checkDeclared(given)
    if !given.contains("input") { throw OptionError("input", "is required") }
    if given.contains("weights"), options.by != .global {
      throw OptionError("weights", "gives the flow-weighted average of --by global; with --by \(options.by.rawValue) it would be ignored")
    }
    if options.missingWeights != .error, !given.contains("weights") {
      throw OptionError("missing-weights", "applies with --weights only")
    }
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
    if DataBankCorridors.matches(input) {
      // The export holds the 200 USD corridor series only: anything else would be ignored.
      if let by = options.givenBy, by != .corridor {
        throw .option(OptionError("by", "a DataBank corridor export holds corridor series only; --by \(by.rawValue) needs the RPW service-level sheet"))
      }
      if let amount = options.givenAmount, amount != .usd200 {
        throw .option(OptionError("amount", "a DataBank corridor export holds the 200 USD series only; --amount \(amount.rawValue) needs the RPW service-level sheet"))
      }
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
        warnings.append(
          .listing(services.mismatchedRows.map { String($0 + 1) }, kind: .statedTotalMismatch, separator: ", ") { count, rows in
            "\(count) row(s): stated total cost % differs from fee % + fx margin by more than 0.01 pp, e.g. data rows \(rows); the parts are used"
          })
      }
      if let weights {
        let unweighted = Dictionary(grouping: services.corridors.indices.filter { weights[services.corridors[$0]] == nil }) { services.corridors[$0] }
        if !unweighted.isEmpty {
          let names = unweighted.keys.sorted()
          let count = unweighted.values.reduce(0) { $0 + $1.count }
          let share = Double(count) / Double(services.corridors.count) * 100
          let listed = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
          let what = "\(names.count) corridor(s) of the data have no weight (\(listed)): \(count) of \(services.corridors.count) services, \(String(format: "%.1f", share)) %"
          guard options.missingWeights == .drop else {
            throw IndicatorError.option(OptionError("weights", what + "; add them to the weights file, or pass --missing-weights drop"))
          }
          warnings.append(IndicatorWarning(.note, count: names.count, examples: Array(names.prefix(3)), details: names, message: what + ", left out of the weighted average (--missing-weights drop)"))
        }
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
