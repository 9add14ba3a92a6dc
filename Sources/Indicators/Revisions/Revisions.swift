import Columnar

/// Compares two vintages of a series: revised, added and removed observations.
///
/// Observations are matched on key columns; the last key may be a period, read on both sides
/// with ``PeriodParser`` (so `01/01/2023` and `2023-01-01` read as month `2023-01`, and
/// `2022/I P/` and `2022/I  P/` as `2022-Q1`). `revision = new − old`,
/// `revision_pct = (new − old) / old × 100` (null when old is 0). Values are compared exactly
/// after each side's scale factor (e.g. USD millions × 1,000,000). A key that repeats within a
/// vintage is an error. Differences up to `tolerance` (absolute, after scaling) count as
/// unchanged. By default the tolerance is the data's own precision: half a unit in the last
/// decimal place of the coarser vintage, `max(½·10^−d_old·scale_old, ½·10^−d_new·scale_new)`
/// where `d` is the most decimals any value of that vintage is written with (capped at 15) —
/// so 12.3 → 12.34 from a vintage of one decimal is rounding, not a revision (an exact half
/// unit, 12.3 → 12.25, counts as rounding too).
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
    /// The tolerance the comparison used (given, or the data's own precision).
    public let tolerance: Double
  }

  /// Half a unit in the last decimal place the values of `table[side.value]` are written with,
  /// after the side's scale: the precision the vintage was published at.
  public static func precision(_ table: Table, _ side: Side) throws(Failure) -> Double {
    let values: Column<Double>
    do { values = try table.doubles(side.value) } catch { throw .column(error) }
    var decimals = 0
    for row in 0..<values.count {
      guard let value = values[row], value.isFinite else { continue }
      let text = String(value.magnitude)
      if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        // d.ddd e−k: (digits after the point) + k decimals.
        let mantissa = text[..<e]
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        let fraction = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
        decimals = max(decimals, fraction - exponent)
      } else if let point = text.firstIndex(of: ".") {
        let fraction = text[text.index(after: point)...]
        decimals = max(decimals, fraction == "0" ? 0 : fraction.count)
      }
      if decimals >= 15 { break }
    }
    var unit = 0.5
    for _ in 0..<min(15, max(0, decimals)) { unit /= 10 }
    return unit * side.scale
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
    tolerance given: Double? = 0
  ) throws(Failure) -> Result {
    guard oldSide.keys.count == newSide.keys.count, !oldSide.keys.isEmpty else { throw .keyCount }
    let tolerance: Double
    // The data's own precision, widened by 1e-9 of itself so that binary noise of an exact
    // half unit (12.25 − 12.3 = 0.0500000000000007) is not a revision.
    if let given { tolerance = given } else { tolerance = max(try precision(old, oldSide), try precision(new, newSide)) }
    let limit = given == nil ? tolerance * (1 + 1e-9) : tolerance
    let before = try index(old, oldSide, vintage: "old", periodFrequency: periodFrequency, periodKey: periodKey)
    let after = try index(new, newSide, vintage: "new", periodFrequency: periodFrequency, periodKey: periodKey)
    let keys = Set(before.keys).union(after.keys).sorted()
    var rows: [(Key, Double?, Double?, String)] = []
    var counts = (revised: 0, added: 0, removed: 0, unchanged: 0)
    for key in keys {
      switch (before[key], after[key]) {
      case (let a?, let b?):
        let same: Bool
        if let x = a, let y = b { same = abs(x - y) <= limit } else { same = a == b }
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
        table: try Table(columns), revised: counts.revised, added: counts.added, removed: counts.removed, unchanged: counts.unchanged,
        tolerance: tolerance)
    } catch {
      throw .column(error)
    }
  }
}
