import Columnar

/// Registry entry of SDG 10.7.3 (``MissingMigrants/summarize(_:by:where:negative:)``).
public enum MissingMigrantsIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    /// Breakdowns (at most one of year and month).
    public var by: [MissingMigrants.Breakdown] = [.year]
    /// Rows to keep; a column may be a header or a field name (`route`, `region`, …).
    public var filters: [RowFilter] = []
    /// What to do with negative counts.
    public var negative: MissingMigrants.NegativePolicy = .error
    /// What to do with a repeated incident id.
    public var duplicates: DuplicatePolicy = .error

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      by = try c.value("by", [.year])
      filters = try c.value("where", [])
      negative = try c.value("negative", .error)
      duplicates = try c.value("duplicates", .error)
    }

    public func validate() throws(OptionError) {
      guard !by.isEmpty else { throw OptionError("by", "needs at least one breakdown (total for none)") }
      guard by.filter({ $0 == .year || $0 == .month }).count <= 1 else { throw OptionError("by", "year and month cannot be combined") }
      guard Set(by).count == by.count else { throw OptionError("by", "a breakdown is given twice") }
    }
  }

  public static let spec = IndicatorSpec(
    id: "sdg-10.7.3", command: ["sdg", "10.7.3"], sdgCode: "10.7.3", seriesCodes: ["SM_DTH_MIGR"],
    nameES: "Número de personas que murieron o desaparecieron en el proceso de migración hacia un destino internacional",
    nameEN: "Number of people who died or disappeared in the process of migration towards an international destination",
    definitionES: "Personas muertas y desaparecidas registradas por el Proyecto Migrantes Desaparecidos de la OIM; un conteo en blanco es desconocido, no cero.",
    definitionEN: "Dead and missing people recorded by IOM's Missing Migrants Project; a blank count is unknown, not zero.",
    unit: "NUMBER",
    inputs: [InputRole("input", "IOM Missing Migrants Project export (2019/2020 website, HDX Global Figures, 2026 website, allData)")],
    formats: IndicatorSpec.allFormats, nulls: .skip,
    reference: "UN SDG metadata 10.7.3 (IOM custodian); missingmigrants.iom.int/methodology; methodology.md §2",
    guide: "docs/indicators/sdg-10.7.3.md", hasSQLForm: true,
    abstract: "SDG 10.7.3: people dead or missing during migration, from an IOM Missing Migrants export.",
    discussion: """
      Reads every known export layout (2019/2020 website, HDX Global Figures in Windows-1252,
      the 2026 website export without a total column). Blank counts are unknown, not zero; the
      total is dead + missing when the total column is absent or blank; a stated total that
      differs from dead + missing is kept as stated and reported on stderr. In --where, COL is a
      header or one of route, region, cause, country-of-incident, country-of-origin.

      Examples:
        cifra sdg 10.7.3 Missing_Migrants_Global_Figures.csv --by year
        cifra sdg 10.7.3 Missing_Migrants_Global_Figures.csv --by year --where "route=US-Mexico border crossing"
        cifra sdg 10.7.3 MissingMigrants-Global-2019-03-29T18-36-07.csv --by month --where "region=US-Mexico Border"
        cifra sdg 10.7.3 export.csv --by year --where "country-of-incident=Mexico"
      """)

  public static func reading(_ role: String, options: Options) -> InputReading {
    InputReading(thousandsSeparator: UInt8(ascii: ","))  // "1,022" in the 2020 export
  }

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    let input = try inputs.required("input")
    return try IndicatorError.wrapping {
      let layout = try MissingMigrantsLayout(input)
      let (all, dropped) = try InputCheck.uniqueUnits(input, id: layout.id, units: "incident", policy: options.duplicates)
      let table = try RowFilter.apply(options.filters, to: all) { MissingMigrants.header($0, in: all) }
      let summary = try MissingMigrants.summarize(table, by: options.by, negative: options.negative)
      var headline: Table?
      let time = options.by.filter { $0 == .year || $0 == .month }
      if time.count == 1, options.by.count > 1 {
        headline = try MissingMigrants.summarize(table, by: time, negative: options.negative).table
      }
      var observations: ObservationLayout?
      if summary.table.schema.names.contains("period") {
        // MMP exports are global: the world (M49 1) unless a filter narrows them to a place.
        let places = ["route", "region", "country-of-incident", "country-of-origin"].flatMap { [$0, MissingMigrants.header($0, layout: layout)] }
        let narrowed = options.filters.contains { places.contains($0.column) }
        var layoutOut = ObservationLayout(
          series: spec.seriesCode, unit: spec.unit, timeColumn: "period", valueColumn: "total_dead_and_missing",
          breakdowns: options.by.filter { ![.year, .month, .total].contains($0) }.map(\.rawValue), referenceArea: narrowed ? nil : "1")
        layoutOut.openSDGNames = ["cause": "Cause of death", "region": "Region of incident", "route": "Migration route", "country-of-incident": "Country of incident"]
        // The ONS platform file (indicator_10-7-3.csv) writes MMP's "a / b" causes as "a/b".
        layoutOut.openSDGValues = [
          "Sickness / lack of access to adequate healthcare": "Sickness/lack of access to adequate healthcare",
          "Vehicle accident / death linked to hazardous transport": "Vehicle accident/death linked to hazardous transport",
        ]
        if options.by.contains(.year), let latest = summary.latestMonth, latest.frequency == .monthly, latest.ordinal % 12 != 11 {
          layoutOut.partialPeriods[String(latest.ordinal / 12)] = "Partial year: the export covers incidents to \(latest)"
        }
        observations = layoutOut
      }
      return IndicatorResult(
        table: summary.table, layout: observations, headline: headline, warnings: (dropped.map { [$0] } ?? []) + warnings(summary, options.negative))
    }
  }

  static func warnings(_ summary: MissingMigrants.Summary, _ negative: MissingMigrants.NegativePolicy) -> [IndicatorWarning] {
    var warnings: [IndicatorWarning] = []
    if !summary.mismatchedRows.isEmpty {
      let items = summary.mismatchedRows.map {
        "\($0.id) (stated \($0.statedTotal!), dead \($0.dead.map(String.init) ?? "blank") + missing \($0.missing.map(String.init) ?? "blank"))"
      }
      warnings.append(.listing(items, kind: .statedTotalMismatch) { count, examples in "\(count) row(s) state a total ≠ dead + missing; kept as stated, e.g. \(examples)" })
    }
    if !summary.negativeRows.isEmpty {
      let verb = negative == .exclude ? "excluded" : "kept as published"
      warnings.append(
        .listing(summary.negativeRows.map(\.id), kind: .negativeCount) { count, examples in
          "\(count) row(s) have a negative count, \(verb): \(examples) (option negative: error, keep or exclude)"
        })
    }
    if !summary.unknownRows.isEmpty {
      warnings.append(
        .listing(summary.unknownRows.map(\.id), kind: .unknownCount, separator: ", ") { count, examples in
          "\(count) row(s) have no count (dead, missing and total blank; left out), e.g. \(examples)"
        })
    }
    return warnings
  }
}
