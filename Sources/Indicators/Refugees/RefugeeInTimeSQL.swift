import Columnar

/// The SQL form of the in-time share (``RefugeeResolutions``), by year, with Wilson intervals.
///
/// Business days come from a calendar relation (``SQLCalendar``): written into the query for
/// ``SQLRequest/calendarYears`` with the agency windows of the `non-working` tables, or read
/// from ``SQLRequest/calendarTable``. Per case: elapsed = number(resolved) − number(filed)
/// (+ is_business_day(filed) with the same-day convention); in time when elapsed ≤ 45 (90 when
/// the extension flag is true, 1/yes/sí). Outcomes are compared trimmed and in lower case.
/// Resolution cohort: cases resolved in the year; filing cohort: cases filed in the year, a
/// pending case late once past its deadline at the as-of date (default: the latest filing or
/// resolution date among the kept rows), else `pending_within_deadline`. Closures that are not
/// resolutions are `closed_other`. As Cifra stops, the query stops (DuckDB, Spark) on a repeated
/// case id or an outcome that is no known code (over every row, before filters), and on a
/// blank filing date, a resolution before the filing, an extension flag that is not one, or a
/// date the calendar does not cover (over the kept rows).
extension RefugeeInTimeIndicator {
  public static func sql(_ request: SQLRequest, options: Options) throws(OptionError) -> String {
    let d = request.dialect
    if options.duplicates == .drop {
      throw OptionError("duplicates", "drop keeps the first row of each id, and SQL keeps no row order: fix the file, or compute it with cifra sdg refugee-in-time")
    }
    let asOf = try options.asOfDay()
    let calendar: String
    if let table = request.calendarTable {
      guard request.tables["non-working"]?.isEmpty ?? true else {
        throw OptionError("non-working", "the calendar table \(table) already holds the agency's days: give them when it is made (cifra calendar sql)")
      }
      do { calendar = try SQLSource.table(table).fromItem(d) } catch { throw OptionError("calendar-table", error.message) }
    } else {
      var windows: [ClosedRange<Int>] = []
      for table in request.tables["non-working"] ?? [] {
        do { windows += try SuspensionWindows.read(table) } catch { throw OptionError("non-working", error.description) }
      }
      let years = request.calendarYears
      let written = SQLCalendar(BusinessCalendar.mexicanFederal(years: years, suspensions: windows), years: years)
      if let asOf, !(written.firstDay...written.lastDay).contains(asOf) {
        throw OptionError("as-of", "\(CivilDate.isoString(days: asOf)) is outside the calendar's years \(years.lowerBound)–\(years.upperBound): widen --calendar-years")
      }
      calendar = "(\n\(written.query(d))\n)"
    }
    let known = options.outcomeSet.union(options.closedSet).sorted()
    let column = d.identifier
    let hasID = !options.id.isEmpty && (request.columns?.contains(options.id) ?? true)
    let flag = options.extended.isEmpty ? "CAST(NULL AS \(d.textType))" : "LOWER(\(d.asText(column(options.extended))))"
    let rowColumns = [
      "CAST(\(column(options.filed)) AS DATE) AS cifra_filed",
      "CAST(\(column(options.resolved)) AS DATE) AS cifra_resolved",
      "LOWER(TRIM(\(d.asText(column(options.outcome))))) AS cifra_outcome",
      "\(flag) AS cifra_flag",
      (hasID ? "CASE WHEN \(column(options.id)) IS NULL THEN 1 ELSE COUNT(*) OVER (PARTITION BY \(column(options.id))) END" : "1") + " AS cifra_copies",
      "\(try d.condition(options.filters)) AS cifra_kept",
    ]
    func list(_ codes: some Sequence<String>) -> String { codes.map(d.literal).joined(separator: ", ") }
    let trueFlags = ["true", "1", "yes", "si", "sí"]
    let falseFlags = ["false", "0", "no"]
    let filedCohort = options.cohort == .filed
    let asOfNumber =
      !filedCohort ? "CAST(0 AS \(d.integerType))" : asOf.map { day in "(SELECT business_day_number FROM cifra_calendar WHERE day = \(d.dateLiteral(day)))" }
      ?? "(SELECT business_day_number FROM cifra_calendar WHERE day = (SELECT MAX(GREATEST(cifra_filed, COALESCE(cifra_resolved, cifra_filed))) FROM cifra_rows WHERE cifra_kept))"
    var checks = SQLChecks(d)
    if hasID {
      checks.add("cifra_copies > 1", "column '\(options.id)': a repeated case id; rows are cases, so an id may appear once (or compute with cifra sdg refugee-in-time --duplicates drop)")
    }
    checks.add(
      "cifra_outcome <> '' AND cifra_outcome NOT IN (\(list(known)))",
      "column '\(options.outcome)': an outcome that is not a known code (known: \(known.joined(separator: ", ")); blank = pending); add it to resolved-outcomes or closed-outcomes")
    checks.add("cifra_kept AND cifra_filed IS NULL", "column '\(options.filed)': a filing date is blank")
    checks.add("cifra_kept AND cifra_resolved < cifra_filed", "a case is resolved before it was filed")
    checks.add(
      "cifra_kept AND cifra_flag <> '' AND cifra_flag NOT IN (\(list(trueFlags + falseFlags)))",
      "column '\(options.extended)': an extension flag that is not true/false (1/0, yes/no)")
    checks.add(
      "cifra_kept AND (cifra_filed_number IS NULL OR (cifra_resolved IS NOT NULL AND cifra_resolved_number IS NULL) OR cifra_as_of_number IS NULL)",
      "a date outside the business-day calendar (\(request.calendarTable.map { "table \($0)" } ?? "\(request.calendarYears.lowerBound)–\(request.calendarYears.upperBound)")): widen --calendar-years")
    let sameDay = options.convention == .sameDay ? " + cifra_filed_business" : ""
    let elapsed = "cifra_resolved_number - cifra_filed_number\(sameDay)"
    let elapsedAsOf = "cifra_as_of_number - cifra_filed_number\(sameDay)"
    let deadline = "CASE WHEN cifra_flag IN (\(list(trueFlags))) THEN \(options.extendedDeadline) ELSE \(options.deadline) END"
    let resolution = "cifra_resolved IS NOT NULL AND cifra_outcome IN (\(list(options.outcomeSet.sorted())))"
    let year = d.datePart("YEAR", of: filedCohort ? "cifra_filed" : "cifra_resolved")
    let pending =
      filedCohort
      ? "\n      WHEN cifra_resolved IS NULL THEN CASE WHEN \(elapsedAsOf) > \(deadline) THEN 'late' ELSE 'pending' END" : ""
    var outputs = ["year", "in_time + late AS cases", "in_time", "late"]
    if filedCohort { outputs.append("pending AS pending_within_deadline") }
    outputs.append("closed_other")
    let wilson = SQLWilson(dialect: d, x: d.asDouble("in_time"), n: d.asDouble("in_time + late"), level: options.level)
    return """
      -- cifra sdg refugee-in-time --cohort \(options.cohort.rawValue) --deadline \(options.deadline) --extended-deadline \(options.extendedDeadline), \(d.rawValue) SQL (docs/scale-out.md)
      WITH
      cifra_calendar AS (
        SELECT day, is_business_day, business_day_number FROM \(calendar) cifra_calendar_source
      ),
      cifra_rows AS (
        SELECT \(rowColumns.joined(separator: ",\n    "))
        FROM \(try request.fromItem())
      ),
      cifra_numbered AS (
        SELECT cifra_rows.*, cifra_f.business_day_number AS cifra_filed_number, cifra_f.is_business_day AS cifra_filed_business,
          cifra_r.business_day_number AS cifra_resolved_number, \(asOfNumber) AS cifra_as_of_number
        FROM cifra_rows
        LEFT JOIN cifra_calendar cifra_f ON cifra_f.day = cifra_rows.cifra_filed
        LEFT JOIN cifra_calendar cifra_r ON cifra_r.day = cifra_rows.cifra_resolved
      )\(checks.cte(over: "cifra_numbered")),
      cifra_classes AS (
        SELECT \(year) AS year,
          CASE
            WHEN \(resolution) THEN CASE WHEN \(elapsed) <= \(deadline) THEN 'in_time' ELSE 'late' END
            WHEN cifra_resolved IS NOT NULL THEN 'other'\(pending)
          END AS cifra_class
        FROM cifra_numbered\(checks.join)
        WHERE \((["cifra_kept"] + checks.passed).joined(separator: " AND "))
      ),
      cifra_tallies AS (
        SELECT year,
          COUNT(CASE WHEN cifra_class = 'in_time' THEN 1 END) AS in_time,
          COUNT(CASE WHEN cifra_class = 'late' THEN 1 END) AS late,
          COUNT(CASE WHEN cifra_class = 'pending' THEN 1 END) AS pending,
          COUNT(CASE WHEN cifra_class = 'other' THEN 1 END) AS closed_other
        FROM cifra_classes
        WHERE cifra_class IS NOT NULL
        GROUP BY year
      ),
      \(wilson.stages(over: "cifra_tallies"))
      SELECT \((outputs + wilson.percentages(percent: "in_time_pct")).joined(separator: ",\n  "))
      FROM cifra_wilson
      ORDER BY year;

      """
  }
}
