import Columnar

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes tables as CSV, JSON or an aligned text table.
///
/// CSV and JSON numbers are written round-trip exact (shortest text that reads back as the
/// same double) unless `decimals` asks for fixed presentation of the measures; the aligned
/// table shows 6 significant digits and groups thousands. Nulls are blank in CSV, `null` in
/// JSON and empty in text tables. Dates and periods use ISO labels.
public struct TableWriter: Sendable {
  /// Fixed number of decimals for the measures (presentation); `nil` = round-trip exact.
  public var decimals: Int?
  /// Columns written exactly whatever `decimals` says: counts and identifiers (a population,
  /// a number of events), which rounding would falsify.
  public var exact: Set<String>

  /// A writer.
  public init(decimals: Int? = nil, exact: Set<String> = []) {
    self.decimals = decimals
    self.exact = exact
  }

  /// Significant digits of the table format when no `decimals` are given: a reading precision
  /// (as pandas' display of 6), never fewer than the integer digits. CSV and JSON stay exact.
  public static let tableSignificantDigits = 6

  /// The text of `table` in `format`.
  public func render(_ table: Table, as format: OutputFormat) -> String {
    switch format {
    case .csv: return csv(table)
    case .json: return json(table).text(indent: nil) + "\n"
    case .table: return text(table)
    case .sdmx, .opensdg: return csv(table)  // needs an ObservationLayout: see ObservationWriter
    }
  }

  /// The text of a cell: `decimals` applied to doubles of measure columns (`name` not in
  /// ``exact``), round-trip exact otherwise.
  public func cell(_ column: AnyColumn, _ row: Int, name: String? = nil) -> String? {
    if let decimals, case .double(let values) = column, !(name.map(exact.contains) ?? false) {
      return values[row].map { TableWriter.fixed($0, decimals: decimals) }
    }
    return column.text(at: row)
  }

  /// The text of a cell for the aligned table: measures at ``tableSignificantDigits`` unless
  /// `decimals` is given; numbers of five or more integer digits grouped by thousands
  /// (`250,000`; years and 4-digit codes stay plain). Trailing zeros are trimmed.
  func displayCell(_ column: AnyColumn, _ row: Int, name: String) -> String? {
    switch column {
    case .int64(let values):
      return values[row].map { TableWriter.grouped(String($0)) }
    case .double(let values):
      guard let value = values[row] else { return nil }
      guard value.isFinite else { return formatDouble(value) }
      if exact.contains(name) { return TableWriter.grouped(formatDouble(value)) }
      if let decimals { return TableWriter.grouped(TableWriter.fixed(value, decimals: decimals)) }
      let integerDigits = value.magnitude < 1 ? 1 : Int(log10(value.magnitude)) + 1
      let places = max(0, TableWriter.tableSignificantDigits - integerDigits)
      var text = TableWriter.fixed(value, decimals: value.magnitude < 1 && value != 0 ? max(places, significantPlaces(value)) : places)
      if text.contains(".") {
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
      }
      return TableWriter.grouped(text == "-0" ? "0" : text)
    default:
      return column.text(at: row)
    }
  }

  /// Decimals that show `tableSignificantDigits` significant digits of a value below 1.
  func significantPlaces(_ value: Double) -> Int {
    min(17, TableWriter.tableSignificantDigits - 1 - Int(floor(log10(value.magnitude))))
  }

  /// `1234567.5` → `1,234,567.5` when the integer part has five or more digits.
  static func grouped(_ text: String) -> String {
    guard !text.contains("e") && !text.contains("E") else { return text }
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let integer = Array(parts[0])
    guard integer.count >= 5, integer.allSatisfy(\.isNumber) else { return text }
    var out = ""
    for (index, digit) in integer.enumerated() {
      if index > 0, (integer.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (negative ? "-" : "") + out + (parts.count > 1 ? "." + parts[1] : "")
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
      let line = zip(table.schema.names, table.columns).map { name, column in cell(column, row, name: name).map(TableWriter.quoteCSV) ?? "" }
        .joined(separator: ",")
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
            (name, jsonValue(column, row, name: name))
          })
      })
  }

  func jsonValue(_ column: AnyColumn, _ row: Int, name: String) -> JSONValue {
    guard column.isValid(row) else { return .null }
    switch column {
    case .int64(let values): return .int(values.values[row])
    case .double(let values):
      let value = values.values[row]
      if let decimals, !exact.contains(name) { return .number(Double(TableWriter.fixed(value, decimals: decimals)) ?? value) }
      return .number(value)
    case .bool(let values): return .bool(values.values[row])
    default: return .string(column.text(at: row) ?? "")
    }
  }

  /// Aligned text: numbers right-aligned, text left-aligned, a rule under the header.
  public func text(_ table: Table) -> String {
    let names = table.schema.names
    var cells: [[String]] = [names]
    for row in 0..<table.rowCount { cells.append(zip(names, table.columns).map { name, column in displayCell(column, row, name: name) ?? "" }) }
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
