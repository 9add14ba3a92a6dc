import Columnar
import Kernels

/// Share of refugee / complementary-protection applications resolved within the legal
/// deadline: 45 business days, 90 when extended (LRPCAP art. 24; seed 003 L206-210).
///
/// `inTime(i) = businessDays(filed_i, resolved_i] ≤ D_i` on the `mx-federal` calendar with
/// agency days and suspensions, `D_i = 45` or `90` if extended (methodology.md §3.3); with the
/// same-day convention the filing day is day 1 when it is a business day: `[filed_i, resolved_i]`.
/// - Resolution cohort (default): cases resolved in each year; share = in time / resolved.
/// - Filing cohort: cases filed in each year; resolved cases are in time or late; pending cases
///   already past their deadline at `asOf` count as late; younger pending cases are reported
///   apart (right-censored, not in the denominator).
/// Which outcomes count as a resolution is an option; the default is recognition,
/// complementary protection and rejection (abandonment and withdrawal are not resolutions of
/// the claim). The interval is Wilson's; with a complete administrative census it describes a
/// process, not sampling error.
public enum RefugeeResolutions {
  /// Which year a case is counted in.
  public enum Cohort: String, Sendable, CaseIterable, Codable {
    case resolved, filed
  }

  /// Column names and rules.
  public struct Options: Sendable {
    public var filed = "filed"
    public var resolved = "resolved"
    public var outcome = "outcome"
    /// Optional column of `true`/`false` (or 1/0): extended deadline.
    public var extended: String? = "extended"
    public var resolvedOutcomes: Set<String> = ["recognized", "complementary", "rejected"]
    public var deadline = 45
    public var extendedDeadline = 90
    public var cohort: Cohort = .resolved
    /// The date pending cases are judged at (filing cohort); default: the latest date in the data.
    public var asOf: Int?
    public var level = 0.95
    public var convention: StartConvention = .nextDay
    public init() {}
  }

  /// Errors in the case table.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    case column(ColumnError)
    case blankFilingDate(row: Int)
    case resolvedBeforeFiled(row: Int, filed: String, resolved: String)
    case badFlag(row: Int, text: String)

