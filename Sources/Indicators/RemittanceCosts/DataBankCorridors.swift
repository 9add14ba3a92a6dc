import Columnar

/// The World Bank DataBank "Remittance Prices Worldwide (Corridors)" export in long form.
///
/// The export is wide: one row per sending × receiving pair, one column per quarter labelled
/// `2011Q1 [YR2011Q1]`; `..` is missing (read it with `--null-token ..`). This reshapes it to
/// `sending, receiving, corridor, period, total_cost_pct`, dropping missing cells, with
/// calendar quarters (the axis is semi-annual until 2012: 2011Q1, 2011Q3, …).
public enum DataBankCorridors {
  /// Whether `table` looks like the DataBank corridor export.
  public static func matches(_ table: Table) -> Bool {
    table.schema.names.contains("Sending Countries Code") && table.schema.names.contains { $0.contains("[YR") }
  }

  /// The long series, optionally restricted to corridors such as `USAMEX`.
  public static func series(_ table: Table, corridors: Set<String>? = nil) throws(ColumnError) -> Table {
    let sending = try table.column("Sending Countries Code")
    guard let receivingName = table.schema.names.first(where: { $0.hasPrefix("Receiving Countries") && $0.hasSuffix("Code") }) else {
      throw .unknownColumn("Receiving Countries Code", available: table.schema.names)
    }
    let receiving = try table.column(receivingName)
    var quarterColumns: [(Period, Column<Double>)] = []
    for name in table.schema.names where name.contains("[YR") {
      guard let period = try? PeriodParser.parse(name).period else {
        throw .badPeriod(column: name, row: 0, detail: "cannot read the column label '\(name)' as a quarter")
      }
      quarterColumns.append((period, try table.doubles(name)))
    }
    var from: [String] = []
    var to: [String] = []
    var periods: [Period] = []
    var values: [Double] = []
    for row in 0..<table.rowCount {
      let source = sending.text(at: row) ?? ""
      let destination = receiving.text(at: row) ?? ""
      if let corridors, !corridors.contains(source + destination) { continue }
      for (period, column) in quarterColumns {
        guard let value = column[row] else { continue }
        from.append(source)
        to.append(destination)
        periods.append(period)
        values.append(value)
      }
    }
    return try Table([
      ("sending", .string(StringColumn(from))),
      ("receiving", .string(StringColumn(to))),
      ("corridor", .string(StringColumn(zip(from, to).map { $0 + $1 }))),
      ("period", .period(Column(periods), .quarterly)),
      ("total_cost_pct", .double(Column(values))),
    ])
  }
}
