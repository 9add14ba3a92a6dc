import Columnar
import Indicators
import TableIO
import Testing
import _TestSupport

/// A one-series table `period,value` (labels as given).
func series(_ periods: [String], _ values: [Double?]) throws -> Table {
  try Table([("period", .string(StringColumn(periods))), ("value", .double(Column(optionals: values)))])
}

/// The `Double?` values of a result column.
func doubles(_ table: Table, _ name: String) throws -> [Double?] {
  let column = try table.doubles(name)
  return (0..<column.count).map { column[$0] }
}

/// The text of a result column.
func texts(_ table: Table, _ name: String) throws -> [String?] {
  let column = try table.column(name)
  return (0..<table.rowCount).map { column.text(at: $0) }
}

func growth(_ table: Table, _ configure: (inout GrowthOptions) -> Void) throws -> GrowthResult {
  var options = GrowthOptions(value: "value", period: "period")
  configure(&options)
  return try Growth.compute(table, options: options)
}

/// Reads a golden CSV beside the tests.
func golden(_ relative: String, _ configure: (inout CSVOptions) -> Void = { _ in }) throws -> Table {
  var options = CSVOptions()
  configure(&options)
  return try CSVReader.read(TestPaths.packageRoot + "/Tests/IndicatorsTests/Golden/" + relative, options: options).table
}
