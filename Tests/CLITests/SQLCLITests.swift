import Foundation
import Testing
import _TestSupport

/// `cifra sql`: what SQL cannot express is a usage error naming the option (exit 2); the
/// queries themselves are run on DuckDB and Spark by Tests/SQL/check_sql.py (`make test-sql`).
@Test func sqlRefusesWhatItCannotExpress() throws {
  let growth = ["sql", "growth", "--dialect", "duckdb", "--source", "t", "--value", "v", "--period", "p"]
  let hdx = TestPaths.packageRoot + "/datasets/missing-migrants/Missing_Migrants_Global_Figures.csv"
  let proportion = ["sql", "proportion", "--dialect", "spark", "--source", "decisions", "--successes", "x", "--trials", "n"]
  let inTime = ["sql", "refugee-in-time", "--dialect", "duckdb", "--source", "cases"]
  let comar = TestPaths.packageRoot + "/datasets/calendars/mx-comar-suspensions.csv"
  let unhcr = TestPaths.packageRoot + "/datasets/unhcr-asylum/asylum-decisions.csv"
  let cases: [([String], String)] = [
    (proportion + ["--ci", "clopper-pearson"], "cifra: error: --ci: clopper-pearson is not expressible in SQL (Clopper–Pearson needs Beta quantiles"),
    (["sql", "precision", "--dialect", "duckdb", "--source", "t", "--estimate", "e", "--standard-error", "s"], "cifra: error: --dialect: precision has no SQL form"),
    (["sql", "growth", "--dialect", "spark", "--source", "data.csv", "--value", "v", "--period", "p"], "cifra: error: --source: spark reads a table, not a file"),
    (["sql", "growth", "--dialect", "duckdb", "--source", "a;DROP TABLE x", "--value", "v", "--period", "p"], "cifra: error: --source: 'a;DROP TABLE x' is no table name"),
    (growth + ["--format", "csv"], "cifra: error: --dialect: reading and output options (--delimiter, --format, --jobs, …) do not apply to cifra sql"),
    (growth + ["--method", "index", "--base", "2015"], "cifra: error: --method: index has no SQL form"),
    (growth + ["--ytd"], "cifra: error: --ytd: has no SQL form yet"),
    (growth + ["--period-freq", "D"], "cifra: error: --period-freq: D has no SQL form"),
    (growth + ["--method", "yoy"], "cifra: error: --method: yoy compares a period with the same period a year earlier"),
    (growth + ["--lag", "0"], "cifra: error: --lag: must be at least 1, got 0"),
    (growth + ["--where", "v=1.50"], "cifra: error: --where: v=1.50 compares a decimal number"),
    (["sql", "sdg-10.7.3", "--dialect", "spark", "--source", "mmp"], "cifra: error: --source: sdg-10.7.3 finds its columns by the export's header"),
    (["sql", "sdg-10.7.3", "--dialect", "spark", "--source", "mmp", "--header-of", hdx, "--by", "month"], "cifra: error: --by: month has no SQL form"),
    (["sql", "sdg-10.7.3", "--dialect", "spark", "--source", "mmp", "--header-of", hdx, "--duplicates", "drop"], "cifra: error: --duplicates: drop keeps the first row"),
    (["sql", "sdg-10.7.3", "--dialect", "duckdb", "--source", hdx], "cifra: error: --source: \(hdx) is windows-1252, and DuckDB's read_csv reads UTF-8"),
    (["sql", "sdg-10.7.3", "--dialect", "spark", "--source", "t", "--header-of", TestPaths.packageRoot + "/datasets/giro-paisano/annual.csv"], "cifra: error: --source: not an IOM Missing Migrants export"),
    (["sql", "nothing", "--dialect", "duckdb", "--source", "t"], "cifra: error: INDICATOR: no indicator 'nothing'"),
    (inTime + ["--duplicates", "drop"], "cifra: error: --duplicates: drop keeps the first row of each id, and SQL keeps no row order"),
    (inTime + ["--cohort", "filed", "--as-of", "1980-06-30"], "cifra: error: --as-of: 1980-06-30 is outside the calendar's years 1990–2050"),
    (inTime + ["--as-of", "2023-06-30"], "cifra: error: --as-of: applies to the filing cohort only"),
    (inTime + ["--calendar-years", "2030-2020"], "cifra: error: --calendar-years: '2030-2020': years run from 1900 to 2200, the first not after the last"),
    (inTime + ["--calendar-years", "2020-2030", "--calendar-table", "cal"], "cifra: error: --calendar-years: '2020-2030' and --calendar-table"),
    (inTime + ["--calendar-table", "cal", "--non-working", comar], "cifra: error: --non-working: the calendar table cal already holds the agency's days"),
    (inTime + ["--calendar-table", "c;x"], "cifra: error: --calendar-table: 'c;x' is no table name"),
    (growth + ["--calendar-years", "2000-2040"], "cifra: error: --calendar-years: growth counts no business days"),
    (["sql", "recognition", "--dialect", "spark", "--source", "decisions"], "cifra: error: --source: unhcr-recognition finds its columns by the export's header"),
    (["sql", "recognition", "--dialect", "spark", "--source", "d", "--header-of", unhcr, "--by", "Yr"], "cifra: error: --by: no column 'Yr' in the source"),
    (["sql", "rate", "--dialect", "spark", "--source", "t", "--events", "e", "--population", "p"], "cifra: error: --dialect: rate is not expressible in SQL: its Garwood interval"),
    (["calendar", "sql", "--dialect", "duckdb", "--years", "20x0"], "cifra: error: --years: '20x0' is not a span of years"),
    (["sql", "growth", "--dialect", "oracle", "--source", "t"], "cifra: error: The value 'oracle' is invalid for '--dialect"),
  ]
  for (arguments, message) in cases {
    let result = try runCifra(arguments)
    #expect(result.status == 2, "\(arguments): \(result.standardError)")
    #expect(result.standardError.hasPrefix(message), "\(arguments): \(result.standardError)")
    #expect(result.standardOutput.isEmpty, "\(arguments)")
  }
}

