import Columnar

/// A business-day calendar as a SQL relation, so that an engine counts business days exactly
/// as ``BusinessCalendar`` does: one row per day of the covered years with
/// `day` (DATE), `is_business_day` (1 or 0) and `business_day_number` (business days from the
/// first covered day through `day`, BIGINT).
///
/// Business days in `(a, b]` are `number(b) − number(a)`; with the same-day convention, in
/// `[a, b]`, `number(b) − number(a) + is_business_day(a)`. Cifra decides which weekdays are not
/// business days (statutory rest days, agency days, suspension windows) and writes them as a
/// list of dates; the engine generates the days and the running count (a window sum over some
/// 10^4 rows). Weekends are Saturday and Sunday (ISO weekday 6, 7).
public struct SQLCalendar: Sendable, Equatable {
  /// The covered years.
  public let years: ClosedRange<Int>
  /// The weekdays of the covered years that are not business days, sorted (days since 1970-01-01).
  public let closedWeekdays: [Int]

  /// The calendar `calendar` over `years`.
  public init(_ calendar: BusinessCalendar, years: ClosedRange<Int>) {
    self.years = years
    closedWeekdays = Self.days(years).filter { day in
      CivilDate.isoWeekday(days: day) <= 5 && !calendar.isBusinessDay(day)
    }
  }

  /// 1 January of the first year through 31 December of the last.
  static func days(_ years: ClosedRange<Int>) -> ClosedRange<Int> {
    CivilDate.days(year: years.lowerBound, month: 1, day: 1)...CivilDate.days(year: years.upperBound, month: 12, day: 31)
  }

  /// 1 January of the first year.
  public var firstDay: Int { Self.days(years).lowerBound }
  /// 31 December of the last year.
  public var lastDay: Int { Self.days(years).upperBound }

  /// The calendar as a `SELECT` (no trailing semicolon).
  public func query(_ d: SQLDialect) -> String {
    let closed = closedWeekdays.isEmpty ? "FALSE" : "day IN (\(closedWeekdays.map(d.dateLiteral).joined(separator: ", ")))"
    return """
      SELECT day, is_business_day,
          \(d.asInteger("SUM(is_business_day) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")) AS business_day_number
        FROM (
          SELECT day, CASE WHEN \(d.isoWeekday("day")) <= 5 AND NOT (\(closed)) THEN 1 ELSE 0 END AS is_business_day
          FROM \(d.daySeries(from: firstDay, to: lastDay))
        ) cifra_days
      """
  }

  /// A script that makes `table` hold the calendar: a table (DuckDB, PostgreSQL) or a
  /// temporary view (Spark, whose tables need a warehouse).
  /// - Throws: ``OptionError`` (`calendar-table`) for a name that is no table name.
  public func script(_ d: SQLDialect, table: String) throws(OptionError) -> String {
    let name: String
    do { name = try SQLSource.table(table).fromItem(d) } catch { throw OptionError("calendar-table", error.message) }
    let header = "-- Business days \(years.lowerBound)–\(years.upperBound) (cifra calendar sql, docs/scale-out.md), \(closedWeekdays.count) weekdays closed\n"
    switch d {
    case .duckdb: return header + "CREATE OR REPLACE TABLE \(name) AS\n\(query(d));\n"
    case .spark: return header + "CREATE OR REPLACE TEMPORARY VIEW \(name) AS\n\(query(d));\n"
    case .postgres: return header + "DROP TABLE IF EXISTS \(name);\nCREATE TABLE \(name) AS\n\(query(d));\n"
    }
  }
}

extension SQLDialect {
  /// The date `day` (days since 1970-01-01) as a literal: `DATE '2020-03-24'`.
  public func dateLiteral(_ day: Int) -> String { "DATE '\(CivilDate.isoString(days: day))'" }

  /// The ISO weekday (1 = Monday … 7 = Sunday) of the DATE `expression`.
  public func isoWeekday(_ expression: String) -> String {
    switch self {
    case .duckdb: return "isodow(\(expression))"
    case .spark: return "(weekday(\(expression)) + 1)"
    case .postgres: return "EXTRACT(ISODOW FROM \(expression))"
    }
  }

  /// A `FROM` item with one DATE column `day`, every day from `first` through `last`.
  public func daySeries(from first: Int, to last: Int) -> String {
    switch self {
    case .spark:
      return "(SELECT explode(sequence(\(dateLiteral(first)), \(dateLiteral(last)), INTERVAL 1 DAY)) AS day) cifra_series"
    case .duckdb, .postgres:
      let (a, b) = (CivilDate.isoString(days: first), CivilDate.isoString(days: last))
      return "(SELECT CAST(cifra_t.d AS DATE) AS day FROM generate_series(TIMESTAMP '\(a)', TIMESTAMP '\(b)', INTERVAL '1 day') AS cifra_t(d)) cifra_series"
    }
  }
}
