import Columnar

/// One incident of an IOM Missing Migrants export, as the indicator reads it.
public struct MissingMigrantsIncident: Sendable, Equatable {
  public let row: Int
  public let id: String
  /// Dead (bodies recovered); `nil` = blank (unknown, not zero).
  public let dead: Int64?
  /// Minimum estimated missing; `nil` = blank.
  public let missing: Int64?
  /// The stated total when the export has one and it is not blank.
  public let statedTotal: Int64?
  /// The month the incident is placed in (recorded date, else year + month name).
  public let month: Period?
  public let year: Int
}

/// SDG 10.7.3: people dead or missing during migration, from IOM Missing Migrants exports.
///
/// Per incident, the 10.7.3 count is the stated `Total … Dead and Missing` when present, else
/// dead + missing with blanks as unknown (a row with both blank contributes nothing and is
/// reported). A stated total that differs from dead + missing (blanks as 0) is kept as stated
/// — IOM publishes it — and reported. Negative counts are an error naming the row, unless
/// the caller chooses to keep them as published or exclude their incidents (both reported). Cumulative
/// incidents are placed at their recorded (latest) date, the MMP convention. Figures are
/// minimum estimates (methodology.md §2).
public enum MissingMigrants {
  /// Disaggregations of ``summarize(_:by:where:)``.
  public enum Breakdown: String, Sendable, CaseIterable, Codable {
    case total, year, month, region, route, cause
    case countryOfIncident = "country-of-incident"
  }

  /// A filter `column = value` (exact text) or `column ~ text` (contains).
  public struct Filter: Sendable, Equatable {
    public let column: String
    public let value: String
    public let contains: Bool

    /// Parses `COL=VALUE` or `COL~TEXT`; `COL` may be a header name or a field name
    /// (`route`, `region`, `cause`, `country-of-incident`).
    public init?(_ text: String) {
      guard let separator = text.firstIndex(where: { $0 == "=" || $0 == "~" }) else { return nil }
      column = String(text[..<separator])
      value = String(text[text.index(after: separator)...])
      contains = text[separator] == "~"
    }
  }

  /// What to do with a negative dead, missing or total count (IOM exports carry a few, e.g.
  /// split incidents whose parts correct each other: missing −2 in HDX row 2015.MMP00513).
  public enum NegativePolicy: String, Sendable, CaseIterable, Codable {
    /// Stop with an error naming the first such row (the default: nothing is guessed).
    case error
    /// Use the value as published (IOM's stated totals include it) and report every row.
    case keep
    /// Leave the incident out and report it.
    case exclude
  }

  /// The result: one row per breakdown value, plus the rows worth a look.
  public struct Summary: Sendable {
    public let table: Table
    /// Rows whose stated total ≠ dead + missing (kept as stated).
    public let mismatchedRows: [MissingMigrantsIncident]
    /// Rows with no count at all (both blank and no stated total).
    public let unknownRows: [MissingMigrantsIncident]
    /// Rows with a negative count (kept or excluded per the policy).
    public let negativeRows: [MissingMigrantsIncident]
    /// The latest month any incident of the export is placed in (before filters): the extent
    /// of the export, so a later part of that year is not yet covered.
    public let latestMonth: Period?
  }

