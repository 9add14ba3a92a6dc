import Columnar
import Indicators
import TableIO

/// An input file of a computation and the CSV options the user gave for it.
public struct InputFile: Sendable {
  public var path: String
  public var csv: CSVOptions
  /// In a refresh: the input's id in the spec, under which its tables are cached (``TableCache``).
  public var cacheID: String?

  public init(_ path: String, csv: CSVOptions = CSVOptions()) {
    self.path = path
    self.csv = csv
  }

  /// Reads the table with the user's options, completed by the indicator's `reading`:
  /// projection, forced types (unless the user forced one) and a thousands separator (unless
  /// the user gave one). A progress line is shown on a terminal when `progress` is set.
  public func table(_ reading: InputReading, jobs: Int, progress: Bool) throws(TableIOError) -> Table {
    try read(reading, jobs: jobs, progress: progress).table
  }

  /// What the reader found (table, encoding, delimiter, …); see ``table(_:jobs:progress:)``.
  public func read(_ reading: InputReading = InputReading(), jobs: Int, progress: Bool) throws(TableIOError) -> CSVReadResult {
    var options = csv
    options.jobs = jobs
    if let columns = reading.columns {
      options.columns = columns
      options.optionalColumns = reading.optionalColumns
    }
    for (column, type) in reading.types where options.types[column] == nil {
      switch type {
      case .type(let dataType): options.types[column] = .type(dataType)
      case .anyPeriod: options.types[column] = .anyPeriod
      case .anyNumber: options.types[column] = .anyNumber
      }
    }
    if options.thousandsSeparator == nil, let separator = reading.thousandsSeparator, !options.decimalComma {
      options.thousandsSeparator = separator
    }
    guard progress, StandardStreams.errorIsTerminal else { return try CSVReader.read(path, options: options) }
    let tracker = CSVProgress()
    options.progress = tracker
    let line = ProgressLine(label: path.split(separator: "/").last.map(String.init) ?? path, progress: tracker)
    line.start()
    defer { line.stop() }
    return try CSVReader.read(path, options: options)
  }
}

/// A problem in the data of an input file (exit 1 in the CLI; the refresh names the output).
public struct InputProblem: Error, Sendable, CustomStringConvertible {
  /// The file, when the problem is tied to one.
  public let file: String?
  public let message: String

  public init(file: String?, message: String) {
    self.file = file
    self.message = message
  }

  public var description: String { file.map { "\($0): \(message)" } ?? message }
}
