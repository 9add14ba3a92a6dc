import Columnar

/// Writes a table as RFC 4180 CSV bytes, column by column into one buffer (fast path for
/// large tables; the same text as ``TableWriter/csv(_:)``). A row whose fields are all null in a
/// one-column table is written `""` so it survives a round trip (a blank line is skipped).
public enum CSVBytesWriter {
  /// The CSV bytes of `table` (LF line ends, blank = null, round-trip exact numbers).
  public static func bytes(_ table: Table) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(table.rowCount * table.columns.count * 8 + 64)
    out += Array(table.schema.names.map(TableWriter.quoteCSV).joined(separator: ",").utf8)
    out.append(10)
    let quotedDictionaries: [[[UInt8]]?] = table.columns.map { column in
      guard case .string(let strings) = column else { return nil }
      return strings.dictionary.map { Array(TableWriter.quoteCSV($0).utf8) }
    }
    for row in 0..<table.rowCount {
      let start = out.count
      for (index, column) in table.columns.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        guard column.isValid(row) else { continue }
        switch column {
        case .int64(let values): appendInteger(values.values[row], to: &out)
        case .string(let strings): out += quotedDictionaries[index]![Int(strings.codes.values[row])]
        case .double(let values): out += Array(formatDouble(values.values[row]).utf8)
        default: out += Array(TableWriter.quoteCSV(column.text(at: row) ?? "").utf8)
        }
      }
      // An empty line would read back as a skipped blank line: keep the row with a quoted empty
      // field (which reads back as null).
      if out.count == start { out += [UInt8(ascii: "\""), UInt8(ascii: "\"")] }
      out.append(10)
    }
    return out
  }

  static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
    if value == 0 {
      out.append(48)
      return
    }
    var magnitude = value.magnitude
    var digits: [UInt8] = []
    while magnitude > 0 {
      digits.append(UInt8(48 + magnitude % 10))
      magnitude /= 10
    }
    if value < 0 { out.append(UInt8(ascii: "-")) }
    out += digits.reversed()
  }
}
