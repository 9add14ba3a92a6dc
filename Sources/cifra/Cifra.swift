import ArgumentParser
import Indicators
import LinearAlgebra
import Refresh

#if canImport(Glibc)
  import Glibc
#endif

/// `cifra`: indicators for official migration statistics.
///
/// Exit codes: 0 success; 1 a data problem (bad input file, failed check); 2 a usage error.
struct Cifra: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cifra",
    abstract: "Indicators for official migration statistics: growth, rates, SDG 10.7.3 / 10.c.1 and more.",
    discussion: """
      Exit codes: 0 success, 1 data problem (bad input, failed check), 2 usage error.
      Every command that reads a CSV file shares the CSV options (see `cifra describe --help`).
      """,
    version: EngineVersion.current,
    subcommands: [Describe.self] + registered(under: []) + [SDG.self, CalendarCommand.self, DiffCommand.self, PlotCommand.self, RefreshCommand.self, SQLCommand.self, Generate.self])

  /// The registered indicators' commands under `path` (e.g. `["sdg"]`), in registry order: the
  /// dedicated command, or the generic one (`--option KEY=VALUE`) for an indicator without one.
  static func registered(under path: [String]) -> [any ParsableCommand.Type] {
    func generic<I: Indicator>(_ type: I.Type) -> any ParsableCommand.Type { GenericIndicatorCommand<I>.self }
    return IndicatorCatalog.all.filter { Array($0.spec.command.dropLast()) == path }.map { indicator in
      indicatorCommands.first { $0.indicatorID == indicator.spec.id } ?? generic(indicator)
    }
  }
}

@main
enum Main {
  static func main() {
    setBLASThreads(1)  // parallelism lives in the engine; one BLAS thread keeps results stable
    StandardStreams.exitCleanlyOnTruncatedInput()
    do {
      var command = try Cifra.parseAsRoot()
      try command.run()
    } catch let failure as IndicatorRun.Failure {
      if case .option(let error) = failure { usage(flag(error)) }
      fail(failure.description)
    } catch let error as OptionError {
      usage(flag(error))
    } catch let problem as any DataProblem {
      if let option = problem.misusedOption { usage(flag(option)) }
      fail(problem.description)
    } catch let error as StandardStreams.WriteFailure {
      if error.isBrokenPipe { exit(0) }
      fail(error.description)
    } catch let error as ExitCode {
      exit(error.rawValue)
    } catch {
      let code = Cifra.exitCode(for: error)
      if code == .success { Cifra.exit(withError: error) }  // --help, --version
      usage(Cifra.message(for: error))
    }
  }

  /// The one map from an option field of the library to its command-line spelling.
  static func flag(_ error: OptionError) -> String {
    let positional = ["input": "FILE", "x": "X", "n": "N", "event-count": "EVENTS", "population-size": "POPULATION", "estimate-value": "ESTIMATE", "standard-error-value": "SE", "specs": "SPEC"]
    let name = error.field.uppercased() == error.field ? error.field : positional[error.field] ?? "--" + error.field
    return name + ": " + error.message
  }

  static func fail(_ message: String) -> Never {
    StandardStreams.error("cifra: error: \(message)\n")
    exit(1)
  }

  static func usage(_ message: String) -> Never {
    StandardStreams.error("cifra: error: \(message)\n(see cifra --help, or --help after the command)\n")
    exit(2)
  }
}
