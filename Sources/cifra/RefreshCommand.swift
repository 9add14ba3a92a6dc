import ArgumentParser
import Columnar
import Indicators
import Refresh
import TableIO

/// The commands `refresh` can run, by indicator id (the catalog's ids).
enum IndicatorCommands {
  static let all: [String: any ProducingCommand.Type] = [
    "growth": GrowthCommand.self,
    "sdg-10.7.3": SDG1073.self,
    "sdg-10.c.1": SDG10c1.self,
    "sdg-10.7.4": SDG1074.self,
    "sdg-17.3.2": SDG1732.self,
    "mx-refugee-in-time": SDGRefugeeInTime.self,
    "unhcr-recognition": SDGRecognition.self,
    "crosstab": CrosstabCommand.self,
    "audit": AuditCommand.self,
    "proportion": ProportionCommand.self,
    "rate": RateCommand.self,
    "precision": PrecisionCommand.self,
  ]

  /// Parses `arguments` as the indicator's command line and computes it.
  static func produce(_ indicator: String, _ arguments: [String]) throws -> (Produced, OutputOptions) {
    guard let type = all[indicator] else { throw CLIError("unknown indicator '\(indicator)'") }
    let command: any ProducingCommand
    do {
      command = try type.parse(arguments)
    } catch {
      throw CLIError("arguments: " + type.fullMessage(for: error))
    }
    return (try command.produce(), command.output)
  }
}

/// `cifra refresh SPEC.toml`: recompute what changed, atomically, with a manifest.
struct RefreshCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refresh",
    abstract: "Recompute the outputs of a refresh spec whose inputs, arguments or engine version changed.",
    discussion: """
      Each output is written atomically (temporary file + rename) and recorded in
      OUT/manifest.json with its inputs' SHA-256, arguments, engine version, row count and time.
      --check recomputes in memory and exits 1 listing outputs that are missing or differ.

      Examples:
        cifra refresh datasets/refresh.toml
        cifra refresh datasets/refresh.toml --check
        cifra refresh datasets/refresh.toml --force --jobs 2
      """)

  @Argument(help: "Refresh spec (TOML).") var spec: String
  @Option(help: "Output folder (default: the spec's [refresh] out).") var out: String?
  @Flag(help: "Recompute in memory and compare with the files; write nothing; exit 1 on any difference.") var check = false
  @Flag(help: "Recompute every output even if nothing changed.") var force = false
  @OptionGroup var jobs: JobsOption
  @Flag(help: "Print nothing but errors.") var quiet = false

  func run() throws {
    guard let text = try? String(contentsOfFile: spec, encoding: .utf8) else { throw CLIError("\(spec): cannot read the spec") }
    var parsed = try RefreshSpec(
      text: text, path: spec, indicators: Set(IndicatorCommands.all.keys), formats: ["csv", "json", "sdmx", "opensdg"])
    if let out { parsed = parsed.withOutDirectory(out) }
    let refresher = Refresher(spec: parsed, engineVersion: EngineVersion.current)
    let threads = jobs.resolved
    let outcomes = try refresher.run(force: force, check: check) { output, arguments in
      let (produced, options) = try IndicatorCommands.produce(output.indicator, arguments + ["--jobs", String(threads)])
      if !quiet {
        for warning in produced.warnings { FileHandleOutput.standardError("cifra: warning: [\(output.id)] \(warning)\n") }
      }
      let text = try options.render(produced, format: OutputFormat(rawValue: output.format)!)
      var extras: [String: [UInt8]] = [:]
      if let kind = output.chart {
        guard let chartKind = SVGChart.Kind(rawValue: kind) else { throw CLIError("chart must be \"line\" or \"bar\" (got '\(kind)')") }
        guard let layout = produced.layout else { throw CLIError("this output has no period/value layout to chart") }
        extras[output.id + ".svg"] = Array(try PlotCommand.chart(produced.table, layout: layout, kind: chartKind, title: output.id, source: arguments.first ?? "").utf8)
      }
      return Refresher.Computed(bytes: Array(text.utf8), rows: produced.table.rowCount, extras: extras)
    }
    if !quiet {
      let table = try Table([
        ("output", .string(StringColumn(outcomes.map(\.output)))),
        ("status", .string(StringColumn(outcomes.map(\.status.rawValue)))),
        ("rows", .int64(Column(optionals: outcomes.map { $0.rows.map(Int64.init) }, placeholder: 0))),
        ("file", .string(StringColumn(outcomes.map(\.file)))),
        ("note", .string(StringColumn(outcomes.map(\.note)))),
      ])
      FileHandleOutput.standardOutput(TableWriter().text(table))
    }
    if check {
      let bad = outcomes.filter { $0.status == .differs || $0.status == .missing }
      if !bad.isEmpty {
        FileHandleOutput.standardError("cifra: check failed: \(bad.map { "\($0.file) (\($0.status.rawValue))" }.joined(separator: ", "))\n")
        throw ExitCode(1)
      }
    }
  }
}