/// Names and texts from the command line reach the query only quoted: a column named with a
/// quote, a backslash or a semicolon stays one identifier, a filter value one literal.
@Test func sqlQuotesNamesAndValues() throws {
  let duck = try runCifra([
    "sql", "growth", "--dialect", "duckdb", "--source", "t", "--value", "v\"; DROP TABLE t; --", "--period", "p", "--where", "name=O'Brien",
  ])
  #expect(duck.status == 0, "\(duck.standardError)")
  #expect(duck.standardOutput.contains("CAST(\"v\"\"; DROP TABLE t; --\" AS DOUBLE)"))
  #expect(duck.standardOutput.contains("CAST(\"name\" AS VARCHAR) = 'O''Brien'"))
  let spark = try runCifra(["sql", "growth", "--dialect", "spark", "--source", "s.t", "--value", "a`b", "--period", "p", "--where", "c=x\\'y"])
  #expect(spark.status == 0, "\(spark.standardError)")
  #expect(spark.standardOutput.contains("CAST(`a``b` AS DOUBLE)"))
  #expect(spark.standardOutput.contains("CAST(`c` AS STRING) = 'x\\\\''y'"))
  #expect(spark.standardOutput.contains("FROM `s`.`t`"))
}

/// `refresh --emit-sql` writes a query per SQL-capable output and the Spark views, lists the
/// others with the reason, and computes nothing.
@Test func refreshEmitsSQLPerOutput() throws {
  let folder = NSTemporaryDirectory() + "cifra-emit-sql-\(UUID().uuidString)"
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let result = try runCifra(["refresh", TestPaths.packageRoot + "/datasets/refresh.toml", "--emit-sql", folder, "--dialect", "spark", "--format", "csv"])
  #expect(result.status == 0, "\(result.standardError)")
  let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
  #expect(files.contains("inputs.sql"))
  #expect(files.contains("remittances-monthly-yoy.sql"))
  #expect(files.contains("unhcr-recognized-share-mexico-by-year.sql"))
  #expect(!files.contains("audit-seed-documents.sql"))
  #expect(result.standardOutput.contains("audit-seed-documents,,audit has no SQL form"))
  #expect(result.standardOutput.contains("remittances-ytd-yoy,,ytd: has no SQL form yet"))
  let views = try String(contentsOfFile: folder + "/inputs.sql", encoding: .utf8)
  #expect(views.contains("CREATE OR REPLACE TEMPORARY VIEW `banxico_monthly` USING csv"))
  let misuse = try runCifra(["refresh", TestPaths.packageRoot + "/datasets/refresh.toml", "--emit-sql", folder, "--check"])
  #expect(misuse.status == 2 && misuse.standardError.hasPrefix("cifra: error: --check: does not apply with --emit-sql"), "\(misuse.standardError)")
  let stray = try runCifra(["refresh", TestPaths.packageRoot + "/datasets/refresh.toml", "--dialect", "spark"])
  #expect(stray.status == 2 && stray.standardError.hasPrefix("cifra: error: --dialect: applies with --emit-sql only"), "\(stray.standardError)")
}

/// The calendar Cifra writes for an engine closes exactly the weekdays ``BusinessCalendar``
/// closes: in 2020 the 8 statutory rest days (1 Jan, 3 Feb, 16 Mar, 1 May, 5 May, 16 Sep,
/// 16 Nov, 25 Dec) all fall on weekdays, and the COMAR window 2020-03-24..04-19 closes 19
/// weekdays more (counted by hand with Python's datetime).
@Test func calendarSQLClosesTheCalendarsWeekdays() throws {
  let comar = TestPaths.packageRoot + "/datasets/calendars/mx-comar-suspensions.csv"
  let plain = try runCifra(["calendar", "sql", "--dialect", "spark", "--years", "2020", "--table", "cal"])
  #expect(plain.status == 0, "\(plain.standardError)")
  #expect(plain.standardOutput.contains("CREATE OR REPLACE TEMPORARY VIEW `cal` AS"))
  #expect(plain.standardOutput.contains("8 weekdays closed"), "\(plain.standardOutput.prefix(200))")
  #expect(plain.standardOutput.contains("DATE '2020-03-16'") && !plain.standardOutput.contains("DATE '2020-03-24'"))
  let suspended = try runCifra(["calendar", "sql", "--dialect", "postgres", "--years", "2020", "--non-working", comar])
  #expect(suspended.status == 0, "\(suspended.standardError)")
  #expect(suspended.standardOutput.contains("27 weekdays closed"), "\(suspended.standardOutput.prefix(200))")
  #expect(suspended.standardOutput.contains("DROP TABLE IF EXISTS \"cifra_calendar\";\nCREATE TABLE \"cifra_calendar\" AS"))
  #expect(suspended.standardOutput.contains("DATE '2020-03-24'") && suspended.standardOutput.contains("EXTRACT(ISODOW FROM day)"))
  // count: (FROM, TO], or [FROM, TO] when the first day is day 1 (Mon 2025-03-03 is a business day).
  let next = try runCifra(["calendar", "count", "2025-03-03", "2025-05-09"])
  let same = try runCifra(["calendar", "count", "2025-03-03", "2025-05-09", "--convention", "same-day"])
  #expect(next.standardOutput == "46\n" && same.standardOutput == "47\n", "\(next.standardOutput) \(same.standardOutput)")
}
