import Columnar

/// The SQL form of the UNHCR recognition rates (``RecognitionRates``).
///
/// Per group of the `by` columns and `Cases / Persons` (cases and persons are never added):
/// the sums of the four decision columns and of the stated total (blank = 0), `substantive =
/// recognized + complementary + rejected`, `rrr_pct = 100·recognized/substantive`, `trr_pct =
/// 100·(recognized + complementary)/substantive`, null when substantive is 0; rows ordered by
/// the keys. The columns are found by the export's header (human-readable or API names), so
/// the query needs it (``SQLRequest/columns``). A negative decision count anywhere in the file
/// stops the query (DuckDB, Spark), as it stops Cifra. Rows whose stated total differs from
/// their parts are a warning in Cifra; the query has no warnings.
extension RecognitionIndicator {
  public static func sql(_ request: SQLRequest, options: Options) throws(OptionError) -> String {
    let d = request.dialect
    guard let columns = request.columns else {
      throw OptionError("source", "unhcr-recognition finds its columns by the export's header: give the .csv file as source, or its header with --header-of FILE")
    }
    func find(_ aliases: [String]) throws(OptionError) -> String {
      guard let name = aliases.first(where: columns.contains) else {
        throw OptionError("source", "no column \(aliases.joined(separator: " or ")) in the source (columns: \(columns.joined(separator: ", ")))")
      }
      return name
    }
    let parts = try [RecognitionRates.recognized, RecognitionRates.complementary, RecognitionRates.rejected, RecognitionRates.closed, RecognitionRates.total]
      .map { aliases throws(OptionError) in try find(aliases) }
    let unit = try find(RecognitionRates.casesPersons)
    for key in options.by where !columns.contains(key) {
      throw OptionError("by", "no column '\(key)' in the source (columns: \(columns.joined(separator: ", ")))")
    }
    let keys = (options.by + (options.by.contains(unit) ? [] : [unit])).map(d.identifier)
    let names = ["recognized", "complementary", "rejected", "otherwise_closed", "total_decisions"]
    let sums = zip(parts, names).map { part, name in "COALESCE(SUM(\(d.asDouble(d.identifier(part)))), \(d.double(0))) AS \(name)" }
    let negative = parts.map { "\(d.asDouble(d.identifier($0))) < 0" }.joined(separator: " OR ")
    // Over every row of the file, before filters, as Cifra checks it.
    var checks = SQLChecks(d)
    checks.add(negative, "a negative count of decisions in \(parts.joined(separator: ", ")); counts cannot be negative")
    let substantive = "(recognized + complementary + rejected)"
    return """
      -- cifra sdg recognition\(options.by.map { " --by \($0)" }.joined()), \(d.rawValue) SQL (docs/scale-out.md)
      WITH
      cifra_rows AS (
        SELECT *, \(try d.condition(options.filters)) AS cifra_kept
        FROM \(try request.fromItem())
      )\(checks.cte(over: "cifra_rows")),
      cifra_sums AS (
        SELECT \((keys + sums).joined(separator: ", "))
        FROM cifra_rows\(checks.join)
        WHERE \((["cifra_kept"] + checks.passed).joined(separator: " AND "))
        GROUP BY \(keys.joined(separator: ", "))
      )
      SELECT \(keys.joined(separator: ", ")), \(names.joined(separator: ", ")), \(substantive) AS substantive,
        CASE WHEN \(substantive) > 0 THEN 100 * recognized / \(substantive) END AS rrr_pct,
        CASE WHEN \(substantive) > 0 THEN 100 * (recognized + complementary) / \(substantive) END AS trr_pct
      FROM cifra_sums
      ORDER BY \(keys.joined(separator: ", "));

      """
  }
}
