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
  @Argument(parsing: .allUnrecognized, help: "The indicator's options.") var arguments: [String] = []

  func run() throws {
    let commands = indicatorCommands.filter { type in
      guard let spec = IndicatorCatalog.spec(type.indicatorID) else { return false }
      return [spec.id, spec.command.last, spec.command.joined(separator: " ")].contains(indicator)
    }
    guard let command = commands.first else { throw OptionError("INDICATOR", "no indicator '\(indicator)' (cifra sdg list shows them)") }
    try StandardStreams.output(try command.sql(arguments, try SQLSourceFile.request(dialect, source: source, headerOf: headerOf), positional: source))
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
    return try Computed.sql(request, options: options)
  }
}
