import Columnar
import Kernels

/// Series in long form: one value per (group, period), groups numbered in order of first
/// appearance. The input of every growth measure.
public struct SeriesPanel: Sendable {
  /// Names of the grouping columns.
  public let keyNames: [String]
  /// Key values (as text; `nil` for a null key) of each group.
  public let keys: [[String?]]
  /// Key values of each group as typed columns (one row per group), for output.
  public let keyValues: [AnyColumn]
  /// Group id of each row.
  public let groups: [Int32]
  /// Period of each row (never null).
  public let periods: Column<Period>
  /// Value of each row (may be null).
  public let values: Column<Double>
  /// Frequency of every period.
  public let frequency: Frequency

  /// Number of groups.
  public var groupCount: Int { keys.count }

  /// A panel from parts (rows need not be sorted).
  public init(
    keyNames: [String], keys: [[String?]], keyValues: [AnyColumn], groups: [Int32], periods: Column<Period>,
    values: Column<Double>, frequency: Frequency
  ) {
    self.keyNames = keyNames
    self.keys = keys
    self.keyValues = keyValues
    self.groups = groups
    self.periods = periods
    self.values = values
    self.frequency = frequency
  }

  /// Reads a panel from table columns.
  ///
  /// Periods come from a period column, an ISO date column (days), an integer column (years,
  /// 1–9999), or a text column of labels (``PeriodParser``); `readAs` converts every label to
  /// its containing period of that frequency. A blank period or an unknown label is an error naming the data row; so is a
  /// period that repeats within a group (checked by the measures). Annual periods of
  /// different spans (`2021`, `ENE-JUN 2022`, `2025 (FYTD)`) form separate series.
  public init(table: Table, value: String, period: String, by: [String], readAs: Frequency?) throws(GrowthError) {
    let grouping: Grouping
    let keyColumns: [AnyColumn]
    do {
      values = try table.doubles(value)
      grouping = try table.grouping(by: by)
      keyColumns = try by.map { name throws(ColumnError) in try table.column(name) }
    } catch {
      throw .column(error)
    }
    keyNames = by
    let column: AnyColumn
    do { column = try table.column(period) } catch { throw .column(error) }
    var parsed = [Period](repeating: Period(.annual, ordinal: 0), count: table.rowCount)
    func convert(_ native: Period, row: Int, text: String) throws(GrowthError) -> Period {
      guard let readAs else { return native }
      guard let converted = native.converted(to: readAs) else {
        throw .badPeriodLabel(column: period, row: row, text: text, detail: "it is coarser than frequency \(readAs.rawValue)")
      }
      return converted
    }
    switch column {
    case .period(let periods, _):
      for row in 0..<table.rowCount {
        guard let value = periods[row] else { throw .badPeriodLabel(column: period, row: row, text: "", detail: "blank") }
        parsed[row] = try convert(value, row: row, text: value.description)
      }
    case .date(let days):
      for row in 0..<table.rowCount {
        guard let value = days[row] else { throw .badPeriodLabel(column: period, row: row, text: "", detail: "blank") }
        parsed[row] = try convert(.day(Int(value)), row: row, text: CivilDate.isoString(days: Int(value)))
      }
    case .int64(let years) where readAs == nil && years.validity == nil:
      for (row, value) in years.values.enumerated() {
        guard (1...9999).contains(value) else {
          throw .badPeriodLabel(column: period, row: row, text: String(value), detail: "an integer period must be a year 1-9999")
        }
        parsed[row] = .year(Int(value))
      }
    case .int64(let years):
      for row in 0..<table.rowCount {
        guard let value = years[row] else { throw .badPeriodLabel(column: period, row: row, text: "", detail: "blank") }
        guard (1...9999).contains(value) else {
          throw .badPeriodLabel(column: period, row: row, text: String(value), detail: "an integer period must be a year 1-9999")
        }
        parsed[row] = try convert(.year(Int(value)), row: row, text: String(value))
      }
    case .string(let labels):
      var cache: [Int32: Period] = [:]
      for row in 0..<table.rowCount {
        guard let code = labels.codes[row] else { throw .badPeriodLabel(column: period, row: row, text: "", detail: "blank") }
        if let known = cache[code] {
          parsed[row] = known
          continue
        }
        let text = labels.dictionary[Int(code)]
        do {
          let value = try PeriodParser.parse(text, as: readAs).period
          cache[code] = value
          parsed[row] = value
        } catch {
          throw .badPeriodLabel(column: period, row: row, text: text, detail: error.description)
        }
      }
    case .double, .bool:
      throw .column(.typeMismatch(column: period, expected: "periods, dates, years or period labels", actual: column.dataType))
    }
    let frequency = parsed.first?.frequency ?? readAs ?? .annual
    if let mixed = parsed.firstIndex(where: { $0.frequency != frequency }) {
      throw .badPeriodLabel(
        column: period, row: mixed, text: parsed[mixed].description,
        detail: "the column mixes frequencies \(frequency.rawValue) and \(parsed[mixed].frequency.rawValue)")
    }
    periods = Column(parsed)
    self.frequency = frequency
    // Parts of years (ENE-JUN, a year to date) are compared only with the same months: with
    // more than one span, each (group, span) is a series of its own.
    var (ids, firstRows) = (grouping.ids, grouping.firstRows)
    if let span = parsed.first?.span, parsed.contains(where: { $0.span != span }) {
      var idOf: [SpanGroup: Int32] = [:]
      firstRows = []
      for row in ids.indices {
        let key = SpanGroup(group: ids[row], span: parsed[row].span)
        if let id = idOf[key] {
          ids[row] = id
        } else {
          idOf[key] = Int32(firstRows.count)
          ids[row] = Int32(firstRows.count)
          firstRows.append(row)
        }
      }
    }
    groups = ids
    keys = firstRows.map { row in keyColumns.map { $0.text(at: row) } }
    keyValues = keyColumns.map { $0.take(firstRows) }
  }

