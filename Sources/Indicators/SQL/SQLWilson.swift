import Kernels

/// The Wilson score interval in SQL, term for term the rationalised form of
/// ``wilsonInterval(successes:trials:level:)``: with p = x/n, q = (n − x)/n, z2n = z²/n,
/// half = z·√((pq + z2n/4)/n), centre = p + z2n/2 + half: the lower bound is p²/centre when
/// 2x ≤ n, else max(0, 1 − centreQ/(1 + z2n)); the upper bound mirrors it. z = Φ⁻¹(1 − α/2)
/// is computed by Cifra and written as an exact constant. n = 0 gives nulls (`NULLIF`, so no
/// engine divides by zero). Used by every indicator whose interval is Wilson's.
struct SQLWilson {
  let dialect: SQLDialect
  /// DOUBLE expressions (or column names) of the successes and trials.
  let x: String
  let n: String
  let level: Double

  /// The first stage's extra columns: `cifra_p`, `cifra_q`, `cifra_z2n`.
  var terms: [String] {
    let trials = "NULLIF(\(n), \(dialect.double(0)))"
    let z = dialect.double(-normalQuantile((1 - level) / 2))
    return ["\(x) / \(trials) AS cifra_p", "(\(n) - \(x)) / \(trials) AS cifra_q", "\(z) * \(z) / \(trials) AS cifra_z2n"]
  }

  /// The second stage's extra column, over the first: `cifra_half`.
  var half: String {
    let z = dialect.double(-normalQuantile((1 - level) / 2))
    return "\(z) * SQRT((cifra_p * cifra_q + cifra_z2n / 4) / NULLIF(\(n), \(dialect.double(0)))) AS cifra_half"
  }

  /// The output columns over the second stage: `pct` (named `percent`), `ci_lower_pct`, `ci_upper_pct`.
  func percentages(percent: String) -> [String] {
    let d = dialect
    let centreP = "(cifra_p + cifra_z2n / 2 + cifra_half)"
    let centreQ = "(cifra_q + cifra_z2n / 2 + cifra_half)"
    return [
      "CASE WHEN \(n) > 0 THEN 100 * \(x) / \(n) END AS \(percent)",
      "CASE WHEN \(n) > 0 THEN 100 * CASE WHEN \(x) * 2 <= \(n) THEN cifra_p * cifra_p / \(centreP) ELSE GREATEST(\(d.double(0)), 1 - \(centreQ) / (1 + cifra_z2n)) END END AS ci_lower_pct",
      "CASE WHEN \(n) > 0 THEN 100 * CASE WHEN \(x) * 2 <= \(n) THEN LEAST(\(d.double(1)), \(centreP) / (1 + cifra_z2n)) ELSE 1 - cifra_q * cifra_q / \(centreQ) END END AS ci_upper_pct",
    ]
  }

  /// Two CTEs, `cifra_wilson_terms` and `cifra_wilson`, over `relation` (its columns kept).
  func stages(over relation: String) -> String {
    """
    cifra_wilson_terms AS (
      SELECT *, \(terms.joined(separator: ", "))
      FROM \(relation)
    ),
    cifra_wilson AS (
      SELECT *, \(half)
      FROM cifra_wilson_terms
    )
    """
  }
}
