import Columnar
import Kernels

/// Interval choice of `proportion`: one method, or all three (two-number form only).
public enum IntervalChoice: String, Sendable, CaseIterable, Codable {
  case wilson
  case wilsonCC = "wilson-cc"
  case clopperPearson = "clopper-pearson"
  case all

  var methods: [IntervalMethod] { self == .all ? IntervalMethod.allCases : [IntervalMethod(rawValue: rawValue)!] }
}

extension Indicator {
  /// Two-number form (`spelled`, e.g. `X N`) or a table: exactly one of them.
  static func checkNumbersOrTable(_ given: Set<String>, numbers: Bool, spelled: String) throws(OptionError) {
    try checkDeclared(given)
    if !numbers, !given.contains("input") { throw OptionError("input", "is required (or give \(spelled))") }
    if numbers, given.contains("input") { throw OptionError("input", "give \(spelled) or a file, not both") }
  }
}

/// Registry entry of proportions with intervals: two counts (`x`, `n`) or a table by group.
public enum ProportionIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    /// Two-number form: successes and trials.
    public var x: Int?
    public var n: Int?
    /// Table form: successes and trials columns.
    public var successes: String?
    public var trials: String?
    public var by: [String] = []
    public var ci: IntervalChoice = .wilson
    public var level = 0.95
    public var filters: [RowFilter] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      x = try c.optional("x")
      n = try c.optional("n")
      successes = try c.optional("successes")
      trials = try c.optional("trials")
      by = try c.value("by", [])
      ci = try c.value("ci", .wilson)
      level = try c.value("level", 0.95)
      filters = try c.value("where", [])
    }

    public func validate() throws(OptionError) {
      try OptionCheck.level(level)
      if let x, let n {
        guard x >= 0, n >= 0, x <= n else { throw OptionError("x", "X and N must be whole numbers with 0 ≤ X ≤ N") }
        guard successes == nil, trials == nil, by.isEmpty, filters.isEmpty else {
          throw OptionError("successes", "successes, trials, by and where apply to the table form, not to X N")
        }
      } else {
        guard x == nil, n == nil, successes != nil, trials != nil else {
          throw OptionError("successes", "give X N, or FILE with successes COL and trials COL")
        }
        guard ci != .all else { throw OptionError("ci", "all is for the two-number form") }
      }
    }
  }

  public static let spec = IndicatorSpec(
    id: "proportion", command: ["proportion"],
    nameES: "Proporción con intervalo de confianza (Wilson, Wilson con corrección, Clopper-Pearson)",
    nameEN: "Proportion with a confidence interval (Wilson, Wilson-cc, Clopper-Pearson)",
    definitionES: "p = x / n en porcentaje, con el intervalo elegido al nivel de confianza dado; n = 0 da nulo.",
    definitionEN: "p = x / n as a percentage, with the chosen interval at the given level; n = 0 gives null.",
    unit: "PT", inputs: [InputRole("input", "table with successes and trials columns (or two numbers)")],
    formats: IndicatorSpec.tableFormats, nulls: .skip,
    reference: "Wilson 1927; Newcombe 1998; Clopper & Pearson 1934; methodology.md §5",
    guide: "docs/indicators/rates-and-audit.md", hasSQLForm: true,
    abstract: "A proportion with its confidence interval (Wilson, Wilson-cc, Clopper-Pearson), for two numbers or by group over a table.",
    discussion: """
      Examples:
        cifra proportion 45 60 --ci all
        cifra proportion cases.csv --successes in_time --trials cases --by year --ci clopper-pearson --level 0.90
      """)

  public static func checkInputs(_ given: Set<String>, options: Options) throws(OptionError) {
    try checkNumbersOrTable(given, numbers: options.x != nil, spelled: "X N")
  }

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    if let x = options.x, let n = options.n {
      let methods = options.ci.methods
      let intervals = methods.map { proportionInterval(successes: x, trials: n, level: options.level, method: $0) }
      return try IndicatorError.wrapping(role: nil) {
        var result = IndicatorResult(
          table: try Table([
            ("method", .string(StringColumn(methods.map(\.rawValue)))),
            ("successes", .int64(Column(methods.map { _ in Int64(x) }))),
            ("trials", .int64(Column(methods.map { _ in Int64(n) }))),
            ("pct", .double(Column(optionals: methods.map { _ in n > 0 ? 100 * Double(x) / Double(n) : nil }))),
            ("ci_lower_pct", .double(Column(optionals: intervals.map { $0.map { 100 * $0.lower } }))),
            ("ci_upper_pct", .double(Column(optionals: intervals.map { $0.map { 100 * $0.upper } }))),
            ("level", .double(Column(methods.map { _ in options.level }))),
          ]))
        result.countColumns = ["successes", "trials", "level"]
        return result
      }
    }
    let input = try inputs.required("input")
    return try IndicatorError.wrapping {
      var result = IndicatorResult(
        table: try ProportionsAndRates.proportions(
          try RowFilter.apply(options.filters, to: input), successes: options.successes!, trials: options.trials!, by: options.by,
          method: options.ci.methods[0], level: options.level))
      result.countColumns = [options.successes!, options.trials!]
      return result
    }
  }
}

