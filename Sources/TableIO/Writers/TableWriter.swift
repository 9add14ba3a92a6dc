import Columnar

/// Writes tables as CSV, JSON or an aligned text table.
///
/// Numbers are written round-trip exact (shortest text that reads back as the same double)
/// unless `decimals` asks for fixed presentation; nulls are blank in CSV, `null` in JSON and
/// empty in text tables. Dates and periods use ISO labels.
public struct TableWriter: Sendable {
  /// Fixed number of decimals for doubles (presentation); `nil` = round-trip exact.
  public var decimals: Int?

  /// A writer.
  public init(decimals: Int? = nil) { self.decimals = decimals }

  /// The text of `table` in `format`.
  public func render(_ table: Table, as format: OutputFormat) -> String {
    switch format {
    case .csv: return csv(table)
    case .json: return json(table).text(indent: nil) + "\n"
    case .table: return text(table)
    case .sdmx, .opensdg: return csv(table)  // needs an ObservationLayout: see ObservationWriter
    }
  }

  public func cell(_ column: AnyColumn, _ row: Int) -> String? {
    if let decimals, case .double(let values) = column {
      return values[row].map { TableWriter.fixed($0, decimals: decimals) }
    }
    return column.text(at: row)
  }

  /// Fixed-point text with `decimals` digits, rounded half away from zero on the decimal value.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return formatDouble(value) }
    let text = String(value.magnitude)  // shortest round-trip decimal of the magnitude
    return (value.sign == .minus && value != 0 ? "-" : "") + roundDecimalString(text, decimals: decimals)
  }

  /// Rounds a decimal string (possibly with exponent) half away from zero.
  static func roundDecimalString(_ text: String, decimals: Int) -> String {
    var mantissa = text
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      mantissa = String(text[..<e])
    }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    var digits = Array(parts[0]) + (parts.count > 1 ? Array(parts[1]) : [])
    var pointPosition = parts[0].count + exponent
    if pointPosition < 0 {
      digits = Array(repeating: "0", count: -pointPosition) + digits
      pointPosition = 0
    }
    while digits.count < pointPosition + decimals + 1 { digits.append("0") }
    var kept = digits[0..<(pointPosition + decimals)].map { Int($0.asciiValue! - 48) }
    if digits[pointPosition + decimals].asciiValue! - 48 >= 5 {
      var index = kept.count - 1
      while index >= 0 {
        if kept[index] == 9 {
          kept[index] = 0
          index -= 1
        } else {
          kept[index] += 1
          break
        }
      }
      if index < 0 {
        kept.insert(1, at: 0)
        pointPosition += 1
      }
    }
    var integer = kept[0..<pointPosition].map(String.init).joined()
    while integer.count > 1, integer.first == "0" { integer.removeFirst() }
    if integer.isEmpty { integer = "0" }
    let fraction = kept[pointPosition...].map(String.init).joined()
    return decimals > 0 ? integer + "." + fraction : integer
  }

  /// RFC 4180 CSV.
  public func csv(_ table: Table) -> String {
    var out = table.schema.names.map(TableWriter.quoteCSV).joined(separator: ",") + "\n"
    for row in 0..<table.rowCount {
      let line = table.columns.map { cell($0, row).map(TableWriter.quoteCSV) ?? "" }.joined(separator: ",")
      out += line.isEmpty ? "\"\"" : line  // a blank line would be skipped on reading
      out += "\n"
    }
    return out
  }

  /// Quotes a field when it holds a comma, quote, CR or LF, or leading/trailing spaces.
  public static func quoteCSV(_ field: String) -> String {
    let needs = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      || field.first == " " || field.last == " " || field.isEmpty
    guard needs else { return field }
    var quoted = "\""
    for character in field {
      if character == "\"" { quoted += "\"" }
      quoted.append(character)
    }
    return quoted + "\""
  }

  /// An array of records.
  public func json(_ table: Table) -> JSONValue {
    .array(
      (0..<table.rowCount).map { row in
        .object(
          zip(table.schema.names, table.columns).map { name, column in
            (name, jsonValue(column, row))
          })
      })
  }

  func jsonValue(_ column: AnyColumn, _ row: Int) -> JSONValue {
    guard column.isValid(row) else { return .null }
    switch column {
    case .int64(let values): return .int(values.values[row])
    case .double(let values):
      let value = values.values[row]
      if let decimals { return .number(Double(TableWriter.fixed(value, decimals: decimals)) ?? value) }
      return .number(value)
    case .bool(let values): return .bool(values.values[row])
    default: return .string(column.text(at: row) ?? "")
    }
  }

  /// Aligned text: numbers right-aligned, text left-aligned, a rule under the header.
  public func text(_ table: Table) -> String {
    let names = table.schema.names
    var cells: [[String]] = [names]
    for row in 0..<table.rowCount { cells.append(table.columns.map { cell($0, row) ?? "" }) }
    let widths = names.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
    let numeric = table.columns.map { column -> Bool in
      switch column {
      case .int64, .double: true
      default: false
      }
    }
    func line(_ values: [String]) -> String {
      values.indices.map { column in
        let padding = String(repeating: " ", count: widths[column] - values[column].count)
        return numeric[column] ? padding + values[column] : values[column] + padding
      }.joined(separator: "  ")
    }
    var out = line(names).trailingSpacesRemoved() + "\n"
    out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in cells.dropFirst() { out += line(row).trailingSpacesRemoved() + "\n" }
    return out
  }
}

extension String {
  func trailingSpacesRemoved() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
