import Columnar
import Kernels

/// The SQL form of ``Growth/compute(_:options:)`` (`cifra sql growth`, `refresh --emit-sql`).
///
/// The query keeps Cifra's semantics: one value per group and period (duplicates stop the
/// query, or `collapse` combines them); calendar lags by period ordinal (`year × P + index`),
/// never the previous row, so a gap gives `no_base_period`; aggregation to `freq` keeps only
/// periods with every sub-period present with a value (or marks them with `keep-incomplete`);
/// a null or zero base gives a null growth and its note, never NaN; the whole-span rates use
/// the span `from`…`to` (or the group's first and last period with a value) and the WDI
/// least-squares rule (null when more than half the span is missing or a value is ≤ 0).
/// Periods come from integer years, or from dates with `period-freq` A, S, Q or M.
/// Output columns and notes are those of the Cifra table; rows are ordered by the keys, then
/// period.
extension GrowthIndicator {
  public static func sql(_ request: SQLRequest, options: Options) throws(OptionError) -> String {
    try GrowthSQL(request, options).query()
  }
}

/// Builds the query of ``GrowthIndicator/sql(_:options:)``.
struct GrowthSQL {
  let d: SQLDialect
  let request: SQLRequest
  let options: GrowthOptions
  /// The input's frequency (after `period-freq`) and the reported one (after `freq`).
  let input: Frequency
  let output: Frequency

  init(_ request: SQLRequest, _ options: GrowthOptions) throws(OptionError) {
    (d, self.request, self.options) = (request.dialect, request, options)
    for (field, used) in [("fill-absent", options.fillAbsent != nil), ("ytd", options.yearToDate), ("component", options.component != nil)] where used {
      throw OptionError(field, "has no SQL form yet (compute it with cifra growth)")
    }
    guard [.pop, .yoy, .annualized, .cagr, .exponential, .leastSquares].contains(options.method) else {
      throw OptionError("method", "\(options.method.rawValue) has no SQL form (an index or chain walks the series in order); SQL covers pop, yoy, annualized, cagr, exponential, least-squares")
    }
    if let collapse = options.collapse, collapse == .last {
      throw OptionError("collapse", "last depends on row order, which SQL does not keep: use sum or mean")
    }
    if options.frequency != nil, options.aggregate == .last {
      throw OptionError("aggregate", "last has no SQL form here: use sum or mean")
    }
    input = options.periodFrequency ?? .annual
    guard input.periodsPerYear != nil else {
      throw OptionError("period-freq", "\(input.rawValue) has no SQL form: SQL reads integer years, or dates with period-freq A, S, Q or M")
    }
    let target = options.frequency ?? input
    guard target <= input, let targetPerYear = target.periodsPerYear, input.periodsPerYear! % targetPerYear == 0 else {
      throw OptionError("freq", "\(target.rawValue) is not coarser than the data's frequency \(input.rawValue)")
    }
    output = target
    for key in options.by where key.hasPrefix("cifra_") {
      throw OptionError("by", "'\(key)': names starting with cifra_ are the query's own")
    }
    if options.method == .yoy, output == .annual, options.lag == nil {
      throw OptionError("method", "yoy compares a period with the same period a year earlier, and these periods are years; use method pop (or give lag)")
    }
  }

  var perYear: Int { output.periodsPerYear! }
  func q(_ name: String) -> String { d.identifier(name) }
  /// The grouping keys, qualified by `alias` (`c."FLUJO"`).
  func keys(_ alias: String? = nil) -> [String] { options.by.map { (alias.map { $0 + "." } ?? "") + q($0) } }
  func keyList(_ alias: String? = nil, then more: [String]) -> String { (keys(alias) + more).joined(separator: ", ") }
  /// `a` and `b` hold the same group (null keys equal).
  func sameGroup(_ a: String, _ b: String) -> [String] { options.by.map { "\(a).\(q($0)) IS NOT DISTINCT FROM \(b).\(q($0))" } }

