import ArgumentParser
import Columnar
import Indicators
import Refresh

/// Options that build a business-day calendar (shared by `calendar` and `sdg refugee-in-time`).
struct CalendarOptions: ParsableArguments {
  @Option(help: "Calendar: mx-federal (Saturdays, Sundays, statutory rest days of federal servants).") var calendar = "mx-federal"
  @Option(name: .customLong("non-working"), help: "CSV of agency non-working days and suspension windows: columns from,to[,description] (to blank = one day). Repeatable.")
  var nonWorking: [String] = []
  @Option(help: "Day 1 of a count: next-day (the first business day after the date) or same-day.") var convention: StartConvention = .nextDay
}

/// `cifra calendar add|count`.
struct CalendarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calendar", abstract: "Business days on the Mexican federal calendar.", subcommands: [CalendarAdd.self, CalendarCount.self, CalendarSQL.self])
}

struct CalendarAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "The date N business days after DATE.",
    discussion: "Example (filed Mon 2025-03-03, 45 business days, statutory days only): cifra calendar add 2025-03-03 45 → 2025-05-08")
  @Argument(help: "Start date (YYYY-MM-DD).") var date: String
  @Argument(help: "Number of business days (0...36500).") var days: Int
  @OptionGroup var calendar: CalendarOptions
  @OptionGroup var format: FormatOption

  func run() throws {
    let day = try CalendarFiles.add(
      days, to: date, calendar: calendar.calendar, files: calendar.nonWorking, convention: calendar.convention)
    guard format.format != nil else { return try StandardStreams.output(CivilDate.isoString(days: day) + "\n") }
    try format.print(try Table([("date", .date(Column([Int32(day)])))]))
  }
}

struct CalendarCount: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "count", abstract: "Business days in (FROM, TO] ([FROM, TO] with --convention same-day).",
    discussion: "Example: cifra calendar count 2025-03-03 2025-05-09 → 46")
  @Argument(help: "From (excluded).") var from: String
  @Argument(help: "To (included).") var to: String
  @OptionGroup var calendar: CalendarOptions
  @OptionGroup var format: FormatOption

  func run() throws {
    let count = try CalendarFiles.count(
      from: from, to: to, calendar: calendar.calendar, files: calendar.nonWorking, convention: calendar.convention)
    guard format.format != nil else { return try StandardStreams.output(String(count) + "\n") }
    try format.print(try Table([("business_days", .int64(Column([Int64(count)])))]))
  }
}

/// `cifra calendar sql`: the calendar as a table script for an engine (docs/scale-out.md).
struct CalendarSQL: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sql", abstract: "Print a script that makes a business-day calendar table (DuckDB, Spark, PostgreSQL).",
    discussion: """
      Columns: day, is_business_day (1/0), business_day_number (running count). Queries read it with
      cifra sql sdg-refugee-in-time --calendar-table NAME.
      Example: cifra calendar sql --dialect duckdb --years 2013-2030 --non-working datasets/calendars/mx-comar-suspensions.csv --table cifra_calendar
      """)
  @Option(help: "SQL dialect.") var dialect: SQLDialect
  @Option(help: "Years covered, e.g. 2000-2040.") var years = "1990-2050"
  @Option(help: "Table (Spark: temporary view) to create.") var table = "cifra_calendar"
  @Option(help: "Calendar: mx-federal.") var calendar = "mx-federal"
  @Option(name: .customLong("non-working"), help: "CSV of agency non-working days and suspension windows (from,to). Repeatable.")
  var nonWorking: [String] = []

  func run() throws {
    let span = try CalendarFiles.years(years, field: "years")
    try StandardStreams.output(try CalendarFiles.sql(calendar, files: nonWorking, years: span).script(dialect, table: table))
  }
}