  private struct SpanGroup: Hashable {
    let group: Int32
    let span: YearSpan
  }

  /// `a=x, b=y 2022-03`: a group's label and a period, for the items of warnings.
  public func label(of group: Int32, at period: Period) -> String {
    let label = label(of: group)
    return (label.isEmpty ? "" : label + " ") + period.description
  }

  /// `a=x, b=y` label of a group for messages (empty without grouping columns).
  public func label(of group: Int32) -> String {
    zip(keyNames, keys[Int(group)]).map { "\($0)=\($1 ?? "(blank)")" }.joined(separator: ", ")
  }

  /// The calendar index of the panel; throws on a period repeated within a group.
  public func lookup() throws(GrowthError) -> PeriodLookup {
    do {
      return try PeriodLookup(periods: periods, groups: groups, frequency: frequency) { label(of: $0) }
    } catch {
      throw .column(error)
    }
  }

  /// Row order: groups in first-appearance order, periods ascending.
  public func sortedRows() -> [Int] {
    (0..<groups.count).sorted { lhs, rhs in
      groups[lhs] != groups[rhs] ? groups[lhs] < groups[rhs] : periods.values[lhs].ordinal < periods.values[rhs].ordinal
    }
  }

  /// Every group over the panel's whole span: each period between the first and the last of the
  /// data that a group has no row for gets one with `value` (counts where a missing row means
  /// zero, e.g. CBP encounters by title). Returns the panel and the filled `(group, period)`s.
  public func fillingAbsent(with value: Double) -> (panel: SeriesPanel, filled: [(group: Int32, period: Period)]) {
    guard let first = periods.values.map(\.ordinal).min(), let last = periods.values.map(\.ordinal).max() else { return (self, []) }
    var present = [Set<Int>](repeating: [], count: groupCount)
    var sample = [Period](repeating: Period(frequency, ordinal: 0), count: groupCount)  // one span per group (see init)
    for row in 0..<groups.count {
      present[Int(groups[row])].insert(periods.values[row].ordinal)
      sample[Int(groups[row])] = periods.values[row]
    }
    var filled: [(group: Int32, period: Period)] = []
    for group in 0..<groupCount {
      for ordinal in first...last where !present[group].contains(ordinal) { filled.append((Int32(group), sample[group].at(ordinal: ordinal))) }
    }
    guard !filled.isEmpty else { return (self, []) }
    let panel = SeriesPanel(
      keyNames: keyNames, keys: keys, keyValues: keyValues, groups: groups + filled.map(\.group),
      periods: Column(periods.values + filled.map(\.period)),
      values: Column(optionals: (0..<values.count).map { values[$0] } + filled.map { _ in Optional(value) }), frequency: frequency)
    return (panel, filled)
  }

  /// The rows `rows`, same groups.
  public func subset(_ rows: [Int]) -> SeriesPanel {
    SeriesPanel(
      keyNames: keyNames, keys: keys, keyValues: keyValues, groups: rows.map { groups[$0] }, periods: periods.take(rows),
      values: values.take(rows), frequency: frequency)
  }

  /// Key columns for output rows whose groups are `groupsOfRows`.
  func keyColumns(_ groupsOfRows: [Int32]) -> [(String, AnyColumn)] {
    let indices = groupsOfRows.map { Int($0) }
    return zip(keyNames, keyValues).map { name, column in (name, column.take(indices)) }
  }
}
