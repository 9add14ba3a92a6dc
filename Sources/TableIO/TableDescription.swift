import Columnar

/// The summary `cifra describe` prints: rows, and name, type and null count per column.
public struct TableDescription: Sendable {
  /// What the reader found.
  public let result: CSVReadResult

  /// A description of a read result.
  public init(_ result: CSVReadResult) { self.result = result }

  /// `{"rows": N, "columns": [{"name", "type", "nulls"}], "encoding", "delimiter", "footer_records"}`.
  public var json: JSONValue {
    let table = result.table
    var columns: [JSONValue] = []
    for (field, column) in zip(table.schema.fields, table.columns) {
      var members: [(String, JSONValue)] = [
        ("name", .string(field.name)), ("type", .string(field.type.description)), ("nulls", .int(Int64(column.nullCount))),
      ]
      if let format = result.dateFormats[field.name] { members.append(("date_format", .string(format.rawValue))) }
      columns.append(.object(members))
    }
    return .object([
      ("rows", .int(Int64(table.rowCount))),
      ("columns", .array(columns)),
      ("encoding", .string(result.encoding.rawValue)),
      ("byte_order_mark", .bool(result.hadByteOrderMark)),
      ("delimiter", .string(String(UnicodeScalar(result.delimiter)))),
      ("footer_records", .int(Int64(result.footerRecords))),
    ])
  }

  /// One row per column: `name`, `type`, `nulls`.
  public var columnsTable: Table {
    let table = result.table
    return try! Table([
      ("name", .string(StringColumn(table.schema.names))),
      ("type", .string(StringColumn(table.schema.fields.map { $0.type.description }))),
      ("nulls", .int64(Column(table.columns.map { Int64($0.nullCount) }))),
    ])
  }
}

extension TableDescription {
  /// The description as printed: JSON, the columns table as CSV, or a headline and an aligned
  /// table for a terminal (`file` names the input in the headline).
  public func text(as format: OutputFormat, file: String) -> String {
    switch format {
    case .json: return json.text(indent: 2) + "\n"
    case .table:
      let table = result.table
      return "\(file): \(table.rowCount) rows, \(table.schema.fields.count) columns, \(result.encoding.rawValue)\n"
        + TableWriter().text(columnsTable)
    case .csv, .sdmx, .opensdg: return TableWriter().csv(columnsTable)
    }
  }
}
