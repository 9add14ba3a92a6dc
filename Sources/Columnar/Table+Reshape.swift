extension Table {
  /// A wide table (periods as columns: WDI bulk files, DataBank exports, INEGI tabulations)
  /// made long: the columns whose names read as periods (``PeriodParser``; `2011Q1 [YR2011Q1]`
  /// included) become rows `period`, `value`; every other column identifies the series and is
  /// kept. A blank cell is no observation, so it gives no row (absent stays absent). Rows keep
  /// the input order, periods the column order.
  /// - Throws: ``ColumnError`` when no column is a period, the period columns mix frequencies,
  ///   a period column holds text (give the file's missing-value token, e.g. `..`), or the
  ///   names `period` / `value` are taken by identifying columns.
  public func longFromPeriodColumns() throws(ColumnError) -> Table {
    var periodColumns: [(Period, Int)] = []
    var idColumns: [Int] = []
    for (index, name) in schema.names.enumerated() {
      if !name.isEmpty, let parsed = try? PeriodParser.parse(name) { periodColumns.append((parsed.period, index)) } else { idColumns.append(index) }
    }
    guard let frequency = periodColumns.first?.0.frequency else {
      throw .invalid("wide: no column name reads as a period (columns: \(schema.names.prefix(6).map { "'\($0)'" }.joined(separator: ", ")))")
    }
    if let mixed = periodColumns.first(where: { $0.0.frequency != frequency }) {
      throw .invalid("wide: column '\(schema.names[mixed.1])' is a period of another frequency than '\(schema.names[periodColumns[0].1])'")
    }
    for index in idColumns where ["period", "value"].contains(schema.names[index]) {
      throw .invalid("wide: the identifying column '\(schema.names[index])' has a name the long table needs (period, value)")
    }
    // A column with no value (WDI's final comma makes one) identifies nothing: left out.
    let kept = idColumns.filter { columns[$0].nullCount < rowCount || rowCount == 0 }
    var values: [Column<Double>] = []
    for (_, index) in periodColumns {
      // A column with no value at all (a year not yet published) has no type to check.
      values.append(columns[index].nullCount == rowCount ? Column(optionals: [Double?](repeating: nil, count: rowCount)) : try doubles(schema.names[index]))
    }
    var sourceRows: [Int] = []
    var periods: [Period] = []
    var numbers: [Double] = []
    for row in 0..<rowCount {
      for (column, (period, _)) in periodColumns.enumerated() {
        guard let value = values[column][row] else { continue }
        sourceRows.append(row)
        periods.append(period)
        numbers.append(value)
      }
    }
    var out: [(String, AnyColumn)] = kept.map { (schema.names[$0], columns[$0].take(sourceRows)) }
    out.append(("period", .period(Column(periods), frequency)))
    out.append(("value", .double(Column(numbers))))
    return try Table(out)
  }
}
