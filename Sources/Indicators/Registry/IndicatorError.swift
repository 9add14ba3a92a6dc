import Columnar

/// An option value that is out of range or does not combine with the others. `field` is the
/// option's name as a spec key (`period-freq`); front ends say how it was spelled.
public struct OptionError: Error, Equatable, Sendable, CustomStringConvertible {
  public let field: String
  public let message: String

  public init(_ field: String, _ message: String) {
    self.field = field
    self.message = message
  }

  public var description: String { "\(field): \(message)" }
}

/// Why an indicator could not be computed.
public enum IndicatorError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An option that does not fit (found before or during the computation).
  case option(OptionError)
  /// A problem in the data of input `role` (`nil` when it is not tied to one input); the
  /// message names the column, row and text where it can.
  case data(role: String?, message: String)

  /// A data problem of the main input from any concept error (its description).
  public static func data(_ error: some Error, role: String? = "input") -> IndicatorError {
    .data(role: role, message: "\(error)")
  }

  public var description: String {
    switch self {
    case .option(let error): error.description
    case .data(_, let message): message
    }
  }
}

extension IndicatorError {
  /// Runs `body`, turning a concept error into a data error of `role` and a filter error into an
  /// option error of `where`.
  public static func wrapping<T>(role: String? = "input", _ body: () throws -> T) throws(IndicatorError) -> T {
    do {
      return try body()
    } catch let error as IndicatorError {
      throw error
    } catch let error as OptionError {
      throw .option(error)
    } catch let error as RowFilterError {
      throw .data(role: role, message: error.description)
    } catch {
      throw .data(error, role: role)
    }
  }
}
