import ArgumentParser
import LinearAlgebra
import Refresh
import TableIO

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
    subcommands: [Describe.self, GrowthCommand.self, SDG.self, CalendarCommand.self, ProportionCommand.self, RateCommand.self, PrecisionCommand.self, CrosstabCommand.self, AuditCommand.self, DiffCommand.self, PlotCommand.self, RefreshCommand.self, Generate.self])
}

@main
enum Main {
  static func main() {
    setBLASThreads(1)  // parallelism lives in the engine; one BLAS thread keeps results stable
    do {
      var command = try Cifra.parseAsRoot()
      try command.run()
    } catch let error as TableIOError {
      fail(error.description)
    } catch let error as CLIError {
      fail(error.description)
    } catch let error as RefreshError {
      fail(error.description)
    } catch {
      let code = Cifra.exitCode(for: error)
      if code == .success {
        Cifra.exit(withError: error)
      }
      if code == .validationFailure {
        FileHandleOutput.standardError(Cifra.fullMessage(for: error) + "\n")
        exit(2)
      }
      if code.rawValue == 1, !(error is ExitCode) {
        fail("\(error)")
      }
      Cifra.exit(withError: error)
    }
  }

  static func fail(_ message: String) -> Never {
    FileHandleOutput.standardError("cifra: error: \(message)\n")
    exit(1)
  }
}

/// A data problem found by the CLI itself (exit code 1).
struct CLIError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

enum FileHandleOutput {
  static func standardOutput(_ text: String) {
    var bytes = Array(text.utf8)
    writeAll(1, &bytes)
  }

  static func standardError(_ text: String) {
    var bytes = Array(text.utf8)
    writeAll(2, &bytes)
  }

  static func writeAll(_ descriptor: Int32, _ bytes: inout [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
      if written <= 0 { return }
      offset += written
    }
  }

  static var standardOutputIsTerminal: Bool { isatty(1) != 0 }
  static var standardErrorIsTerminal: Bool { isatty(2) != 0 }
}