/// Registry entry of Poisson rates: two numbers (`event-count`, `population-size`) or a table.
public enum RateIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    public var eventCount: Int?
    public var populationSize: Double?
    public var events: String?
    public var population: String?
    public var by: [String] = []
    public var per: Double = 100_000
    public var level = 0.95
    public var filters: [RowFilter] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      eventCount = try c.optional("event-count")
      populationSize = try c.optional("population-size")
      events = try c.optional("events")
      population = try c.optional("population")
      by = try c.value("by", [])
      per = try c.value("per", 100_000)
      level = try c.value("level", 0.95)
      filters = try c.value("where", [])
    }

    public func validate() throws(OptionError) {
      try OptionCheck.level(level)
      try OptionCheck.positive(per, field: "per")
      if eventCount != nil || populationSize != nil {
        guard let k = eventCount, let p = populationSize, k >= 0, p > 0, p.isFinite else {
          throw OptionError("event-count", "EVENTS must be a whole number ≥ 0 and POPULATION a finite number > 0")
        }
        guard events == nil, population == nil, by.isEmpty, filters.isEmpty else {
          throw OptionError("events", "events, population, by and where apply to the table form, not to EVENTS POPULATION")
        }
      } else {
        guard events != nil, population != nil else { throw OptionError("events", "give EVENTS POPULATION, or FILE with events COL and population COL") }
      }
    }
  }

  public static let spec = IndicatorSpec(
    id: "rate", command: ["rate"],
    nameES: "Tasa por 100,000 con intervalo exacto de Poisson",
    nameEN: "Rate per 100,000 with the exact Poisson interval",
    definitionES: "Eventos por cada 100,000 personas (o por la base dada), con el intervalo exacto de Garwood; por grupo, razón de sumas y media de razones por separado.",
    definitionEN: "Events per 100,000 people (or per the given base), with Garwood's exact interval; by group, the ratio of sums and the mean of ratios, named apart.",
    unit: "PER_100000_POP", inputs: [InputRole("input", "table with events and population columns (or two numbers)")],
    formats: IndicatorSpec.tableFormats, nulls: .skip,
    reference: "Garwood 1936; methodology.md §5.3",
    guide: "docs/indicators/rates-and-audit.md", hasSQLForm: false,
    abstract: "Rates per 100,000 (or --per) with the exact Poisson interval; by group: ratio of sums and mean of ratios, named apart.",
    discussion: """
      Examples:
        cifra rate 37 250000
        cifra rate deaths.csv --events deaths --population population --by year --per 1000
      """)

  public static func checkInputs(_ given: Set<String>, options: Options) throws(OptionError) {
    try checkNumbersOrTable(given, numbers: options.eventCount != nil, spelled: "EVENTS POPULATION")
  }

  /// No SQL form: every rate carries Garwood's interval, whose bounds are chi-square quantiles.
  public static func sql(_ request: SQLRequest, options: Options) throws(OptionError) -> String {
    throw OptionError(
      "dialect",
      "rate is not expressible in SQL: its Garwood interval needs chi-square quantiles, which DuckDB, Spark and PostgreSQL lack; compute it with cifra rate")
  }

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    if let k = options.eventCount, let p = options.populationSize {
      let estimate = RateEstimate(events: k, population: p, per: options.per, level: options.level)
      return try IndicatorError.wrapping(role: nil) {
        var result = IndicatorResult(
          table: try Table([
            ("events", .int64(Column([Int64(k)]))), ("population", .double(Column([p]))), ("per", .double(Column([options.per]))),
            ("rate", .double(Column([estimate.rate]))), ("ci_lower", .double(Column([estimate.lower]))),
            ("ci_upper", .double(Column([estimate.upper]))), ("level", .double(Column([options.level]))),
          ]))
        result.countColumns = ["events", "population", "per", "level"]
        return result
      }
    }
    let input = try inputs.required("input")
    return try IndicatorError.wrapping {
      try InputCheck.nonNegative(input, [options.events!, options.population!], what: "a count of events or people")
      var result = IndicatorResult(
        table: try ProportionsAndRates.rates(
          try RowFilter.apply(options.filters, to: input), events: options.events!, population: options.population!, by: options.by,
          per: options.per, level: options.level))
      result.countColumns = [options.events!, options.population!]
      return result
    }
  }
}