  /// The ordinal of a row's period at the input frequency.
  var inputOrdinal: String {
    let period = q(options.period)
    guard options.periodFrequency != nil else { return d.asInteger(period) }
    let year = d.datePart("YEAR", of: period)
    let month = d.datePart("MONTH", of: period)
    switch input {
    case .annual: return year
    case .monthly: return "(\(year) * 12 + \(month) - 1)"
    default:
      let monthsPer = 12 / input.periodsPerYear!
      return "(\(year) * \(input.periodsPerYear!) + \(d.floorDivide("\(month) - 1", by: monthsPer)))"
    }
  }

  /// The period label of an ordinal at the output frequency (`2022`, `2022-S1`, `2022-Q3`, `2022-07`).
  func label(_ ordinal: String) -> String {
    guard output != .annual else { return d.asText(ordinal) }
    let year = d.floorDivide(ordinal, by: perYear)
    let index = d.asText("(\(ordinal) - \(year) * \(perYear) + 1)")
    switch output {
    case .monthly: return "\(d.asText(year)) || '-' || LPAD(\(index), 2, '0')"
    case .quarterly: return "\(d.asText(year)) || '-Q' || \(index)"
    default: return "\(d.asText(year)) || '-S' || \(index)"
    }
  }

  /// `from` / `to` as ordinals at the output frequency.
  func bound(_ label: String?, _ field: String) throws(OptionError) -> Int? {
    guard let label else { return nil }
    do {
      let period = try PeriodParser.parse(label, as: output).period
      guard period.frequency == output else { throw OptionError(field, "\(label) is no period of frequency \(output.rawValue)") }
      return period.ordinal
    } catch let error as OptionError {
      throw error
    } catch {
      throw OptionError(field, "cannot read \(label) as a period: \(error)")
    }
  }

  func query() throws(OptionError) -> String {
    let from = try request.fromItem()
    let filters = try d.condition(options.filters)
    let value = d.asDouble(q(options.value))
    // A blank period is an error in Cifra; in SQL the query stops (PostgreSQL: rows dropped).
    var ordinal = inputOrdinal
    var rowsFilter = filters
    if let stop = d.stopExpression("a row has a blank period in column '\(options.period)'") {
      ordinal = "CASE WHEN \(q(options.period)) IS NULL THEN \(d.asInteger(stop)) ELSE \(ordinal) END"
    } else {
      rowsFilter = "(\(filters)) AND \(q(options.period)) IS NOT NULL"
    }
    var ctes = [
      "cifra_rows AS (\n  SELECT \(keyList(then: ["\(ordinal) AS cifra_ord", "\(value) AS cifra_v"]))\n  FROM \(from)\n  WHERE \(rowsFilter)\n)"
    ]
    let combined: String
    switch options.collapse {
    case .sum?: combined = "SUM(cifra_v)"
    case .mean?: combined = "AVG(cifra_v)"
    default:
      let stop = d.stopExpression("duplicate period within a group: give collapse (sum or mean) to combine rows, as cifra growth --collapse")
      combined = stop.map { "CASE WHEN COUNT(*) > 1 THEN \(d.asDouble($0)) ELSE MAX(cifra_v) END" } ?? "MAX(cifra_v)"
    }
    ctes.append("cifra_panel AS (\n  SELECT \(keyList(then: ["cifra_ord", "\(combined) AS cifra_v"]))\n  FROM cifra_rows\n  GROUP BY \(keyList(then: ["cifra_ord"]))\n)")
    var complete = false
    if output != input {
      let ratio = input.periodsPerYear! / perYear
      let cell = d.floorDivide("cifra_ord", by: ratio)
      let function = options.aggregate == .mean ? "AVG" : "SUM"
      ctes.append(
        "cifra_cells AS (\n  SELECT \(keyList(then: ["\(cell) AS cifra_ord", "\(function)(cifra_v) AS cifra_v", "COUNT(cifra_v) AS cifra_n"]))\n  FROM cifra_panel\n  GROUP BY \(keyList(then: [cell]))\n)")
      // Complete: every sub-period present with a value; the others are left out, or marked.
      complete = options.keepIncomplete
      let select = keyList(then: ["cifra_ord", "cifra_v"] + (complete ? ["cifra_n = \(ratio) AS complete"] : []))
      ctes.append("cifra_series AS (\n  SELECT \(select)\n  FROM cifra_cells\(complete ? "" : "\n  WHERE cifra_n = \(ratio)")\n)")
    } else {
      ctes.append("cifra_series AS (\n  SELECT * FROM cifra_panel\n)")
    }
    let body = options.method.isWholeSpan ? try wholeSpan(&ctes) : try periodOverPeriod(&ctes, complete: complete)
    return "-- cifra growth --method \(options.method.rawValue), \(d.rawValue) SQL (docs/scale-out.md)\nWITH\n" + ctes.joined(separator: ",\n") + "\n" + body + ";\n"
  }