    public var description: String {
      switch self {
      case .column(let error): error.description
      case .blankFilingDate(let row): "data row \(row + 1): the filing date is blank"
      case .resolvedBeforeFiled(let row, let filed, let resolved):
        "data row \(row + 1): resolved \(resolved) before it was filed \(filed)"
      case .badFlag(let row, let text): "data row \(row + 1): cannot read '\(text)' as an extension flag (true/false, 1/0)"
      }
    }
  }

  /// Computes the share by year.
  ///
  /// Output columns: `year`, `cases` (the denominator), `in_time`, `late`,
  /// `pending_within_deadline` (filing cohort), `closed_other` (closed with an outcome that is
  /// not a resolution: excluded), `in_time_pct`, `ci_lower_pct`, `ci_upper_pct`.
  public static func compute(
    _ table: Table, options: Options, calendar: (ClosedRange<Int>) -> BusinessCalendar
  ) throws(Failure) -> Table {
    let filed: Column<Int32>
    let resolved: Column<Int32>
    let outcomes: AnyColumn
    do {
      filed = try dates(table, options.filed)
      resolved = try dates(table, options.resolved)
      outcomes = try table.column(options.outcome)
    } catch {
      throw .column(error)
    }
    let extendedColumn = options.extended.flatMap { try? table.column($0) }
    var first = Int.max
    var last = Int.min
    for row in 0..<table.rowCount {
      guard let day = filed[row] else { throw .blankFilingDate(row: row) }
      first = min(first, Int(day))
      last = max(last, Int(day))
      if let end = resolved[row] {
        guard end >= day else {
          throw .resolvedBeforeFiled(row: row, filed: CivilDate.isoString(days: Int(day)), resolved: CivilDate.isoString(days: Int(end)))
        }
        last = max(last, Int(end))
      }
    }
    guard table.rowCount > 0 else { return try emptyResult() }
    let asOf = options.asOf ?? last
    last = max(last, asOf)
    let firstYear = CivilDate.civil(fromDays: first).year
    let lastYear = CivilDate.civil(fromDays: last).year
    let counter = calendar(firstYear...(lastYear + 1)).counter(first: first - 1, last: last + 1)

    struct Tally {
      var inTime = 0
      var late = 0
      var pending = 0
      var closedOther = 0
    }
    // Year of every covered day, and tallies in an array indexed by year (no hashing per row).
    let yearOfDay: [Int16] = (counter.first...counter.last).map { Int16(CivilDate.civil(fromDays: $0).year - firstYear) }
    var tallies = [Tally](repeating: Tally(), count: lastYear - firstYear + 2)
    func yearIndex(_ day: Int) -> Int { Int(yearOfDay[day - counter.first]) }
    // Business days elapsed from filing: (start, end], or [start, end] when the filing day is day 1.
    let sameDay = options.convention == .sameDay
    func elapsed(_ start: Int, _ end: Int) -> Int { counter.count(from: sameDay ? start - 1 : start, to: end) }
    // Per-row lookups without building strings: outcome codes → resolution?, flags → extended?
    let isResolutionOutcome: (Int) -> Bool
    if case .string(let codes) = outcomes {
      let table = codes.dictionary.map { options.resolvedOutcomes.contains($0) }
      isResolutionOutcome = { row in codes.codes.isValid(row) && table[Int(codes.codes.values[row])] }
    } else {
      isResolutionOutcome = { row in outcomes.text(at: row).map { options.resolvedOutcomes.contains($0) } ?? false }
    }
    var extendedFlags = [Bool](repeating: false, count: table.rowCount)
    switch extendedColumn {
    case .bool(let flags)?:
      for row in 0..<table.rowCount { extendedFlags[row] = flags[row] ?? false }
    case .int64(let flags)?:
      for row in 0..<table.rowCount {
        guard let value = flags[row] else { continue }
        guard value == 0 || value == 1 else { throw .badFlag(row: row, text: String(value)) }
        extendedFlags[row] = value == 1
      }
    case let column?:
      for row in 0..<table.rowCount {
        guard let text = column.text(at: row) else { continue }
        switch text.lowercased() {
        case "true", "1", "yes", "si", "sí": extendedFlags[row] = true
        case "false", "0", "no": break
        default: throw .badFlag(row: row, text: text)
        }
      }
    case nil: break
    }
    for row in 0..<table.rowCount {
      let start = Int(filed.values[row])
      let deadline = extendedFlags[row] ? options.extendedDeadline : options.deadline
      let isResolution = resolved.isValid(row) && isResolutionOutcome(row)
      if resolved.isValid(row), !isResolution {
        // Closed without a resolution of the claim (abandoned, withdrawn, …): not in the share.
        let day = options.cohort == .resolved ? Int(resolved.values[row]) : start
        tallies[yearIndex(day)].closedOther += 1
        continue
      }
      switch options.cohort {
      case .resolved:
        guard isResolution else { continue }
        let end = Int(resolved.values[row])
        let inTime = elapsed(start, end) <= deadline
        if inTime { tallies[yearIndex(end)].inTime += 1 } else { tallies[yearIndex(end)].late += 1 }
      case .filed:
        let year = yearIndex(start)
        if isResolution {
          let inTime = elapsed(start, Int(resolved.values[row])) <= deadline
          if inTime { tallies[year].inTime += 1 } else { tallies[year].late += 1 }
        } else if elapsed(start, asOf) > deadline {
          // Pending: late once past the deadline at asOf, else right-censored (reported apart).
          tallies[year].late += 1
        } else {
          tallies[year].pending += 1
        }
      }
    }
    var byYear: [Int: Tally] = [:]
    for (index, tally) in tallies.enumerated() where tally.inTime + tally.late + tally.pending + tally.closedOther > 0 {
      byYear[firstYear + index] = tally
    }
    let years = byYear.keys.sorted()
    var shares: [Double?] = []
    var lowers: [Double?] = []
    var uppers: [Double?] = []
    for year in years {
      let tally = byYear[year]!
      let cases = tally.inTime + tally.late
      shares.append(cases > 0 ? 100 * Double(tally.inTime) / Double(cases) : nil)
      let interval = wilsonInterval(successes: tally.inTime, trials: cases, level: options.level)
      lowers.append(interval.map { 100 * $0.lower })
      uppers.append(interval.map { 100 * $0.upper })
    }
    var columns: [(String, AnyColumn)] = [
      ("year", .period(Column(years.map { Period.year($0) }), .annual)),
      ("cases", .int64(Column(years.map { Int64(byYear[$0]!.inTime + byYear[$0]!.late) }))),
      ("in_time", .int64(Column(years.map { Int64(byYear[$0]!.inTime) }))),
      ("late", .int64(Column(years.map { Int64(byYear[$0]!.late) }))),
    ]
    if options.cohort == .filed {
      columns.append(("pending_within_deadline", .int64(Column(years.map { Int64(byYear[$0]!.pending) }))))
    }
    columns.append(("closed_other", .int64(Column(years.map { Int64(byYear[$0]!.closedOther) }))))
    columns += [
      ("in_time_pct", .double(Column(optionals: shares))),
      ("ci_lower_pct", .double(Column(optionals: lowers))),
      ("ci_upper_pct", .double(Column(optionals: uppers))),
    ]
    do { return try Table(columns) } catch { throw .column(error) }
  }

  static func emptyResult() throws(Failure) -> Table {
    do {
      return try Table([
        ("year", .period(Column([]), .annual)), ("cases", .int64(Column([]))), ("in_time", .int64(Column([]))),
        ("late", .int64(Column([]))), ("closed_other", .int64(Column([]))), ("in_time_pct", .double(Column([]))), ("ci_lower_pct", .double(Column([]))),
        ("ci_upper_pct", .double(Column([]))),
      ])
    } catch {
      throw .column(error)
    }
  }

  static func dates(_ table: Table, _ name: String) throws(ColumnError) -> Column<Int32> {
    let column = try table.column(name)
    switch column {
    case .date(let days): return days
    case .string(let strings) where strings.nullCount == strings.count:
      return Column([Int32](repeating: 0, count: strings.count), validity: Validity(repeating: false, count: strings.count))
    default: throw .typeMismatch(column: name, expected: "ISO dates", actual: column.dataType)
    }
  }
}