/// Registry entry of the precision of survey estimates: two numbers or a table.
public enum PrecisionIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    public var estimateValue: Double?
    public var standardErrorValue: Double?
    public var estimate: String?
    public var standardError: String?
    public var keys: [String] = []
    public var level = 0.90
    public var high: Double = 15
    public var moderate: Double = 30
    public var filters: [RowFilter] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      estimateValue = try c.optional("estimate-value")
      standardErrorValue = try c.optional("standard-error-value")
      estimate = try c.optional("estimate")
      standardError = try c.optional("standard-error")
      keys = try c.value("key", [])
      level = try c.value("level", 0.90)
      high = try c.value("high", 15)
      moderate = try c.value("moderate", 30)
      filters = try c.value("where", [])
    }

    public func validate() throws(OptionError) {
      try OptionCheck.level(level)
      try OptionCheck.positive(high, field: "high")
      guard high <= moderate, moderate.isFinite else { throw OptionError("high", "must be ≤ moderate (\(moderate))") }
      if estimateValue != nil || standardErrorValue != nil {
        guard let value = estimateValue, let se = standardErrorValue, value.isFinite, se.isFinite, se >= 0 else {
          throw OptionError("standard-error-value", "ESTIMATE must be finite and SE a finite number ≥ 0")
        }
        guard estimate == nil, standardError == nil, keys.isEmpty, filters.isEmpty else {
          throw OptionError("estimate", "estimate, standard-error, key and where apply to the table form, not to ESTIMATE SE")
        }
      } else {
        guard estimate != nil, standardError != nil else {
          throw OptionError("estimate", "give ESTIMATE SE, or FILE with estimate COL and standard-error COL")
        }
      }
    }
  }

  public static let spec = IndicatorSpec(
    id: "precision", command: ["precision"],
    nameES: "Precisión de estimaciones de encuesta: coeficiente de variación, intervalo al 90 % y clase de precisión",
    nameEN: "Precision of survey estimates: coefficient of variation, 90 % interval and precision class",
    definitionES: "CV = EE / estimación × 100; intervalo estimación ± z·EE (z = 1.645 al 90 %, INEGI); clase alta si CV < 15 %, moderada si CV < 30 %, baja en otro caso.",
    definitionEN: "CV = SE / estimate × 100; interval estimate ± z·SE (z = 1.645 at 90 %, INEGI); class high when CV < 15 %, moderate when CV < 30 %, low otherwise.",
    unit: "PT", inputs: [InputRole("input", "table with estimate and standard-error columns (or two numbers)")],
    formats: IndicatorSpec.tableFormats, nulls: .propagate,
    reference: "INEGI criteria for the precision of survey estimates; methodology.md §5.4",
    guide: "docs/indicators/rates-and-audit.md", hasSQLForm: false,
    abstract: "Coefficient of variation, INEGI-style 90 % interval (±1.645 SE) and precision class of survey estimates.",
    discussion: """
      Classes: high when CV < 15 %, moderate when CV < 30 %, low otherwise (--high / --moderate change them).
      Examples:
        cifra precision 125000 9800
        cifra precision enoe.csv --estimate total --standard-error se --key state
      """)

  public static func checkInputs(_ given: Set<String>, options: Options) throws(OptionError) {
    try checkNumbersOrTable(given, numbers: options.estimateValue != nil, spelled: "ESTIMATE SE")
  }

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    try IndicatorError.wrapping {
      if let value = options.estimateValue, let se = options.standardErrorValue {
        let table = try Table([("estimate", .double(Column([value]))), ("se", .double(Column([se])))])
        return IndicatorResult(
          table: try ProportionsAndRates.precision(
            table, estimate: "estimate", standardError: "se", keys: [], level: options.level, high: options.high, moderate: options.moderate))
      }
      let input = try inputs.required("input")
      try InputCheck.nonNegative(input, [options.standardError!], what: "a standard error")
      return IndicatorResult(
        table: try ProportionsAndRates.precision(
          try RowFilter.apply(options.filters, to: input), estimate: options.estimate!,
          standardError: options.standardError!, keys: options.keys, level: options.level, high: options.high, moderate: options.moderate))
    }
  }
}

