/// A calendar period: a frequency plus an ordinal counted from a fixed origin.
///
/// Ordinals: annual = year; semiannual = 2·year + (half − 1); quarterly = 4·year + (q − 1);
/// monthly = 12·year + (month − 1); weekly = ISO weeks since the Monday 1969-12-29;
/// daily = days since 1970-01-01. Lags are therefore calendar arithmetic on the ordinal:
/// the same month one year earlier is `ordinal − 12`, whatever rows exist.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The frequency.
  public let frequency: Frequency
  /// Stored as 32 bits so a period takes 8 bytes (every supported year 1–9999 fits).
  @usableFromInline let storedOrdinal: Int32

  /// Position on the frequency's time line (see the type doc).
  @inlinable public var ordinal: Int { Int(storedOrdinal) }

  /// A period from its frequency and ordinal.
  @inlinable
  public init(_ frequency: Frequency, ordinal: Int) {
    self.frequency = frequency
    storedOrdinal = Int32(truncatingIfNeeded: ordinal)
  }

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

  /// Ordered by frequency first (coarse before fine), then by ordinal.
  public static func < (lhs: Period, rhs: Period) -> Bool {
    lhs.frequency == rhs.frequency ? lhs.ordinal < rhs.ordinal : lhs.frequency < rhs.frequency
  }

  /// The period `count` steps later (earlier when negative).
  public func advanced(by count: Int) -> Period { Period(frequency, ordinal: ordinal + count) }

  /// First day (days since 1970-01-01) of the period.
  public var firstDay: Int {
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
  public var lastDay: Int { advanced(by: 1).firstDay - 1 }

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
  /// always have four digits (`0022`), so every label reads back as the same period.
  public var description: String {
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
