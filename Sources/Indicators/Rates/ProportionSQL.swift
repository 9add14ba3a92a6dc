import Columnar
import Kernels

/// The SQL form of the table form of ``ProportionIndicator`` with the Wilson interval.
///
/// Per group: `x = Σ successes`, `n = Σ trials` (nulls skipped, an empty group sums to 0),
/// `pct = 100·x/n`, and the Wilson bounds in the rationalised form of ``wilsonInterval(successes:trials:level:)``
/// (the bound nearer its end of [0, 1] as `p²/(centre + half)`), z = Φ⁻¹(1 − α/2) computed by
/// Cifra and written as a constant; n = 0 gives nulls. Counts that are not whole or with
/// x > n stop the query, as they stop Cifra (DuckDB, Spark). Clopper–Pearson needs Beta
/// quantiles, which no engine has: it is refused.
extension ProportionIndicator {
  public static func sql(_ request: SQLRequest, options: Options) throws(OptionError) -> String {
    guard let successes = options.successes, let trials = options.trials, options.x == nil else {
      throw OptionError("successes", "SQL computes the table form: give successes COL and trials COL")
    }
    switch options.ci {
    case .wilson: break
    case .clopperPearson, .all:
      throw OptionError("ci", "\(options.ci.rawValue) is not expressible in SQL (Clopper–Pearson needs Beta quantiles, which DuckDB, Spark and PostgreSQL lack): use --ci wilson, or compute it with cifra proportion")
    case .wilsonCC:
      throw OptionError("ci", "wilson-cc has no SQL form yet: use --ci wilson, or compute it with cifra proportion")
    }
    let d = request.dialect
    let keys = options.by.map(d.identifier)
    let grouped = keys.isEmpty ? "" : "\n  GROUP BY " + keys.joined(separator: ", ")
    let x = d.identifier(successes)
    let n = d.identifier(trials)
    let sumX = "SUM(\(d.asDouble(x)))"
    let sumN = "SUM(\(d.asDouble(n)))"
    var total = "COALESCE(\(sumX), \(d.double(0)))"
    if let stop = d.stopExpression("\(successes) and \(trials) must be whole counts with 0 ≤ \(successes) ≤ \(trials) in every group") {
      // Inside the successes sum, so that no engine prunes the check.
      total = "CASE WHEN \(sumX) <> FLOOR(\(sumX)) OR \(sumN) <> FLOOR(\(sumN)) OR \(sumX) < 0 OR \(sumX) > \(sumN) THEN \(d.asDouble(stop)) ELSE \(total) END"
    }
    let sums = keys + ["\(total) AS \(x)", "COALESCE(\(sumN), \(d.double(0))) AS \(n)"]
    let wilson = SQLWilson(dialect: d, x: x, n: n, level: options.level)
    return """
      -- cifra proportion --ci wilson --level \(options.level), \(d.rawValue) SQL (docs/scale-out.md)
      WITH
      cifra_sums AS (
        SELECT \(sums.joined(separator: ", "))
        FROM \(try request.fromItem())
        WHERE \(try d.condition(options.filters))\(grouped)
      ),
      \(wilson.stages(over: "cifra_sums"))
      SELECT \((keys + [x, n] + wilson.percentages(percent: "pct")).joined(separator: ",\n  "))
      FROM cifra_wilson
      ORDER BY \(keys.isEmpty ? "1" : keys.joined(separator: ", "));

      """
  }
}
