import Columnar

/// The SQL form of SDG 10.c.1 on an RPW service-level sheet (``RemittanceCosts``).
///
/// Per service, for the tier's columns (`cc1` = USD 200, `cc2` = USD 500): `fee % = 100 · fee /
/// amount`; the fx margin is the sheet's `fx margin`, or `100 · (1 − fx rate / inter lcu bank
/// fx)` where it is blank; `total = fee % + margin`. A blank amount or fee, a zero amount, or no
/// margin either way stops the query (DuckDB, Spark), as it stops Cifra. Eligible for SmaRT:
/// `transparent` is not `no` and `speed actual` does not say `6 days`. Per period and
/// breakdown: `services`, simple means of fee %, margin and total (the global average is over
/// services, not corridors), `services_at_or_below_5_pct`, and by corridor `smart_pct`, the
/// mean of the three cheapest eligible services (`ROW_NUMBER` over the corridor's services by
/// total; null with fewer than three). Periods are RPW's `2016_2Q`, written `2016-Q2`; another
/// form stops the query. The corridor is the `corridor` column, else source + destination code.
/// Not in SQL: the DataBank corridor export (a reshape of year columns) and flow weights.
extension RemittanceCostsIndicator {
  public static func sql(_ request: SQLRequest, options: Options) throws(OptionError) -> String {
    let d = request.dialect
    guard let columns = request.columns else {
      throw OptionError("source", "sdg-10.c.1 finds its columns by the sheet's header: give the .csv file as source, or its header with --header-of FILE")
    }
    if columns.contains("Sending Countries Code") {
      throw OptionError("source", "a DataBank corridor export is reshaped from year columns, which has no SQL form: compute it with cifra sdg 10.c.1, or give the RPW service-level sheet")
    }
    if !(request.tables["weights"]?.isEmpty ?? true) {
      throw OptionError("weights", "the flow-weighted average has no SQL form yet: compute it with cifra sdg 10.c.1 --weights")
    }
    let p = options.amount == .usd200 ? "cc1" : "cc2"
    func has(_ name: String) -> Bool { columns.contains(name) }
    func value(_ name: String) -> String { d.asDouble(d.identifier(name)) }
    func text(_ name: String) -> String { d.asText(d.identifier(name)) }
    for required in ["\(p) lcu amount", "\(p) lcu fee", "period"] where !has(required) {
      throw OptionError("source", "no column '\(required)' in the sheet (columns: \(columns.joined(separator: ", ")))")
    }
    if !options.corridors.isEmpty, !has("corridor") {
      throw OptionError("corridor", "the sheet has no column 'corridor' (columns: \(columns.joined(separator: ", ")))")
    }
    let margin = has("\(p) fx margin") ? value("\(p) fx margin") : "CAST(NULL AS \(d.doubleType))"
    let fromRates =
      has("\(p) lcu fx rate") && has("inter lcu bank fx")
      ? "CASE WHEN \(value("inter lcu bank fx")) <> 0 THEN 100 * (1 - \(value("\(p) lcu fx rate")) / \(value("inter lcu bank fx"))) END"
      : "CAST(NULL AS \(d.doubleType))"
    let pair = (has("source_code") ? "COALESCE(\(text("source_code")), '')" : "''") + " || " + (has("destination_code") ? "COALESCE(\(text("destination_code")), '')" : "''")
    let corridor = has("corridor") ? "COALESCE(\(text("corridor")), \(pair))" : pair
    let transparent = has("transparent") ? "COALESCE(LOWER(\(text("transparent"))) <> 'no', TRUE)" : "TRUE"
    let fast = has("speed actual") ? "POSITION('6 days' IN LOWER(COALESCE(\(text("speed actual")), ''))) = 0" : "TRUE"
    var kept = try d.condition(options.filters)
    if !options.corridors.isEmpty {
      kept += " AND \(text("corridor")) IN (\(options.corridors.map(d.literal).joined(separator: ", ")))"
    }
    let period = "TRIM(\(text("period")))"
    var checks = SQLChecks(d)
    checks.add("cifra_sent IS NULL", "'\(p) lcu amount' is blank")
    checks.add("cifra_sent = 0", "the amount sent is 0 (no cost share)")
    checks.add("cifra_fee IS NULL", "'\(p) lcu fee' is blank")
    checks.add("cifra_margin IS NULL", "'\(p) fx margin' is blank (and no fx rate and interbank rate to compute it)")
    checks.add("cifra_period_text IS NULL OR NOT \(d.matches("cifra_period_text", pattern: "^[0-9]{4}_[1-4]Q$"))", "a period that is not RPW's YYYY_NQ (e.g. 2016_2Q)")
    let keyColumn: (output: String, expression: String)? =
      switch options.by {
      case .corridor: ("corridor", corridor)
      case .firmType: ("firm_type", has("firm_type") ? "COALESCE(\(text("firm_type")), '')" : "''")
      case .period, .global: nil
      }
    let keys = ["period"] + (keyColumn.map { [$0.output] } ?? [])
    var outputs = keys + [
      "COUNT(*) AS services", "AVG(cifra_fee_pct) AS fee_pct", "AVG(cifra_margin) AS fx_margin_pct", "AVG(cifra_total) AS total_cost_pct",
      "COUNT(CASE WHEN cifra_total <= 5 THEN 1 END) AS services_at_or_below_5_pct",
    ]
    if options.by == .corridor {
      outputs.append(
        "CASE WHEN COUNT(CASE WHEN cifra_eligible THEN 1 END) >= 3 THEN SUM(CASE WHEN cifra_eligible AND cifra_rank <= 3 THEN cifra_total END) / 3 END AS smart_pct")
    }
    let rank = options.by == .corridor ? ",\n    ROW_NUMBER() OVER (PARTITION BY cifra_period_text, cifra_corridor, cifra_eligible ORDER BY cifra_total) AS cifra_rank" : ""
    return """
      -- cifra sdg 10.c.1 --by \(options.by.rawValue) --amount \(options.amount.rawValue), \(d.rawValue) SQL (docs/scale-out.md)
      WITH
      cifra_rows AS (
        SELECT \(period) AS cifra_period_text, \(value("\(p) lcu amount")) AS cifra_sent, \(value("\(p) lcu fee")) AS cifra_fee,
          COALESCE(\(margin), \(fromRates)) AS cifra_margin, \(corridor) AS cifra_corridor, \(keyColumn?.expression ?? "''") AS cifra_key,
          (\(transparent)) AND (\(fast)) AS cifra_eligible
        FROM \(try request.fromItem())
        WHERE \(kept)
      ),
      cifra_services AS (
        SELECT *, 100 * cifra_fee / NULLIF(cifra_sent, 0) AS cifra_fee_pct,
          100 * cifra_fee / NULLIF(cifra_sent, 0) + cifra_margin AS cifra_total
        FROM cifra_rows
      )\(checks.cte(over: "cifra_services")),
      cifra_ranked AS (
        SELECT cifra_services.*, SUBSTR(cifra_period_text, 1, 4) || '-Q' || SUBSTR(cifra_period_text, 6, 1) AS period, cifra_key AS \(keyColumn?.output ?? "cifra_none")\(rank)
        FROM cifra_services\(checks.join)\(checks.passed.map { "\n  WHERE \($0)" }.joined())
      )
      SELECT \(outputs.joined(separator: ",\n  "))
      FROM cifra_ranked
      GROUP BY \(keys.joined(separator: ", "))
      ORDER BY \(keys.joined(separator: ", "));

      """
  }
}

extension SQLDialect {
  /// Whether the text `expression` matches the regular expression `pattern` (POSIX-style
  /// classes and anchors only, which the three engines read alike).
  public func matches(_ expression: String, pattern: String) -> String {
    switch self {
    case .duckdb: return "regexp_matches(\(expression), \(literal(pattern)))"
    case .spark: return "(\(expression) RLIKE \(literal(pattern)))"
    case .postgres: return "(\(expression) ~ \(literal(pattern)))"
    }
  }
}
