import Columnar
import Foundation
import Indicators
import TableIO

/// One computation of a registered indicator: its options, its input files by role, the
/// threads to use. The CLI and refresh both run indicators through this, never through argv.
public struct IndicatorRun: Sendable {
  /// Why a run could not produce a result.
  public enum Failure: Error, Sendable, CustomStringConvertible {
    /// An option (or a missing or extra input) that does not fit: a usage error.
    case option(OptionError)
    /// Bad input data: a data error naming the file.
    case input(InputProblem)

    public var description: String {
      switch self {
      case .option(let error): error.description
      case .input(let problem): problem.description
      }
    }
  }

  public let indicator: any Indicator.Type
  public let options: any IndicatorOptions
  /// Input files by role (``InputRole/name``).
  public var inputs: [String: [InputFile]]
  public var jobs: Int
  /// Show a progress line while reading large files on a terminal.
  public var progress: Bool
  /// Tables already read in this refresh (inputs with a ``InputFile/cacheID``).
  public var cache: TableCache?

  public init(
    _ indicator: any Indicator.Type, options: any IndicatorOptions, inputs: [String: [InputFile]], jobs: Int = 1,
    progress: Bool = false
  ) {
    self.indicator = indicator
    self.options = options
    self.inputs = inputs
    self.jobs = jobs
    self.progress = progress
  }

  /// Checks the options and which inputs were given, before anything is read.
  public func validate() throws(Failure) {
    func check<I: Indicator>(_ type: I.Type) throws(OptionError) {
      guard let typed = options as? I.Options else { preconditionFailure("options of \(I.spec.id) expected") }
      try typed.validate()
      try I.checkInputs(Set(inputs.keys), options: typed)
      for role in I.spec.inputs where !role.repeatable && (inputs[role.name]?.count ?? 0) > 1 {
        throw OptionError(role.name, "takes one file (got \(inputs[role.name]!.count))")
      }
    }
    do { try check(indicator) } catch { throw .option(error) }
  }

  /// Validates, reads every input, and computes.
  public func compute() throws(Failure) -> IndicatorResult {
    try validate()
    func run<I: Indicator>(_ type: I.Type) throws(Failure) -> IndicatorResult {
      let typed = options as! I.Options
      var given = IndicatorInputs()
      for role in I.spec.inputs {
        for file in inputs[role.name] ?? [] {
          switch role.kind {
          case .auditSpec:
            guard let text = try? String(contentsOfFile: file.path, encoding: .utf8) else {
              throw .input(InputProblem(file: file.path, message: "cannot read the audit spec"))
            }
            do { given.auditItems += try AuditSpec(text: text, path: file.path).items } catch {
              throw .input(InputProblem(file: nil, message: error.description))
            }
          case .table, .auxiliaryTable:
            var file = file
            if role.kind == .auxiliaryTable { file.csv = CSVOptions() }
            do {
              let reading = I.reading(role.name, options: typed)
              let load = { () throws(TableIOError) in try file.table(reading, jobs: jobs, progress: progress) }
              let table =
                if let cache, let id = file.cacheID {
                  try cache.table(input: id, auxiliary: role.kind == .auxiliaryTable, reading: reading, load: load)
                } else {
                  try load()
                }
              given.tables[role.name, default: []].append(table)
            } catch {
              if let option = error.misusedOption { throw .option(option) }
              throw .input(InputProblem(file: nil, message: error.description))
            }
          }
        }
      }
      do {
        let result = try I.compute(given, options: typed)
        let inputRows = given.tables.values.joined().reduce(0) { $0 + $1.rowCount } + given.auditItems.count
        if result.table.rowCount == 0, inputRows > 0, !result.emptyIsAnswer {
          // A computation that drops every row is an error with the reason, never an empty table.
          let reasons = result.warnings.map(\.message)
          throw Failure.input(
            InputProblem(
              file: inputs["input"]?.first?.path,
              message: "no result row: the computation dropped all \(inputRows) input rows"
                + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))") + "; check the options against the data"))
        }
        return result
      } catch let failure as Failure {
        throw failure
      } catch let error as IndicatorError {
        switch error {
        case .option(let option): throw Failure.option(option)
        case .data(let role, let message): throw Failure.input(InputProblem(file: role.flatMap { inputs[$0]?.first?.path }, message: message))
        }
      } catch {
        throw Failure.input(InputProblem(file: nil, message: "\(error)"))
      }
    }
    return try run(indicator)
  }
}