  /// pop / yoy / annualized: the same group's period `lag` steps earlier on the calendar.
  func periodOverPeriod(_ ctes: inout [String], complete: Bool) throws(OptionError) -> String {
    let lag = options.lag ?? (options.method == .yoy ? perYear : 1)
    let join = (sameGroup("b", "c") + ["b.cifra_ord = c.cifra_ord - \(lag)"]).joined(separator: " AND ")
    let x = "c.cifra_v"
    let b = "b.cifra_v"
    let growth: String
    var signChange = ""
    if options.method == .annualized {
      let exponent = d.double(Double(perYear) / Double(lag))
      growth = "(POWER(\(x) / \(b), \(exponent)) - 1) * 100"
      signChange = "\n      WHEN \(x) / \(b) < 0 THEN 'sign_change'"
    } else {
      growth = "(\(x) - \(b)) / \(b) * 100"
    }
    let valid = "\(x) IS NOT NULL AND \(b) IS NOT NULL AND \(b) <> 0" + (options.method == .annualized ? " AND \(x) / \(b) >= 0" : "")
    let note = """
      CASE
            WHEN \(x) IS NULL THEN 'null_value'
            WHEN b.cifra_ord IS NULL THEN 'no_base_period'
            WHEN \(b) IS NULL THEN 'null_base'
            WHEN \(b) = 0 THEN 'zero_base'\(signChange)
            WHEN \(b) < 0 THEN 'negative_base'
          END
      """
    var columns = keys("c") + [
      "\(label("c.cifra_ord")) AS period", "\(x) AS value", "CASE WHEN \(valid) THEN \(growth) END AS growth_pct", "\(note) AS note",
    ]
    if complete { columns.append("c.complete") }
    var conditions: [String] = []
    if let from = try bound(options.from, "from") { conditions.append("c.cifra_ord >= \(from)") }
    if let to = try bound(options.to, "to") { conditions.append("c.cifra_ord <= \(to)") }
    return """
      SELECT
        \(columns.joined(separator: ",\n  "))
      FROM cifra_series c
      LEFT JOIN cifra_series b ON \(join)\(conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: " AND "))
      ORDER BY \(keyList("c", then: ["c.cifra_ord"]))
      """
  }

