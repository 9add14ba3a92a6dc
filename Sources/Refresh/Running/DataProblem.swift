import Indicators
import TableIO

/// A problem in the data or files a command was given (exit 1 in the CLI): one type for the
/// front end to catch, whichever layer found it.
public protocol DataProblem: Error, CustomStringConvertible {
  /// The option that does not fit the file, when that is the problem (a usage error, exit 2:
  /// `--sheet` for CSV text, `--delimiter` for a workbook).
  var misusedOption: OptionError? { get }
}

extension DataProblem {
  public var misusedOption: OptionError? { nil }
}

extension InputProblem: DataProblem {}
extension RefreshError: DataProblem {}
extension TableIOError: DataProblem {
  public var misusedOption: OptionError? {
    if case .inapplicableOption(let option, let reason) = self { return OptionError(option, reason) }
    return nil
  }
}
