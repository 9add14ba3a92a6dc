import Columnar

/// UNHCR refugee recognition rate (RRR) and total recognition rate (TRR).
///
/// `D = recognized + complementary + rejected` (substantive decisions; otherwise-closed cases
/// excluded), `RRR = recognized / D × 100`, `TRR = (recognized + complementary) / D × 100`
/// (UNHCR, methodology.md §3.1). Case counts (`C`) and person counts (`P`) are never added: the
/// `Cases / Persons` column is always a grouping key. `D = 0` gives null rates. Rows whose
/// `Total decisions` differs from the sum of the four decision columns are reported (the UNHCR
/// file has 174); their parts are used, as the rates are defined on the parts.
public enum RecognitionRates {
  /// The result and the rows worth a look.
  public struct Result: Sendable {
    public let table: Table
    /// Data rows (0-based) whose stated total ≠ the sum of their parts.
    public let inconsistentRows: [Int]
  }

  /// Every decision-count column name Cifra reads (human-readable and API spellings).
  public static var decisionColumns: [String] { recognized + complementary + rejected + closed + total }

  static let recognized = ["Recognized decisions", "dec_recognized"]
  static let complementary = ["Complementary protection", "dec_other"]
  static let rejected = ["Rejected decisions", "dec_rejected"]
  static let closed = ["Otherwise closed", "dec_closed"]
  static let total = ["Total decisions", "dec_total"]
  static let casesPersons = ["Cases / Persons", "dec_pc"]

  /// Rates by the `by` columns (plus `Cases / Persons`), over the rows where `keep` is true
  /// (all rows when `nil`); row numbers in ``Result/inconsistentRows`` are those of `table`.
  public static func compute(_ table: Table, by: [String], keep rows: [Bool]? = nil) throws(ColumnError) -> Result {
    func find(_ aliases: [String]) throws(ColumnError) -> String {
      guard let name = aliases.first(where: { table.schema.names.contains($0) }) else {
        throw .unknownColumn(aliases[0], available: table.schema.names)
      }
      return name
    }
    let parts = try [recognized, complementary, rejected, closed].map { aliases throws(ColumnError) in try table.doubles(find(aliases)) }
    let totals = try table.doubles(find(total))
    let unit = try find(casesPersons)
    let keep = rows ?? [Bool](repeating: true, count: table.rowCount)
    let kept = (0..<table.rowCount).filter { keep[$0] }
    let subset = table.take(kept)
    let keys = by + (by.contains(unit) ? [] : [unit])
    let grouping = try subset.grouping(by: keys)
    var sums = [[Double]](repeating: [0, 0, 0, 0, 0], count: grouping.groupCount)
    var inconsistent: [Int] = []
    for (position, row) in kept.enumerated() {
      let group = Int(grouping.ids[position])
      let values = parts.map { $0[row] ?? 0 }
      for index in 0..<4 { sums[group][index] += values[index] }
      let stated = totals[row] ?? 0
      sums[group][4] += stated
      if stated != values.reduce(0, +) { inconsistent.append(row) }
    }
    // Groups sorted by their key values.
    let keyTable = try subset.select(keys).take(grouping.firstRows)
    let order = try keyTable.sortIndices(by: keys.map { SortKey($0) })
    var columns: [(String, AnyColumn)] = zip(keys, keyTable.take(order).columns).map { ($0, $1) }
    let sorted = order.map { sums[$0] }
    let names = ["recognized", "complementary", "rejected", "otherwise_closed", "total_decisions"]
    for (index, name) in names.enumerated() { columns.append((name, .double(Column(sorted.map { $0[index] })))) }
    let substantive = sorted.map { $0[0] + $0[1] + $0[2] }
    columns.append(("substantive", .double(Column(substantive))))
    columns.append(("rrr_pct", .double(Column(optionals: zip(sorted, substantive).map { $1 > 0 ? 100 * $0[0] / $1 : nil }))))
    columns.append(("trr_pct", .double(Column(optionals: zip(sorted, substantive).map { $1 > 0 ? 100 * ($0[0] + $0[1]) / $1 : nil }))))
    return Result(table: try Table(columns), inconsistentRows: inconsistent)
  }
}
