import ArgumentParser
import Columnar
import TableIO

#if canImport(Glibc)
  import Glibc
#endif

extension TextEncoding: ExpressibleByArgument {}
extension DateFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// CSV reading options shared by every command that reads a file.
struct CSVOptionsGroup: ParsableArguments {
  @Option(help: "Field delimiter: ',', ';', 'tab' (default: detected from the header).")
  var delimiter: String?

  @Option(help: "Text encoding: utf8, cp1252 or auto (UTF-8 if valid, else Windows-1252).")
  var encoding: TextEncoding = .auto

  @Option(name: .customLong("null-token"), help: "Extra text read as null, e.g. '..' (repeatable; blank is always null).")
  var nullTokens: [String] = []

  @Flag(help: "Numbers use a decimal comma (1,5 = 1.5).")
  var decimalComma = false

  @Option(help: "Thousands separator stripped from numbers: ',', '.', ' ' or \"'\".")
  var thousands: String?

  @Option(name: .customLong("type"), help: "Column type override COL=TYPE (int64, double, bool, string, date, period, period[M]); repeatable.")
  var types: [String] = []

  @Option(help: "Date layout: iso, mdy, dmy, d-mon-yy, month-d-yyyy, drupal (default: inferred per column).")
  var dateFormat: DateFormat?

  @Option(help: "Physical lines to skip before the header.")
  var skipRows = 0

  @Option(help: "Records to drop at the end (default: detect a DataBank-style footer).")
  var skipFooter: Int?

  @Flag(help: "No progress line on stderr.")
  var quiet = false

  func validate() throws {
    if let delimiter, CSVOptionsGroup.delimiterByte(delimiter) == nil {
      throw ValidationError("--delimiter must be ',', ';' or 'tab' (got '\(delimiter)')")
    }
    if let thousands, thousands.utf8.count != 1 {
      throw ValidationError("--thousands must be one character (got '\(thousands)')")
    }
    for type in types {
      let parts = type.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, ColumnTypeOverride(name: String(parts[1])) != nil else {
        throw ValidationError("--type expects COL=TYPE with TYPE one of int64, double, bool, string, date, period, period[A|S|Q|M|W|D] (got '\(type)')")
      }
    }
    guard skipRows >= 0 else { throw ValidationError("--skip-rows must be ≥ 0") }
    if let skipFooter, skipFooter < 0 { throw ValidationError("--skip-footer must be ≥ 0") }
  }

  static func delimiterByte(_ text: String) -> UInt8? {
    switch text {
    case ",": UInt8(ascii: ",")
    case ";": UInt8(ascii: ";")
    case "tab", "\\t", "\t": UInt8(ascii: "\t")
    case "|": UInt8(ascii: "|")
    default: nil
    }
  }

  /// The library options, with `jobs` threads.
  func options(jobs: Int) -> CSVOptions {
    var options = CSVOptions()
    options.delimiter = delimiter.flatMap(CSVOptionsGroup.delimiterByte)
    options.encoding = encoding
    options.nullTokens = nullTokens
    options.decimalComma = decimalComma
    options.thousandsSeparator = thousands?.utf8.first
    options.dateFormat = dateFormat
    options.skipRows = skipRows
    options.skipFooter = skipFooter
    options.jobs = jobs
    for type in types {
      let parts = type.split(separator: "=", maxSplits: 1)
      options.types[String(parts[0])] = ColumnTypeOverride(name: String(parts[1]))
    }
    return options
  }
}

extension CSVOptionsGroup {
  /// Reads `file` with these options and `jobs` threads (progress line on a terminal).
  func table(_ file: String, jobs: JobsOption) throws -> Table {
    try readCSV(file, options: options(jobs: jobs.resolved), quiet: quiet).table
  }
}

/// Runs `body`; a library error is reported as a data problem of `file` (exit 1).
func computing<T>(_ file: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as CLIError {
    throw error
  } catch {
    throw CLIError("\(file): \(error)")
  }
}

/// `--jobs N`, shared by every command that computes.
struct JobsOption: ParsableArguments {
  @Option(help: "Threads to use (default: all cores). Output is byte-identical for any value.")
  var jobs: Int?

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  var resolved: Int { jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// `--format` and `--decimals`, shared by every command that prints a table.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: csv, json, table, sdmx or opensdg (default: table on a terminal, csv when piped).")
  var format: OutputFormat?

  @Option(help: "Decimals for presentation (default: round-trip exact).")
  var decimals: Int?

  @Option(help: "SDMX-CSV version for --format sdmx: 1.0 or 2.0.")
  var sdmxVersion = "1.0"

  @Option(help: "SDMX dataflow AGENCY:ID(VERSION) for --format sdmx.")
  var dataflow = "IAEG-SDGs:DF_SDG_GLH(1.24)"

  @Option(help: "SDMX REF_AREA (M49 code) for --format sdmx; 484 = Mexico.")
  var refArea = "484"

  func validate() throws {
    if let decimals, !(0...17).contains(decimals) { throw ValidationError("--decimals must be in 0...17") }
    guard ["1.0", "2.0"].contains(sdmxVersion) else { throw ValidationError("--sdmx-version must be 1.0 or 2.0") }
  }

  var resolvedFormat: OutputFormat { format ?? (FileHandleOutput.standardOutputIsTerminal ? .table : .csv) }

  /// The text of a result in the chosen format.
  func render(_ produced: Produced, format: OutputFormat? = nil) throws -> String {
    let chosen = format ?? resolvedFormat
    switch chosen {
    case .csv, .json, .table:
      return TableWriter(decimals: decimals).render(produced.table, as: chosen)
    case .sdmx, .opensdg:
      guard var layout = produced.layout else {
        throw CLIError("this result has no period/value layout for --format \(chosen.rawValue) (use csv, json or table)")
      }
      layout.dataflow = dataflow
      layout.referenceArea = refArea
      do {
        if chosen == .sdmx {
          return try ObservationWriter.sdmx(produced.table, layout: layout, version: sdmxVersion == "2.0" ? 2 : 1, decimals: decimals)
        }
        return try ObservationWriter.openSDG(produced.table, layout: layout, headline: produced.headline, decimals: decimals)
      } catch {
        throw CLIError("\(error)")
      }
    }
  }

  func print(_ table: Table) {
    FileHandleOutput.standardOutput(TableWriter(decimals: decimals).render(table, as: resolvedFormat))
  }
}

/// What a computing command produces: the table, warnings for stderr, and how it maps to
/// statistical observations (for SDMX and Open SDG).
struct Produced {
  var table: Table
  var warnings: [String] = []
  var layout: ObservationLayout?
  /// Totals without breakdowns, written as Open SDG headline rows.
  var headline: Table?
}

/// A command whose result is a table: `run` prints it; `refresh` calls `produce` directly.
protocol ProducingCommand: ParsableCommand {
  var output: OutputOptions { get }
  func produce() throws -> Produced
}

extension ProducingCommand {
  func run() throws {
    let produced = try produce()
    for warning in produced.warnings { FileHandleOutput.standardError("cifra: warning: \(warning)\n") }
    FileHandleOutput.standardOutput(try output.render(produced))
  }
}
