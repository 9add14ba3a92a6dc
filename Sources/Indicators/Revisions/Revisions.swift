import Columnar

/// Compares two vintages of a series: revised, added and removed observations.
///
/// Observations are matched on key columns; the last key may be a period, read on both sides
/// with ``PeriodParser`` (so `01/01/2023` and `2023-01-01` read as month `2023-01`, and
/// `2022/I P/` and `2022/I  P/` as `2022-Q1`). `revision = new − old`,
/// `revision_pct = (new − old) / old × 100` (null when old is 0). Values are compared exactly
/// after each side's scale factor (e.g. USD millions × 1,000,000). A key that repeats within a
/// vintage is an error. Differences up to `tolerance` (absolute, after scaling) count as
/// unchanged — for vintages published at different precision.
public enum Revisions {
  /// One side of the comparison.
  public struct Side: Sendable {
    public var keys: [String]
    public var value: String
    public var scale: Double = 1
    public init(keys: [String], value: String) {
      self.keys = keys
      self.value = value
    }
  }

  /// Errors.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    case column(ColumnError)
    case keyCount
    case duplicateKey(vintage: String, key: String)
    case badPeriod(vintage: String, text: String, detail: String)

    public var description: String {
      switch self {
      case .column(let error): error.description
      case .keyCount: "both vintages need the same number of key columns"
      case .duplicateKey(let vintage, let key): "\(vintage) vintage: key \(key) appears more than once"
      case .badPeriod(let vintage, let text, let detail): "\(vintage) vintage: cannot read '\(text)' as a period (\(detail))"
      }
    }
  }

  /// What changed between two vintages.
  public struct Result: Sendable {
    public let table: Table
    public let revised: Int
    public let added: Int
    public let removed: Int
    public let unchanged: Int
  }

  struct Key: Hashable, Comparable {
    let texts: [String]
    let period: Period?
    static func < (a: Key, b: Key) -> Bool {
      if a.texts != b.texts { return a.texts.lexicographicallyPrecedes(b.texts) }
      if let p = a.period, let q = b.period { return p < q }
      return false
    }
  }

  static func index(_ table: Table, _ side: Side, vintage: String, periodFrequency: Frequency?, periodKey: Bool) throws(Failure) -> [Key: Double?] {
    var result: [Key: Double?] = [:]
    do {
      let keyColumns = try side.keys.map { name throws(ColumnError) in try table.column(name) }
      let values = try table.doubles(side.value)
      for row in 0..<table.rowCount {
        var texts = keyColumns.map { $0.text(at: row) ?? "" }
        var period: Period?
        if periodKey, let label = texts.popLast() {
          do {
            period = try PeriodParser.parse(label, as: periodFrequency).period
          } catch {
            throw Failure.badPeriod(vintage: vintage, text: label, detail: error.description)
          }
        }
        let key = Key(texts: texts, period: period)
        guard result[key] == nil else {
          throw Failure.duplicateKey(vintage: vintage, key: (texts + [period?.description].compactMap { $0 }).joined(separator: ", "))
        }
        result[key] = values[row].map { $0 * side.scale }
      }
    } catch let error as Failure {
      throw error
    } catch let error as ColumnError {
      throw .column(error)
    } catch {
      preconditionFailure("\(error)")
    }
    return result
  }

  /// Compares `old` and `new`; with `periodKey`, the last key is a period (read at
  /// `periodFrequency` when given). Unchanged observations are listed only when asked.
  public static func compare(
    old: Table, new: Table, oldSide: Side, newSide: Side, periodKey: Bool, periodFrequency: Frequency?, includeUnchanged: Bool = false,
    tolerance: Double = 0
  ) throws(Failure) -> Result {
    guard oldSide.keys.count == newSide.keys.count, !oldSide.keys.isEmpty else { throw .keyCount }
    let before = try index(old, oldSide, vintage: "old", periodFrequency: periodFrequency, periodKey: periodKey)
    let after = try index(new, newSide, vintage: "new", periodFrequency: periodFrequency, periodKey: periodKey)
    let keys = Set(before.keys).union(after.keys).sorted()
    var rows: [(Key, Double?, Double?, String)] = []
    var counts = (revised: 0, added: 0, removed: 0, unchanged: 0)
    for key in keys {
      switch (before[key], after[key]) {
      case (let a?, let b?):
        let same: Bool
        if let x = a, let y = b { same = abs(x - y) <= tolerance } else { same = a == b }
        if same {
          counts.unchanged += 1
          if includeUnchanged { rows.append((key, a, b, "unchanged")) }
        } else {
          counts.revised += 1
          rows.append((key, a, b, "revised"))
        }
      case (nil, let b?):
        counts.added += 1
        rows.append((key, nil, b, "added"))
      case (let a?, nil):
        counts.removed += 1
        rows.append((key, a, nil, "removed"))
      case (nil, nil):
        break
      }
    }
    let textKeys = periodKey ? Array(newSide.keys.dropLast()) : newSide.keys
    var columns: [(String, AnyColumn)] = []
    for (index, name) in textKeys.enumerated() { columns.append((name, .string(StringColumn(rows.map { $0.0.texts[index] })))) }
    if periodKey, let frequency = rows.first?.0.period?.frequency {
      columns.append((newSide.keys.last!, .period(Column(rows.map { $0.0.period! }), frequency)))
    }
    let oldValues = rows.map { $0.1 ?? nil }
    let newValues = rows.map { $0.2 ?? nil }
    columns.append(("old_value", .double(Column(optionals: oldValues))))
    columns.append(("new_value", .double(Column(optionals: newValues))))
    columns.append(("revision", .double(Column(optionals: zip(oldValues, newValues).map { a, b in a.flatMap { a in b.map { $0 - a } } }))))
    columns.append((
      "revision_pct",
      .double(Column(optionals: zip(oldValues, newValues).map { a, b in a.flatMap { a in b.flatMap { a == 0 ? nil : ($0 - a) / a * 100 } } }))
    ))
    columns.append(("status", .string(StringColumn(rows.map { $0.3 }))))
    do {
      return Result(
        table: try Table(columns), revised: counts.revised, added: counts.added, removed: counts.removed, unchanged: counts.unchanged)
    } catch {
      throw .column(error)
    }
  }
}
