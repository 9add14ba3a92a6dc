/// Conversions between proleptic Gregorian calendar dates and days since 1970-01-01.
///
/// Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
/// (days_from_civil / civil_from_days), exact for every year in `Int32` range.
public enum CivilDate {
  /// Days since 1970-01-01 of `year-month-day` (no validation; see ``isValid(year:month:day:)``).
  @inlinable
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The calendar date of `days` since 1970-01-01.
  @inlinable
  public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Whether the year is a Gregorian leap year.
  @inlinable
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// Number of days in `month` of `year`.
  @inlinable
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Whether the date exists; years are limited to 1...9999 (the range Cifra reads and writes).
  @inlinable
  public static func isValid(year: Int, month: Int, day: Int) -> Bool {
    (1...9999).contains(year) && (1...12).contains(month) && day >= 1
      && day <= daysInMonth(year: year, month: month)
  }

  /// Day of week of `days` since 1970-01-01: 1 = Monday … 7 = Sunday (ISO 8601).
  @inlinable
  public static func isoWeekday(days: Int) -> Int {
    let shifted = (days + 3) % 7  // 1970-01-01 was a Thursday
    return (shifted < 0 ? shifted + 7 : shifted) + 1
  }

  /// ISO form `YYYY-MM-DD` of `days` since 1970-01-01.
  public static func isoString(days: Int) -> String {
    let (year, month, day) = civil(fromDays: days)
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}

extension CivilDate {
  /// The day (days since 1970-01-01) of an ISO date `YYYY-MM-DD`; `nil` for anything else.
  public static func day(iso text: String) -> Int? {
    guard let parsed = try? PeriodParser.parse(text), parsed.period.frequency == .daily else { return nil }
    return parsed.period.ordinal
  }
}