  /// cagr / exponential / least-squares: one row per group over the span.
  func wholeSpan(_ ctes: inout [String]) throws(OptionError) -> String {
    let from = try bound(options.from, "from")
    let to = try bound(options.to, "to")
    var inSpan = ["cifra_v IS NOT NULL"]
    if let from { inSpan.append("cifra_ord >= \(from)") }
    if let to { inSpan.append("cifra_ord <= \(to)") }
    ctes.append("cifra_valid AS (\n  SELECT * FROM cifra_series WHERE \(inSpan.joined(separator: " AND "))\n)")
    ctes.append("cifra_groups AS (\n  SELECT DISTINCT \(keys().isEmpty ? "1 AS cifra_one" : keyList(then: []))\n  FROM cifra_panel\n)")
    let join = sameGroup("v", "g")
    let start = from.map(String.init) ?? "MIN(v.cifra_ord)"
    let end = to.map(String.init) ?? "MAX(v.cifra_ord)"
    let years = "(\(d.asDouble("s.cifra_end - s.cifra_start")) / \(perYear))"
    let logValue = "LN(CASE WHEN v.cifra_v > 0 THEN v.cifra_v END)"
    // The slope does not depend on where time starts: t = ordinal / P years.
    let time = "\(d.asDouble("v.cifra_ord")) / \(perYear)"
    var spanColumns = keys("g") + [
      "\(start) AS cifra_start", "\(end) AS cifra_end", "COUNT(v.cifra_ord) AS cifra_n", "MIN(v.cifra_v) AS cifra_min",
    ]
    if options.method == .leastSquares {
      spanColumns += ["REGR_SLOPE(\(logValue), \(time)) AS cifra_slope", "REGR_R2(\(logValue), \(time)) AS cifra_r2"]
    }
    ctes.append(
      "cifra_span AS (\n  SELECT \(spanColumns.joined(separator: ", "))\n  FROM cifra_groups g\n  LEFT JOIN cifra_valid v ON \(join.isEmpty ? "TRUE" : join.joined(separator: " AND "))\(keys("g").isEmpty ? "" : "\n  GROUP BY " + keyList("g", then: []))\n)"
    )
    let labelStart = "CASE WHEN s.cifra_n > 0 OR \(from != nil) THEN \(label("s.cifra_start")) END"
    let labelEnd = "CASE WHEN s.cifra_n > 0 OR \(to != nil) THEN \(label("s.cifra_end")) END"
    var columns = keys("s") + ["\(labelStart) AS \(q("from"))", "\(labelEnd) AS \(q("to"))", "s.cifra_n AS n"]
    var joins = ""
    let note: String
    switch options.method {
    case .leastSquares:
      let span = "(s.cifra_end - s.cifra_start + 1)"
      note = """
        CASE
              WHEN s.cifra_n = 0 THEN 'no_values'
              WHEN (\(span) - s.cifra_n) * 2 > \(span) THEN 'more_than_half_missing'
              WHEN s.cifra_min <= 0 THEN 'non_positive_value'
              WHEN s.cifra_n < 2 THEN 'fewer_than_2_points'
            END
        """
      columns += [
        "CASE WHEN \(note) IS NULL THEN (EXP(s.cifra_slope) - 1) * 100 END AS least_squares_pct",
        "CASE WHEN \(note) IS NULL THEN CASE WHEN s.cifra_r2 IS NULL THEN \(d.double(1)) ELSE s.cifra_r2 END END AS r_squared",
      ]
    default:
      let first = "e0.cifra_v"
      let last = "e1.cifra_v"
      joins =
        "\nLEFT JOIN cifra_valid e0 ON " + (sameGroup("e0", "s") + ["e0.cifra_ord = s.cifra_start"]).joined(separator: " AND ")
        + "\nLEFT JOIN cifra_valid e1 ON " + (sameGroup("e1", "s") + ["e1.cifra_ord = s.cifra_end"]).joined(separator: " AND ")
      let endRule = options.method == .cagr ? "WHEN \(last) < 0 THEN 'negative_end'" : "WHEN \(last) <= 0 THEN 'non_positive_end'"
      note = """
        CASE
              WHEN s.cifra_n = 0 THEN 'no_values'
              WHEN s.cifra_end <= s.cifra_start THEN 'single_period'
              WHEN \(first) IS NULL OR \(last) IS NULL THEN 'endpoint_missing'
              WHEN \(first) <= 0 THEN 'non_positive_start'
              \(endRule)
            END
        """
      let rate = options.method == .cagr ? "(POWER(\(last) / \(first), 1 / \(years)) - 1) * 100" : "LN(\(last) / \(first)) / \(years) * 100"
      columns.append("CASE WHEN \(note) IS NULL THEN \(rate) END AS \(options.method == .cagr ? "cagr_pct" : "exponential_pct")")
    }
    columns.append("\(note) AS note")
    return """
      SELECT
        \(columns.joined(separator: ",\n  "))
      FROM cifra_span s\(joins)
      ORDER BY \(keys("s").isEmpty ? "1" : keyList("s", then: []))
      """
  }
}
