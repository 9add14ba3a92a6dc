import Columnar

/// When day 1 of a count of business days is.
public enum StartConvention: String, Sendable, CaseIterable, Codable {
  /// Day 1 is the first business day after the triggering date ("a partir del día hábil
  /// siguiente", LRPCAP art. 18; LFPA: from the day after notification). The default.
  case nextDay = "next-day"
  /// The triggering date itself is day 1 when it is a business day.
  case sameDay = "same-day"
}

/// A business-day calendar: weekends, statutory holidays and agency non-working days or
/// suspension windows (DOF acuerdos) are not business days.
///
/// Counting uses a prefix sum over the covered range, so each count is O(1) after an O(days)
/// build: 10^7 cases cost two array reads each.
public struct BusinessCalendar: Sendable {
  /// Name, e.g. `mx-federal`.
  public let name: String
  private let nonWorking: Set<Int>
  private let suspensions: [ClosedRange<Int>]

  /// The Mexican federal calendar: Saturdays, Sundays, ``MexicanFederalHolidays``, plus
  /// `agencyDays` (non-working days) and `suspensions` (inclusive windows in which no day is
  /// hábil, e.g. the 2020 COMAR suspension).
  public static func mexicanFederal(
    years: ClosedRange<Int>, agencyDays: [Int] = [], suspensions: [ClosedRange<Int>] = []
  ) -> BusinessCalendar {
    var days = Set(agencyDays)
    for year in years { days.formUnion(MexicanFederalHolidays.days(year: year)) }
    return BusinessCalendar(name: "mx-federal", nonWorking: days, suspensions: suspensions)
  }

  /// A calendar with weekends plus the given non-working days and suspension windows.
  public init(name: String, nonWorking: Set<Int>, suspensions: [ClosedRange<Int>]) {
    self.name = name
    self.nonWorking = nonWorking
    self.suspensions = suspensions
  }

  /// Whether `day` (days since 1970-01-01) is a business day.
  public func isBusinessDay(_ day: Int) -> Bool {
    CivilDate.isoWeekday(days: day) <= 5 && !nonWorking.contains(day) && !suspensions.contains { $0.contains(day) }
  }

  /// Business days in `(from, to]` (0 when `to ≤ from`).
  public func count(from: Int, to: Int) -> Int {
    guard to > from else { return 0 }
    var total = 0
    for day in (from + 1)...to where isBusinessDay(day) { total += 1 }
    return total
  }

  /// The date `n` business days after `start`: with `.nextDay`, the n-th business day after
  /// it; with `.sameDay`, `start` counts as day 1 when it is a business day. `n = 0` returns
  /// `start`.
  public func add(_ n: Int, to start: Int, convention: StartConvention = .nextDay) -> Int {
    precondition(n >= 0, "BusinessCalendar.add: negative n \(n)")
    guard n > 0 else { return start }
    var remaining = n
    var day = start
    if convention == .sameDay, isBusinessDay(start) {
      remaining -= 1
      if remaining == 0 { return start }
    }
    while remaining > 0 {
      day += 1
      if isBusinessDay(day) { remaining -= 1 }
    }
    return day
  }

  /// A counter over `[first, last]` with O(1) counts (prefix sums).
  public func counter(first: Int, last: Int) -> BusinessDayCounter {
    BusinessDayCounter(calendar: self, first: first, last: last)
  }
}

/// O(1) business-day counts inside a fixed range of days.
public struct BusinessDayCounter: Sendable {
  /// First covered day.
  public let first: Int
  /// Last covered day.
  public let last: Int
  private let cumulative: [Int32]

  init(calendar: BusinessCalendar, first: Int, last: Int) {
    precondition(last >= first, "BusinessDayCounter: empty range")
    self.first = first
    self.last = last
    var running: Int32 = 0
    var cumulative = [Int32](repeating: 0, count: last - first + 1)
    for day in first...last {
      if calendar.isBusinessDay(day) { running += 1 }
      cumulative[day - first] = running
    }
    self.cumulative = cumulative
  }

  /// Business days in `(from, to]`; both must lie in `[first, last]`.
  @inlinable
  public func count(from: Int, to: Int) -> Int {
    guard to > from else { return 0 }
    return Int(cumulativeCount(to) - cumulativeCount(from))
  }

  @usableFromInline
  func cumulativeCount(_ day: Int) -> Int32 { cumulative[day - first] }
}

/// Agency non-working days and suspension windows from a table with date columns `from` and
/// `to` (`to` blank = one day).
public enum SuspensionWindows {
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    case columns
    case blankFrom(row: Int)
    case reversed(row: Int)

    public var description: String {
      switch self {
      case .columns: "columns 'from' and 'to' must be ISO dates"
      case .blankFrom(let row): "data row \(row + 1): 'from' is blank"
      case .reversed(let row): "data row \(row + 1): 'to' is before 'from'"
      }
    }
  }

  /// The windows as day ranges (days since 1970-01-01), in table order.
  public static func read(_ table: Table) throws(Failure) -> [ClosedRange<Int>] {
    guard case .date(let from)? = try? table.column("from"), case .date(let to)? = try? table.column("to") else { throw .columns }
    var windows: [ClosedRange<Int>] = []
    for row in 0..<table.rowCount {
      guard let start = from[row] else { throw .blankFrom(row: row) }
      let end = to[row] ?? start
      guard end >= start else { throw .reversed(row: row) }
      windows.append(Int(start)...Int(end))
    }
    return windows
  }

  /// How a suspension file is read: `from` and `to` as dates.
  public static let reading = InputReading(types: ["from": .type(.date), "to": .type(.date)])
}
