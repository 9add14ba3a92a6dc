import ArgumentParser
import Indicators
import Refresh
import TableIO

/// `cifra refresh SPEC.toml`: recompute what changed, atomically, with a manifest.
struct RefreshCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refresh",
    abstract: "Recompute the outputs of a refresh spec whose inputs, options or engine version changed.",
    discussion: """
      Outputs name an indicator of `cifra sdg list` and its options with the long option names
      as keys (value = "VALOR_USD", period-freq = "M", by = ["FLUJO"], where = ["FLUJO=Ingresos"]).
      The whole spec is checked before anything is computed. Each output is written atomically
      and recorded in OUT/manifest.json with its inputs' SHA-256, options, engine version, row
      count and time; charts are recorded too. --check recomputes in memory and exits 1 listing
      outputs (or charts) that are missing or differ.

      Examples:
        cifra refresh datasets/refresh.toml
        cifra refresh datasets/refresh.toml --check
        cifra refresh datasets/refresh.toml --force --jobs 2
        cifra refresh datasets/refresh.toml --emit-sql out-sql --dialect spark
      """)

  @Argument(help: "Refresh spec (TOML).") var spec: String
  @Option(help: "Output folder (default: the spec's [refresh] out).") var out: String?
  @Flag(help: "Recompute in memory and compare with the files; write nothing; exit 1 on any difference.") var check = false
  @Flag(help: "Recompute every output even if nothing changed.") var force = false
  @OptionGroup var jobs: JobsOption
  @OptionGroup var format: FormatOption
  @Flag(help: "Print nothing but errors.") var quiet = false
  @Option(help: "Write one .sql query per output that has a SQL form into this folder; compute nothing.") var emitSql: String?
  @Option(help: "With --emit-sql: the SQL dialect.") var dialect: SQLDialect?

  func run() throws {
    let summaryFormat = try format.resolved()
    guard let text = try? String(contentsOfFile: spec, encoding: .utf8) else { throw InputProblem(file: spec, message: "cannot read the spec") }
    var parsed = try RefreshSpec(text: text, path: spec)
    if let out { parsed = parsed.withOutDirectory(out) }
    if let emitSql {
      guard !check, !force, out == nil else { throw OptionError(check ? "check" : force ? "force" : "out", "does not apply with --emit-sql (it computes nothing)") }
      let outcomes = try SQLEmission.emit(parsed, dialect: dialect ?? .duckdb, into: emitSql)
      if !quiet { try StandardStreams.output(TableWriter().render(SQLEmission.summary(outcomes), as: format.format == nil ? .table : summaryFormat)) }
      return
    }
    if dialect != nil { throw OptionError("dialect", "applies with --emit-sql only") }
    var refresher = Refresher(spec: parsed, engineVersion: EngineVersion.current)
    refresher.jobs = try jobs.resolved()
    if !quiet { refresher.warn = { id, note in StandardStreams.error("cifra: \(note.kind == .summary ? "" : "warning: ")[\(id)] \(note)\n") } }
    let outcomes = try refresher.run(force: force, check: check)
    if !quiet {
      let table = Refresher.summary(outcomes)
      try StandardStreams.output(TableWriter().render(table, as: format.format == nil ? .table : summaryFormat))
    }
    let bad = outcomes.filter { $0.status == .differs || $0.status == .missing }
    if check, !bad.isEmpty {
      StandardStreams.error("cifra: check failed: \(bad.map { "\($0.file) (\($0.status.rawValue))" }.joined(separator: ", "))\n")
      throw ExitCode(1)
    }
  }
}
