import Columnar

/// The SQL form of SDG 10.7.3 (``MissingMigrants/summarize(_:by:where:negative:)``).
///
/// Per incident, the count is the stated total when present, else dead + missing with blanks
/// as unknown (both blank: no count, the incident still counts in `incidents`); counts may
/// carry thousands commas (`1,022`). A repeated incident id (over the whole export, before
/// filters) stops the query, as does a negative count unless `negative` is `keep` (used as
/// published) or `exclude` (the incident is left out), and an incident with no year. Output:
/// `period` (the year, with `by year`), the other breakdowns, `incidents`, `dead`, `missing`,
/// `total_dead_and_missing`, ordered by the keys. The layout is found from the source's
/// header (``SQLRequest/columns``), so the query names the export's own columns.
extension MissingMigrantsIndicator {
  public static func sql(_ request: SQLRequest, options: Options) throws(OptionError) -> String {
    let d = request.dialect
    guard let columns = request.columns else {
      throw OptionError("source", "sdg-10.7.3 finds its columns by the export's header: give the .csv file as source, or its header with --header-of FILE")
    }
    let layout: MissingMigrantsLayout
    do { layout = try MissingMigrantsLayout(columns: columns) } catch { throw OptionError("source", error.description) }
    if options.by.contains(.month) {
      throw OptionError("by", "month has no SQL form (the exports write dates as 9-Jul-19, 2019-07-09 or a month name): use year, or compute it with cifra sdg 10.7.3")
    }
    if options.duplicates == .drop {
      throw OptionError("duplicates", "drop keeps the first row of each id, and SQL keeps no row order: fix the export, or compute it with cifra sdg 10.7.3")
    }
    var keys: [(name: String, header: String)] = []
    for breakdown in options.by where breakdown != .year && breakdown != .total {
      guard let header = MissingMigrants.header(breakdown.rawValue, layout: layout) else {
        throw OptionError("by", "this Missing Migrants layout has no \(breakdown.rawValue) column")
      }
      keys.append((breakdown.rawValue, header))
    }
    var filters: [RowFilter] = []
    for filter in options.filters {
      guard let header = MissingMigrants.header(filter.column, layout: layout), columns.contains(header) else {
        throw OptionError("where", "\(filter): no column \(filter.column) in this export (columns: \(columns.joined(separator: ", ")))")
      }
      filters.append(RowFilter(column: header, comparison: filter.comparison, value: filter.value))
    }
    func count(_ header: String) -> String {
      // A blank (an empty text where a table keeps it) is no count.
      d.asInteger("NULLIF(REPLACE(\(d.asText(d.identifier(header))), ',', ''), '')")
    }
    let id = d.identifier(layout.id)
    let year = d.identifier(layout.year)
    let negative = "(COALESCE(cifra_dead, 0) < 0 OR COALESCE(cifra_missing, 0) < 0 OR COALESCE(cifra_total, 0) < 0)"
    // Checks over every row of the export, before filters, as Cifra reads it.
    var checks = SQLChecks(d)
    checks.add("cifra_copies > 1", "column '\(layout.id)': a repeated incident id; rows are incidents, so an id may appear once (or compute with cifra sdg 10.7.3 --duplicates drop)")
    checks.add("cifra_year IS NULL", "an incident has no year in column '\(layout.year)'")
    if options.negative == .error {
      checks.add(negative, "a negative dead, missing or total count (option negative: keep uses it as published, exclude drops the incident)")
    }
    var rowColumns = keys.map { "\(d.identifier($0.header)) AS \(d.identifier($0.name))" }
    rowColumns += [
      "\(d.asInteger(year)) AS cifra_year", "\(count(layout.dead)) AS cifra_dead", "\(count(layout.missing)) AS cifra_missing",
      "\(layout.total.map(count) ?? "CAST(NULL AS \(d.integerType))") AS cifra_total",
      "CASE WHEN \(id) IS NULL THEN 1 ELSE COUNT(*) OVER (PARTITION BY \(id)) END AS cifra_copies",
      "\(try d.condition(filters)) AS cifra_kept",
    ]
    let outputKeys = (options.by.contains(.year) ? ["cifra_year"] : []) + keys.map { d.identifier($0.name) }
    let grouped = outputKeys.isEmpty ? "" : "\nGROUP BY " + outputKeys.joined(separator: ", ")
    let ordered = outputKeys.isEmpty ? "" : "\nORDER BY " + outputKeys.joined(separator: ", ")
    let keyOutput = (options.by.contains(.year) ? ["\(d.asText("cifra_year")) AS period"] : []) + keys.map { key in
      // Blank text is no value, as in Cifra's output.
      "CASE WHEN \(d.identifier(key.name)) = '' THEN NULL ELSE \(d.asText(d.identifier(key.name))) END AS \(d.identifier(key.name))"
    }
    let totals = keyOutput + [
      "COUNT(*) AS incidents", "COALESCE(SUM(cifra_dead), 0) AS dead", "COALESCE(SUM(cifra_missing), 0) AS missing",
      "COALESCE(SUM(cifra_count), 0) AS total_dead_and_missing",
    ]
    let conditions = ["cifra_kept"] + (options.negative == .exclude ? ["NOT \(negative)"] : []) + checks.passed
    return """
      -- cifra sdg 10.7.3 --by \(options.by.map(\.rawValue).joined(separator: " --by ")), \(d.rawValue) SQL (docs/scale-out.md)
      WITH
      cifra_rows AS (
        SELECT \(rowColumns.joined(separator: ",\n    "))
        FROM \(try request.fromItem())
      )\(checks.cte(over: "cifra_rows")),
      cifra_incidents AS (
        SELECT *,
          CASE
            WHEN cifra_total IS NOT NULL THEN cifra_total
            WHEN cifra_dead IS NULL AND cifra_missing IS NULL THEN NULL
            ELSE COALESCE(cifra_dead, 0) + COALESCE(cifra_missing, 0)
          END AS cifra_count
        FROM cifra_rows
      )
      SELECT \(totals.joined(separator: ",\n  "))
      FROM cifra_incidents\(checks.join)
      WHERE \(conditions.joined(separator: " AND "))\(grouped)\(ordered);

      """
  }
}
