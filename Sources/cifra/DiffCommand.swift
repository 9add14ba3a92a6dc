import ArgumentParser
import Columnar
import Indicators
import TableIO

/// `cifra diff OLD NEW`: revisions between two vintages of a series.
struct DiffCommand: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two vintages of a series: revised, added and removed observations, with the size of each revision.",
    discussion: """
      Examples:
        cifra diff sdg-odsmexico_2023-03-13/indicator_17-3-2.csv sdg-odsmexico_2023-08-28/indicator_17-3-2.csv --key Year --value Value --period-key
        cifra diff lapanquecita_2024-05-03/remesas_mensuales.csv remesas_mensuales.csv --old-key fecha --new-key PERIODO \\
          --old-value total --new-value VALOR_USD --old-scale 1000000 --new-where FLUJO=Ingresos --period-key --period-freq M --date-format mdy
      """)

  @Argument(help: "Old vintage (CSV).") var old: String
  @Argument(help: "New vintage (CSV).") var new: String
  @Option(name: .customLong("key"), help: "Key column in both files (repeatable).") var keys: [String] = []
  @Option(name: .customLong("old-key"), help: "Key column of the old file, if named differently (repeatable).") var oldKeys: [String] = []
  @Option(name: .customLong("new-key"), help: "Key column of the new file, if named differently (repeatable).") var newKeys: [String] = []
  @Option(help: "Value column in both files.") var value: String?
  @Option(help: "Value column of the old file.") var oldValue: String?
  @Option(help: "Value column of the new file.") var newValue: String?
  @Option(help: "Multiply old values by this (e.g. 1000000 for millions).") var oldScale: Double = 1
  @Option(help: "Multiply new values by this.") var newScale: Double = 1
  @Option(name: .customLong("old-where"), help: "Keep old rows where COL=VALUE (repeatable).") var oldFilters: [String] = []
  @Option(name: .customLong("new-where"), help: "Keep new rows where COL=VALUE (repeatable).") var newFilters: [String] = []
  @Flag(help: "The last key is a period: read both sides as periods (2023-01-01 and 01/01/2023 match).") var periodKey = false
  @Option(help: "Read period keys as this frequency.") var periodFreq: Frequency?
  @Flag(help: "List unchanged observations too.") var all = false
  @Option(help: "Differences up to this (absolute, after scaling) count as unchanged, e.g. the rounding of the older vintage.")
  var tolerance: Double = 0
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard !(keys.isEmpty && (oldKeys.isEmpty || newKeys.isEmpty)) else { throw ValidationError("give --key, or --old-key and --new-key") }
    guard value != nil || (oldValue != nil && newValue != nil) else { throw ValidationError("give --value, or --old-value and --new-value") }
  }

  static func filtered(_ table: Table, _ filters: [String]) throws -> Table {
    var table = table
    for filter in filters {
      let parts = filter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2 else { throw ValidationError("--old-where/--new-where expect COL=VALUE (got '\(filter)')") }
      let column = try table.column(parts[0])
      table = try table.filter(Column((0..<table.rowCount).map { column.text(at: $0) == parts[1] }))
    }
    return table
  }

  func produce() throws -> Produced {
    let options = csv.options(jobs: jobs.resolved)
    let before = try Self.filtered(CSVReader.read(old, options: options).table, oldFilters)
    let after = try Self.filtered(CSVReader.read(new, options: options).table, newFilters)
    var oldSide = Revisions.Side(keys: oldKeys.isEmpty ? keys : oldKeys, value: oldValue ?? value!)
    oldSide.scale = oldScale
    var newSide = Revisions.Side(keys: newKeys.isEmpty ? keys : newKeys, value: newValue ?? value!)
    newSide.scale = newScale
    let result: Revisions.Result
    do {
      result = try Revisions.compare(
        old: before, new: after, oldSide: oldSide, newSide: newSide, periodKey: periodKey, periodFrequency: periodFreq,
        includeUnchanged: all, tolerance: tolerance)
    } catch {
      throw CLIError("\(error)")
    }
    let summary = "\(result.revised) revised, \(result.added) added, \(result.removed) removed, \(result.unchanged) unchanged"
    return Produced(table: result.table, warnings: [summary])
  }
}
