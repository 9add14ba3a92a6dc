/// A calendar period: a frequency plus an ordinal counted from a fixed origin.
///
/// Ordinals: annual = year; semiannual = 2·year + (half − 1); quarterly = 4·year + (q − 1);
/// monthly = 12·year + (month − 1); weekly = ISO weeks since the Monday 1969-12-29;
/// daily = days since 1970-01-01. Lags are therefore calendar arithmetic on the ordinal:
/// the same month one year earlier is `ordinal − 12`, whatever rows exist.
///
/// An annual period may cover other months than January–December (``YearSpan``): part of a
/// year (`ENE-JUN 2022`), a fiscal year (`FY2022` from October) or a year to date
/// (`2025 (FYTD)`). Its ordinal is still the year (for fiscal years, the year they end in),
/// so the same span one year earlier is `ordinal − 1`; periods of different spans are never
/// equal, and the growth measures compare a span only with the same span.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
  // Declared in this order (4 + 2 + 1 bytes) so a period takes 8 bytes.
  /// Stored as 32 bits so a period takes 8 bytes (every supported year 1–9999 fits).
  @usableFromInline let storedOrdinal: Int32
  /// Annual periods only: last month (bits 8–11) and months covered (bits 0–3, 0 = to date);
  /// 0 for the calendar year.
  @usableFromInline let storedSpan: UInt16
  /// The frequency.
  public let frequency: Frequency

  /// Position on the frequency's time line (see the type doc).
  @inlinable public var ordinal: Int { Int(storedOrdinal) }

  /// A period from its frequency and ordinal.
  @inlinable
  public init(_ frequency: Frequency, ordinal: Int) {
    self.frequency = frequency
    storedOrdinal = Int32(truncatingIfNeeded: ordinal)
    storedSpan = 0
  }

  /// The year `year` (for a fiscal year, the year it ends in) covering `span`; the full
  /// calendar span gives the plain year.
  public init(year: Int, span: YearSpan) {
    frequency = .annual
    storedOrdinal = Int32(truncatingIfNeeded: year)
    storedSpan = span == .calendarYear ? 0 : UInt16(span.lastMonth) << 8 | UInt16(span.months ?? 0)
  }

  /// The months an annual period covers (``YearSpan/calendarYear`` for every other frequency).
  public var span: YearSpan {
    storedSpan == 0 ? .calendarYear : YearSpan(lastMonth: Int(storedSpan >> 8), months: storedSpan & 0xF == 0 ? nil : Int(storedSpan & 0xF))
  }

  /// `true` when the period is a year to date (its length is not known from the label).
  public var isToDate: Bool { span.months == nil }

  /// The year `year`.
  public static func year(_ year: Int) -> Period { Period(.annual, ordinal: year) }
  /// Half `half` (1–2) of `year`.
  public static func semester(_ year: Int, _ half: Int) -> Period { Period(.semiannual, ordinal: year * 2 + half - 1) }
  /// Quarter `quarter` (1–4) of `year`.
  public static func quarter(_ year: Int, _ quarter: Int) -> Period { Period(.quarterly, ordinal: year * 4 + quarter - 1) }
  /// Month `month` (1–12) of `year`.
  public static func month(_ year: Int, _ month: Int) -> Period { Period(.monthly, ordinal: year * 12 + month - 1) }
  /// The day `days` since 1970-01-01.
  public static func day(_ days: Int) -> Period { Period(.daily, ordinal: days) }
  /// The ISO week containing the day `days` since 1970-01-01.
  public static func week(containingDay days: Int) -> Period { Period(.weekly, ordinal: floorDiv(days + 3, 7)) }

  /// Ordered by frequency first (coarse before fine), then by ordinal, then by span.
  public static func < (lhs: Period, rhs: Period) -> Bool {
    guard lhs.frequency == rhs.frequency else { return lhs.frequency < rhs.frequency }
    return lhs.ordinal != rhs.ordinal ? lhs.ordinal < rhs.ordinal : lhs.storedSpan < rhs.storedSpan
  }

  /// The period `count` steps later (earlier when negative).
  public func advanced(by count: Int) -> Period {
    storedSpan == 0 ? Period(frequency, ordinal: ordinal + count) : Period(year: ordinal + count, span: span)
  }

  /// The period of the same frequency and span at `ordinal` (`ENE-JUN 2022` at 2021 is `ENE-JUN 2021`).
  public func at(ordinal: Int) -> Period { advanced(by: ordinal - self.ordinal) }

  /// First day (days since 1970-01-01) of the period.
  public var firstDay: Int {
    if storedSpan != 0 {
      let first = span.firstMonth(ordinal)
      return CivilDate.days(year: first.year, month: first.month, day: 1)
    }
    switch frequency {
    case .daily: return ordinal
    case .weekly: return ordinal * 7 - 3
    case .annual, .semiannual, .quarterly, .monthly:
      let months = frequency.monthsPerPeriod!
      let year = Period.floorDiv(ordinal, frequency.periodsPerYear!)
      let index = ordinal - year * frequency.periodsPerYear!
      return CivilDate.days(year: year, month: index * months + 1, day: 1)
    }
  }

  /// Last day (days since 1970-01-01) of the period.
  /// Last day (days since 1970-01-01) of the period; for a year to date, of its whole year.
  public var lastDay: Int {
    if storedSpan != 0 {
      let (year, month) = span.lastMonth == 12 ? (ordinal + 1, 1) : (ordinal, span.lastMonth + 1)
      return CivilDate.days(year: year, month: month, day: 1) - 1
    }
    return advanced(by: 1).firstDay - 1
  }

  /// The calendar year the period starts in (ISO week-year for weeks).
  public var year: Int {
    switch frequency {
    case .annual, .semiannual, .quarterly, .monthly: return Period.floorDiv(ordinal, frequency.periodsPerYear!)
    case .weekly: return CivilDate.civil(fromDays: firstDay + 3).year  // Thursday decides
    case .daily: return CivilDate.civil(fromDays: ordinal).year
    }
  }

  /// Position within the year, 1-based (half, quarter, month, ISO week, day of year).
  public var indexInYear: Int {
    switch frequency {
    case .annual: return 1
    case .semiannual, .quarterly, .monthly: return ordinal - year * frequency.periodsPerYear! + 1
    case .weekly:
      let thursday = firstDay + 3
      return (thursday - CivilDate.days(year: year, month: 1, day: 1)) / 7 + 1
    case .daily: return ordinal - CivilDate.days(year: year, month: 1, day: 1) + 1
    }
  }

  /// The coarser period that contains this one, or `nil` when `target` is not coarser or
  /// equal, or when a week would straddle two months/years (weeks convert to days only).
  public func converted(to target: Frequency) -> Period? {
    if target == frequency { return self }
    if storedSpan != 0 { return nil }
    guard target < frequency else { return nil }
    switch frequency {
    case .annual, .semiannual, .quarterly, .monthly:
      guard let targetPerYear = target.periodsPerYear else { return nil }
      let months = ordinal * (12 / frequency.periodsPerYear!)  // months since year 0
      return Period(target, ordinal: Period.floorDiv(months, 12 / targetPerYear))
    case .daily:
      if target == .weekly { return .week(containingDay: ordinal) }
      let date = CivilDate.civil(fromDays: ordinal)
      return Period.month(date.year, date.month).converted(to: target)
    case .weekly:
      return nil
    }
  }

  /// ISO label: `2021`, `2021-S1`, `2021-Q3`, `2021-07`, `2021-W05`, `2021-07-15`; years
  /// always have four digits (`0022`), so every label reads back as the same period. A span
  /// other than the calendar year is an ISO 8601 interval of months: `2022-01/2022-06`
  /// (January–June), `2021-10/2022-09` (fiscal 2022 from October), `2024-10/..` (to date).
  public var description: String {
    if storedSpan != 0 {
      let first = span.firstMonth(ordinal)
      let start = "\(CivilDate.pad(first.year, 4))-\(CivilDate.pad(first.month, 2))"
      return isToDate ? start + "/.." : "\(start)/\(CivilDate.pad(ordinal, 4))-\(CivilDate.pad(span.lastMonth, 2))"
    }
    switch frequency {
    case .annual: return CivilDate.pad(ordinal, 4)
    case .semiannual: return "\(CivilDate.pad(year, 4))-S\(indexInYear)"
    case .quarterly: return "\(CivilDate.pad(year, 4))-Q\(indexInYear)"
    case .monthly: return "\(CivilDate.pad(year, 4))-\(CivilDate.pad(indexInYear, 2))"
    case .weekly: return "\(CivilDate.pad(year, 4))-W\(CivilDate.pad(indexInYear, 2))"
    case .daily: return CivilDate.isoString(days: ordinal)
    }
  }

  @usableFromInline
  static func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
}

