import Columnar

/// Finds rows by (group, period): the calendar index behind every lag in Cifra.
///
/// Built once per panel; a period that appears twice in a group is an error (never a silent
/// pick), and null periods are an error too (a row with no period cannot be placed).
public struct PeriodLookup: Sendable {
  /// Frequency of every period.
  public let frequency: Frequency
  private let rowByKey: [Key: Int]

  struct Key: Hashable {
    let group: Int32
    let ordinal: Int
  }

  /// Indexes `periods` (one per row) within `groups` (dense ids, one per row).
  /// - Throws: ``ColumnError/duplicatePeriod(group:period:)`` naming the group via `groupLabel`,
  ///   or ``ColumnError/badPeriod(column:row:detail:)`` for a null or mixed-frequency period.
  public init(
    periods: Column<Period>, groups: [Int32], frequency: Frequency, groupLabel: (Int32) -> String
  ) throws(ColumnError) {
    precondition(periods.count == groups.count, "PeriodLookup: \(periods.count) periods, \(groups.count) group ids")
    var rows: [Key: Int] = [:]
    rows.reserveCapacity(periods.count)
    for row in 0..<periods.count {
      guard let period = periods[row] else {
        throw .badPeriod(column: "period", row: row, detail: "the period is blank")
      }
      guard period.frequency == frequency else {
        throw .badPeriod(column: "period", row: row, detail: "period \(period) is not of frequency \(frequency.rawValue)")
      }
      let key = Key(group: groups[row], ordinal: period.ordinal)
      if rows.updateValue(row, forKey: key) != nil {
        throw .duplicatePeriod(group: groupLabel(groups[row]), period: period.description)
      }
    }
    self.frequency = frequency
    rowByKey = rows
  }

  /// The row holding `ordinal` in `group`, if any.
  @inlinable
  public func row(group: Int32, ordinal: Int) -> Int? { lookup(group, ordinal) }

  @usableFromInline
  func lookup(_ group: Int32, _ ordinal: Int) -> Int? { rowByKey[Key(group: group, ordinal: ordinal)] }
}

/// The value `lag` periods earlier in the same group, by calendar (not by row position).
///
/// `result[row] = values[row']` where row' holds period `periods[row] − lag` in the same
/// group; null when that period is absent, or its value is null.
/// - Complexity: O(n) expected.
public func shifted(
  _ values: Column<Double>, periods: Column<Period>, groups: [Int32], lookup: PeriodLookup, lag: Int
) -> Column<Double> {
  precondition(values.count == periods.count && values.count == groups.count, "shifted: length mismatch")
  var out = [Double](repeating: 0, count: values.count)
  var flags = [Bool](repeating: false, count: values.count)
  for row in 0..<values.count {
    guard let period = periods[row], let previous = lookup.row(group: groups[row], ordinal: period.ordinal - lag),
      let value = values[previous]
    else { continue }
    out[row] = value
    flags[row] = true
  }
  return Column(out, validity: Validity(flags))
}