  /// Reads the incidents of `table` (any known layout).
  /// - Throws: ``MissingMigrantsError`` for a non-export, an unreadable or negative count,
  ///   or an incident with no year.
  public static func incidents(
    _ table: Table, layout: MissingMigrantsLayout, negative: NegativePolicy = .error
  ) throws(MissingMigrantsError) -> [MissingMigrantsIncident] {
    let ids: AnyColumn
    do { ids = try table.column(layout.id) } catch { throw .column(error) }
    let allowNegative = negative != .error
    let dead = try counts(table, layout.dead, ids: ids, allowNegative: allowNegative)
    let missing = try counts(table, layout.missing, ids: ids, allowNegative: allowNegative)
    let totals = try layout.total.map { name throws(MissingMigrantsError) in
      try counts(table, name, ids: ids, allowNegative: allowNegative)
    }
    let years: AnyColumn
    do { years = try table.column(layout.year) } catch { throw .column(error) }
    let dates = layout.date.flatMap { try? table.column($0) }
    let months = layout.month.flatMap { try? table.column($0) }
    var incidents: [MissingMigrantsIncident] = []
    incidents.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      let id = ids.text(at: row) ?? "(blank)"
      var month: Period?
      if case .date(let days)? = dates, let day = days[row] {
        month = Period.day(Int(day)).converted(to: .monthly)
      } else if let yearText = years.text(at: row), let year = Int(yearText), let name = months?.text(at: row),
        let index = englishMonth(name)
      {
        month = .month(year, index)
      }
      guard let yearText = years.text(at: row), let year = Int(yearText) ?? month?.year else {
        throw .noPeriod(row: row, incident: id)
      }
      incidents.append(
        MissingMigrantsIncident(
          row: row, id: id, dead: dead[row], missing: missing[row], statedTotal: totals?[row], month: month, year: year))
    }
    return incidents
  }

  /// The 10.7.3 count of one incident: the stated total, else dead + missing (blank as
  /// unknown); `nil` when nothing is known.
  public static func count(_ incident: MissingMigrantsIncident) -> Int64? {
    if let stated = incident.statedTotal { return stated }
    if incident.dead == nil, incident.missing == nil { return nil }
    // Each count is at most 10^15 (checked when read), so this sum cannot overflow.
    return (incident.dead ?? 0) + (incident.missing ?? 0)
  }

  /// Totals by `breakdown`, after keeping the rows that match every filter.
  public static func summarize(
    _ table: Table, by breakdown: Breakdown, where filters: [Filter] = [], negative: NegativePolicy = .error
  ) throws(MissingMigrantsError) -> Summary {
    try summarize(table, by: breakdown == .total ? [] : [breakdown], where: filters, negative: negative)
  }

  /// Totals by several breakdowns at once (e.g. year × route), after the filters.
  ///
  /// Output columns: `period` (for `year` or `month`; at most one of them), the other
  /// breakdowns by name, `incidents`, `dead`, `missing`, `total_dead_and_missing`. `dead` and
  /// `missing` sum the known values; the total sums the 10.7.3 count of each incident. Rows are
  /// sorted by the keys (periods in time order).
  public static func summarize(
    _ table: Table, by breakdowns: [Breakdown], where filters: [Filter] = [], negative: NegativePolicy = .error
  ) throws(MissingMigrantsError) -> Summary {
    let layout = try MissingMigrantsLayout(table)
    let all = try incidents(table, layout: layout, negative: negative)
    var keep = [Bool](repeating: true, count: table.rowCount)
    for filter in filters {
      let column = try resolve(filter.column, layout: layout, table: table)
      for row in 0..<table.rowCount where keep[row] {
        let text = column.text(at: row) ?? ""
        keep[row] = filter.contains ? text.contains(filter.value) : text == filter.value
      }
    }
    let timeBreakdowns = breakdowns.filter { $0 == .year || $0 == .month }
    guard timeBreakdowns.count <= 1 else { throw .unavailable("by: year and month cannot be combined") }
    let time = timeBreakdowns.first
    let others = breakdowns.filter { $0 != .year && $0 != .month && $0 != .total }
    var keyColumns: [AnyColumn] = []
    for breakdown in others { keyColumns.append(try resolve(breakdown.rawValue, layout: layout, table: table)) }
    struct Key: Hashable {
      let period: Period?
      let values: [String?]
    }
    struct Totals {
      var incidents: Int64 = 0
      var dead: Int64 = 0
      var missing: Int64 = 0
      var total: Int64 = 0
    }
    var byKey: [Key: Totals] = [:]
    var mismatched: [MissingMigrantsIncident] = []
    var unknown: [MissingMigrantsIncident] = []
    var negatives: [MissingMigrantsIncident] = []
    for incident in all where keep[incident.row] {
      if [incident.dead, incident.missing, incident.statedTotal].contains(where: { ($0 ?? 0) < 0 }) {
        negatives.append(incident)
        if negative == .exclude { continue }
      }
      var period: Period?
      switch time {
      case .year?: period = .year(incident.year)
      case .month?:
        guard let month = incident.month else { throw .noPeriod(row: incident.row, incident: incident.id) }
        period = month
      default: period = nil
      }
      let key = Key(period: period, values: keyColumns.map { $0.text(at: incident.row) })
      var totals = byKey[key] ?? Totals()
      totals.incidents += 1
      // Checked sums: an overflow is an error naming the column, never a trap.
      func add(_ sum: inout Int64, _ value: Int64, _ column: String) throws(MissingMigrantsError) {
        let (result, overflow) = sum.addingReportingOverflow(value)
        guard !overflow else { throw .unavailable("column '\(column)': the total of the counts exceeds what a 64-bit integer holds (near incident \(incident.id), data row \(incident.row + 1))") }
        sum = result
      }
      try add(&totals.dead, incident.dead ?? 0, layout.dead)
      try add(&totals.missing, incident.missing ?? 0, layout.missing)
      if let count = count(incident) {
        try add(&totals.total, count, layout.total ?? "total")
      } else {
        unknown.append(incident)
      }
      if let stated = incident.statedTotal, stated != (incident.dead ?? 0) &+ (incident.missing ?? 0) {
        mismatched.append(incident)
      }
      byKey[key] = totals
    }
    let keys = byKey.keys.sorted { lhs, rhs in
      if let a = lhs.period, let b = rhs.period, a != b { return a < b }
      for (a, b) in zip(lhs.values, rhs.values) where a != b { return (a ?? "") < (b ?? "") }
      return false
    }
    var columns: [(String, AnyColumn)] = []
    if let time {
      columns.append(("period", .period(Column(keys.map { $0.period! }), time == .year ? .annual : .monthly)))
    }
    for (index, breakdown) in others.enumerated() {
      columns.append((breakdown.rawValue, .string(StringColumn(keys.map { $0.values[index].flatMap { $0.isEmpty ? nil : $0 } }))))
    }
    columns.append(("incidents", .int64(Column(keys.map { byKey[$0]!.incidents }))))
    columns.append(("dead", .int64(Column(keys.map { byKey[$0]!.dead }))))
    columns.append(("missing", .int64(Column(keys.map { byKey[$0]!.missing }))))
    columns.append(("total_dead_and_missing", .int64(Column(keys.map { byKey[$0]!.total }))))
    do {
      return Summary(
        table: try Table(columns), mismatchedRows: mismatched, unknownRows: unknown, negativeRows: negatives,
        latestMonth: all.compactMap(\.month).max())
    } catch {
      throw .column(error)
    }
  }

  /// The header of `table` behind a field name (`route`, `region`, `cause`,
  /// `country-of-incident`, `country-of-origin`) or a header itself; `nil` when the layout has
  /// no such column.
  public static func header(_ name: String, in table: Table) -> String? {
    guard let layout = try? MissingMigrantsLayout(table) else { return name }
    return header(name, layout: layout)
  }

  static func header(_ name: String, layout: MissingMigrantsLayout) -> String? {
    switch name {
    case "route": layout.route
    case "region": layout.region
    case "cause": layout.cause
    case "country-of-incident": layout.countryOfIncident
    case "country-of-origin": layout.countryOfOrigin
    default: name
    }
  }

  static func resolve(_ name: String, layout: MissingMigrantsLayout, table: Table) throws(MissingMigrantsError) -> AnyColumn {
    let field: String?
    switch name {
    case "route": field = layout.route
    case "region": field = layout.region
    case "cause": field = layout.cause
    case "country-of-incident": field = layout.countryOfIncident
    case "country-of-origin": field = layout.countryOfOrigin
    default: field = name
    }
    guard let field else {
      throw .unavailable("this Missing Migrants layout has no \(name) column (columns: \(table.schema.names.joined(separator: ", ")))")
    }
    do { return try table.column(field) } catch { throw .column(error) }
  }

  /// Reads a count column: integers; text such as `1,022` (thousands commas) is accepted;
  /// blank is `nil`; a negative value or other text is an error naming the row.
  static func counts(_ table: Table, _ name: String, ids: AnyColumn, allowNegative: Bool) throws(MissingMigrantsError) -> [Int64?] {
    let column: AnyColumn
    do { column = try table.column(name) } catch { throw .column(error) }
    var values = [Int64?](repeating: nil, count: table.rowCount)
    for row in 0..<table.rowCount {
      guard let text = column.text(at: row) else { continue }
      let value: Int64
      switch column {
      case .int64(let integers): value = integers.values[row]
      case .double(let doubles):
        let double = doubles.values[row]
        guard double == double.rounded(), abs(double) < 1e15 else {
          throw .badCount(row: row, incident: ids.text(at: row) ?? "", column: name, text: text)
        }
        value = Int64(double)
      default:
        guard let parsed = groupedInteger(text) else {
          throw .badCount(row: row, incident: ids.text(at: row) ?? "", column: name, text: text)
        }
        value = parsed
      }
      guard value >= 0 || allowNegative else {
        throw .negativeCount(row: row, incident: ids.text(at: row) ?? "", column: name, value: value)
      }
      // No incident counts 10^15 people; the bound also keeps every sum of two counts in range.
      guard value.magnitude < 1_000_000_000_000_000 else {
        throw .badCount(row: row, incident: ids.text(at: row) ?? "", column: name, text: text)
      }
      values[row] = value
    }
    return values
  }

  /// `1022`, `1,022`, `-5`; groups of three digits after each comma.
  static func groupedInteger(_ text: String) -> Int64? {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard let head = parts.first, !head.isEmpty, head.count <= (parts.count > 1 ? 4 : 19) else { return nil }
    for part in parts.dropFirst() where part.count != 3 || !part.allSatisfy(\.isASCII) { return nil }
    return Int64(parts.joined())
  }

  static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  ]

  /// `Jan`, `January` (any case) → 1…12.
  static func englishMonth(_ text: String) -> Int? {
    let lower = text.lowercased()
    if let index = monthNames.firstIndex(of: lower) { return index + 1 }
    if lower.count == 3, let index = monthNames.firstIndex(where: { $0.hasPrefix(lower) }) { return index + 1 }
    return nil
  }
}