/// The months an annual ``Period`` covers: ending in `lastMonth` of the period's year and
/// `months` long (1–12), or to date (`months == nil`: a running year, `2025 (FYTD)`, whose
/// length the label does not say). A fiscal year from October is `lastMonth` 9, 12 months.
public struct YearSpan: Hashable, Sendable {
  /// Last month of the span (1–12) in the period's year; for a year to date, the last month
  /// of the whole (fiscal) year.
  public let lastMonth: Int
  /// Months covered (1–12), `nil` for a year to date.
  public let months: Int?

  /// A span (`lastMonth` 1–12, `months` 1–12 or `nil`).
  public init(lastMonth: Int, months: Int?) {
    precondition((1...12).contains(lastMonth) && (months.map { (1...12).contains($0) } ?? true), "YearSpan(\(lastMonth), \(String(describing: months)))")
    (self.lastMonth, self.months) = (lastMonth, months)
  }

  /// January–December.
  public static let calendarYear = YearSpan(lastMonth: 12, months: 12)

  /// A fiscal year whose first month is `startMonth` (1: the calendar year), whole or to date.
  public static func fiscalYear(startingIn startMonth: Int, toDate: Bool = false) -> YearSpan {
    YearSpan(lastMonth: startMonth == 1 ? 12 : startMonth - 1, months: toDate ? nil : 12)
  }

  /// The first month of the span in year `year` (a fiscal year may start the year before).
  public func firstMonth(_ year: Int) -> (year: Int, month: Int) {
    let length = months ?? 12
    let first = year * 12 + (lastMonth - 1) - (length - 1)
    return (Period.floorDiv(first, 12), first - Period.floorDiv(first, 12) * 12 + 1)
  }
}