/// Registry entry of cross-tabulations and shares (``CrossTab``).
public enum CrossTabIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    public var rows: String?
    public var cols: String?
    /// Value column to sum (`nil`: count rows).
    public var value: String?
    public var margins = false
    public var share = false
    public var category: String?
    public var by: [String] = []
    public var filters: [RowFilter] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      rows = try c.optional("rows")
      cols = try c.optional("cols")
      value = try c.optional("value")
      margins = try c.value("margins", false)
      share = try c.value("share", false)
      category = try c.optional("category")
      by = try c.value("by", [])
      filters = try c.value("where", [])
    }

    public func validate() throws(OptionError) {
      if share {
        guard category != nil else { throw OptionError("category", "share needs the category column") }
        guard rows == nil, cols == nil, !margins else { throw OptionError("share", "rows, cols and margins apply to a cross-table, not to shares") }
      } else {
        guard rows != nil, cols != nil else { throw OptionError("rows", "give rows COL and cols COL, or share with category COL") }
        guard category == nil, by.isEmpty else { throw OptionError("category", "category and by apply to shares (share), not to a cross-table") }
      }
    }
  }

  public static let spec = IndicatorSpec(
    id: "crosstab", command: ["crosstab"],
    nameES: "Tabulado cruzado (conteos o sumas) con márgenes, o participación de categorías dentro de grupos",
    nameEN: "Cross-tabulation (counts or sums) with margins, or shares of categories within groups",
    definitionES: "Conteo de filas (o suma de una columna) por fila y columna, con totales; o participación porcentual de cada categoría en su grupo.",
    definitionEN: "Row counts (or sums of a column) by row and column category, with totals; or the percentage share of each category within its group.",
    unit: "NUMBER", inputs: [InputRole("input", "any table with category columns")],
    formats: IndicatorSpec.tableFormats, nulls: .skip,
    reference: "methodology.md §5.5",
    guide: "docs/indicators/rates-and-audit.md", hasSQLForm: false,
    abstract: "Cross-tabulation (counts or sums) with margins, or shares of categories within groups (--share).",
    discussion: """
      Examples:
        cifra crosstab datasets/gcm-programs-2022/data.csv --rows gcm_objective --cols part --margins
        cifra crosstab datasets/gcm-programs-2022/data.csv --share --category reporting_unit --by gcm_objective
      """)

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    let input = try inputs.required("input")
    return try IndicatorError.wrapping {
      let table = try RowFilter.apply(options.filters, to: input)
      if options.share {
        return IndicatorResult(table: try CrossTab.shares(table, category: options.category!, value: options.value, by: options.by))
      }
      return IndicatorResult(
        table: try CrossTab.table(table, rows: options.rows!, columns: options.cols!, value: options.value, margins: options.margins))
    }
  }
}

