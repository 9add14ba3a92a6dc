import TableIO

/// A problem in the data or files a command was given (exit 1 in the CLI): one type for the
/// front end to catch, whichever layer found it.
public protocol DataProblem: Error, CustomStringConvertible {}

extension InputProblem: DataProblem {}
extension RefreshError: DataProblem {}
extension TableIOError: DataProblem {}
