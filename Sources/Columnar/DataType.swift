/// The physical types a ``Table`` column can have (a closed set).
public enum DataType: Hashable, Sendable, CustomStringConvertible {
  case int64
  case double
  case bool
  /// Dictionary-encoded strings (`Int32` codes).
  case string
  /// `Int32` days since 1970-01-01.
  case date
  /// Calendar periods of one frequency.
  case period(Frequency)

  /// `int64`, `double`, `bool`, `string`, `date`, `period[M]`, …
  public var description: String {
    switch self {
    case .int64: "int64"
    case .double: "double"
    case .bool: "bool"
    case .string: "string"
    case .date: "date"
    case .period(let frequency): "period[\(frequency.rawValue)]"
    }
  }

  /// Parses the names used on the command line: `int64`/`int`, `double`/`float`, `bool`,
  /// `string`/`str`, `date`, `period` (frequency from the labels), `period[M]`/`period:M`.
  /// Returns `nil` for unknown names. `period` without a frequency gives `nil` frequency.
  public static func parse(_ name: String) -> (type: DataType?, anyPeriod: Bool)? {
    let lower = name.lowercased()
    switch lower {
    case "int", "int64", "integer": return (.int64, false)
    case "double", "float", "float64", "number": return (.double, false)
    case "bool", "boolean": return (.bool, false)
    case "string", "str", "text": return (.string, false)
    case "date": return (.date, false)
    case "period": return (nil, true)
    default:
      for prefix in ["period[", "period:"] where lower.hasPrefix(prefix) {
        var code = String(name.dropFirst(prefix.count))
        if code.hasSuffix("]") { code.removeLast() }
        if let frequency = Frequency(code: code) { return (.period(frequency), false) }
      }
      return nil
    }
  }
}