/// Registry entry of audits of published tables (``TableAudit``): claims from audit specs, or
/// totals of a table.
public enum AuditIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    public var totalColumn: String?
    public var parts: [String] = []
    public var totalRow: String?
    public var labelColumn: String?
    public var mismatchesOnly = false
    public var filters: [RowFilter] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      totalColumn = try c.optional("total-column")
      parts = try c.value("parts", [])
      totalRow = try c.optional("total-row")
      labelColumn = try c.optional("label-column")
      mismatchesOnly = try c.value("mismatches-only", false)
      filters = try c.value("where", [])
    }

    public func validate() throws(OptionError) {
      if totalColumn != nil, totalRow != nil { throw OptionError("total-row", "give total-column or total-row, not both") }
      if totalColumn != nil, parts.isEmpty { throw OptionError("parts", "total-column needs the part columns") }
      if totalRow != nil, labelColumn == nil { throw OptionError("label-column", "total-row needs the column holding row labels") }
    }

    var tableForm: Bool { totalColumn != nil || totalRow != nil }
  }

  public static let spec = IndicatorSpec(
    id: "audit", command: ["audit"],
    nameES: "Auditoría aritmética de tabulados publicados (totales, porcentajes, conteos)",
    nameEN: "Arithmetic audit of published tables (totals, shares, counts)",
    definitionES: "Recalcula cada total, porcentaje y conteo declarado y lista toda diferencia mayor que el redondeo de las cifras publicadas.",
    definitionEN: "Recomputes every stated total, share and count and lists each difference beyond the rounding of the published figures.",
    unit: "NUMBER",
    inputs: [
      InputRole("specs", .auditSpec, "audit specs (.toml) with the claims and their source lines", repeatable: true),
      InputRole("input", "a published table (CSV)"),
    ],
    formats: IndicatorSpec.tableFormats, nulls: .skip,
    reference: "seed findings (reference/seed-003-findings.md); methodology.md §5.6",
    guide: "docs/indicators/rates-and-audit.md", hasSQLForm: false,
    abstract: "Recompute the totals, shares and counts of published tables and list every mismatch beyond rounding.",
    discussion: """
      A spec (.toml) declares the claims with their source lines ([[sum]], [[ratio]], [[subset]],
      [[shares_sum]], [[count]]); `slip = true` marks a slip the review already documented.
      Exit 1 when a check gives an undocumented mismatch, or a documented slip is not found.

      Examples:
        cifra audit datasets/audit/seed-003.toml datasets/audit/seed-001-vds.toml
        cifra audit table.csv --total-column total --parts men --parts women --label-column state
        cifra audit table.csv --total-row Total --label-column state
      """)

  public static func checkInputs(_ given: Set<String>, options: Options) throws(OptionError) {
    try checkDeclared(given)
    guard given.contains("input") || given.contains("specs") else { throw OptionError("input", "give at least one spec or table") }
    if given.contains("input") {
      guard !given.contains("specs") else { throw OptionError("input", "give audit specs or one table, not both") }
      guard options.tableForm else { throw OptionError("total-column", "a table needs total-column with parts, or total-row with label-column") }
    } else if options.tableForm || !options.filters.isEmpty {
      throw OptionError(options.totalColumn != nil ? "total-column" : (options.totalRow != nil ? "total-row" : "where"), "applies to a table, not to audit specs")
    }
  }

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    var items = inputs.auditItems
    if let input = inputs.table("input") {
      items += try IndicatorError.wrapping {
        let table = try RowFilter.apply(options.filters, to: input)
        if let total = options.totalColumn {
          return try TableAudit.columnTotals(table, total: total, parts: options.parts, label: options.labelColumn)
        }
        return try TableAudit.rowTotals(
          table, labelColumn: options.labelColumn!, totalRow: options.totalRow!, columns: options.parts.isEmpty ? nil : options.parts)
      }
    }
    let all = items.map(TableAudit.evaluate)
    let shown = options.mismatchesOnly ? all.filter { !$0.ok } : all
    let mismatches = all.filter { !$0.ok }.count
    let unexpected = all.filter(\.unexpected).count
    var result = IndicatorResult(
      table: TableAudit.report(shown),
      warnings: [IndicatorWarning(.summary, count: all.count, message: "\(all.count) checks: \(mismatches) mismatch(es), \(unexpected) unexpected")],
      failedChecks: unexpected)
    result.emptyIsAnswer = options.mismatchesOnly
    return result
  }
}
