import ArgumentParser
import Indicators
import Refresh

extension SQLDialect: ExpressibleByArgument {}

/// `cifra sql INDICATOR …`: the indicator as one query for DuckDB, Spark or PostgreSQL.
struct SQLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sql", abstract: "Print an indicator as one SQL query (DuckDB, Spark, PostgreSQL) with Cifra's semantics.",
    discussion: """
      The indicator's own options follow, as for its command; reading and output options do not apply.
      Examples:
        cifra sql growth --dialect duckdb --source remesas_mensuales.csv --value VALOR_USD --period PERIODO --period-freq M --by FLUJO --method yoy
        cifra sql proportion --dialect spark --source decisions --successes recognized --trials total --by year
      See docs/scale-out.md.
      """)
  @Argument(help: "The indicator: its command (growth, proportion) or id.") var indicator: String
  @Option(help: "SQL dialect.") var dialect: SQLDialect
  @Option(help: "Table or view the query reads, or (DuckDB) a .csv file.") var source: String
  @Option(help: "A CSV file with the source's header, for indicators that find columns by name (default: the source file).") var headerOf: String?
  @Option(help: "Years the business-day calendar written into the query covers (in-time share), e.g. 2000-2040; default 1990-2050.")
  var calendarYears: String?
  @Option(help: "A calendar table made by cifra calendar sql, read instead of writing the calendar into the query (in-time share).")
  var calendarTable: String?
  @Argument(parsing: .allUnrecognized, help: "The indicator's options.") var arguments: [String] = []

  func run() throws {
    let commands = indicatorCommands.filter { type in
      guard let spec = IndicatorCatalog.spec(type.indicatorID) else { return false }
      return [spec.id, spec.command.last, spec.command.joined(separator: " ")].contains(indicator)
    }
    guard let command = commands.first else { throw OptionError("INDICATOR", "no indicator '\(indicator)' (cifra sdg list shows them)") }
    var request = try SQLSourceFile.request(dialect, source: source, headerOf: headerOf)
    let usesCalendar = IndicatorCatalog.spec(command.indicatorID)?.inputs.contains { $0.name == "non-working" } ?? false
    for (field, given) in [("calendar-years", calendarYears), ("calendar-table", calendarTable)] where given != nil && !usesCalendar {
      throw OptionError(field, "\(indicator) counts no business days: leave it out")
    }
    if let calendarYears, calendarTable != nil {
      throw OptionError("calendar-years", "'\(calendarYears)' and --calendar-table: the table's years are those it was made with; give one of them")
    }
    if let calendarYears { request.calendarYears = try CalendarFiles.years(calendarYears, field: "calendar-years") }
    request.calendarTable = calendarTable
    try StandardStreams.output(try command.sql(arguments, request, positional: source))
  }
}

extension IndicatorCommand {
  /// The indicator's query for the flags `arguments` (the source stands in for FILE).
  static func sql(_ arguments: [String], _ request: SQLRequest, positional: String) throws -> String {
    let command = try Self.parse([positional] + arguments)
    guard String(describing: command.io) == String(describing: try IndicatorIO.parse([])) else {
      throw OptionError("dialect", "reading and output options (--delimiter, --format, --jobs, …) do not apply to cifra sql: the engine reads the source")
    }
    let options = try command.options()
    try options.validate()
    var request = request
    // Auxiliary tables (agency non-working days) are small: Cifra reads them and writes them in.
    for (role, files) in command.inputFiles() where role != "input" && !files.isEmpty {
      request.tables[role] = try files.map { file in
        try InputFile(file).table(Computed.reading(role, options: options), jobs: 1, progress: false)
      }
    }
    return try Computed.sql(request, options: options)
  }
}
