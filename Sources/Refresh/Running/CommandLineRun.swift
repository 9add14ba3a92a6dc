import Indicators

extension IndicatorRun {
  /// Runs as a command line does: checks `settings` (and that the indicator writes its
  /// format), computes, prints each warning on one stderr line (`cifra: warning: …`; summaries
  /// as `cifra: …`) and the result on stdout; with `verbose`, every item a warning counts on a
  /// line of its own after it. Returns the failed checks (exit 1 when > 0).
  /// - Throws: ``Failure``, ``OptionError``, or ``StandardStreams/WriteFailure``.
  public func printed(_ settings: OutputSettings, verbose: Bool = false) throws -> Int {
    let format = settings.resolvedFormat
    try settings.check(indicator.spec, format: format)
    let result = try compute()
    for warning in result.warnings {
      StandardStreams.error(warning.kind == .summary ? "cifra: \(warning)\n" : "cifra: warning: \(warning)\n")
      if verbose { for item in warning.details { StandardStreams.error("cifra:   \(item)\n") } }
    }
    try StandardStreams.output(try settings.render(result, format: format))
    return result.failedChecks
  }

  /// The two-number form of a command (`X N`) or one file: the numbers, or `nil` for a file.
  /// - Throws: ``OptionError`` for other counts of arguments or a second argument that is not a number.
  public static func numbersOrFile<A: LosslessStringConvertible, B: LosslessStringConvertible>(_ arguments: [String]) throws(OptionError) -> (A, B)? {
    guard arguments.count == 2, let first = A(arguments[0]) else {
      guard arguments.count == 1 else { throw OptionError("input", "give two numbers or one CSV file (got \(arguments.count) arguments)") }
      return nil
    }
    guard let second = B(arguments[1]) else { throw OptionError("input", "'\(arguments[1])' is not a number") }
    return (first, second)
  }
}
