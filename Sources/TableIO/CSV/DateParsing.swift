import Columnar

/// Date parsers over raw bytes; every parser returns days since 1970-01-01 or `nil`.
///
/// All of them reject impossible dates (30 February, month 13) and years outside 1...9999.
enum DateParsing {
  static let englishMonths: [[UInt8]] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ].map { Array($0.utf8) }
  static let englishMonthNames: [[UInt8]] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ].map { Array($0.utf8) }
  static let weekdays: [[UInt8]] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { Array($0.utf8) }

  static func parse(_ format: DateFormat, _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
    switch format {
    case .iso: return iso(p, start, end)
    case .mdy: return slashed(p, start, end, monthFirst: true)
    case .dmy: return slashed(p, start, end, monthFirst: false)
    case .dMonYY: return dayMonthYY(p, start, end)
    case .monthDayYear: return monthDayYear(p, start, end)
    case .drupal: return drupal(p, start, end)
    }
  }

  @inline(__always)
  static func checked(_ year: Int, _ month: Int, _ day: Int) -> Int32? {
    guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
    return Int32(CivilDate.days(year: year, month: month, day: day))
  }

  /// Reads 1…`maxDigits` digits from `index`; advances it.
  @inline(__always)
  static func digits(_ p: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int, min: Int, max: Int) -> Int? {
    var value = 0
    var count = 0
    while index < end, count < max, p[index] &- 48 < 10 {
      value = value * 10 + Int(p[index] &- 48)
      index += 1
      count += 1
    }
    return count >= min ? value : nil
  }

  /// `YYYY-MM-DD`.
  static func iso(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
    guard end - start == 10, p[start + 4] == UInt8(ascii: "-"), p[start + 7] == UInt8(ascii: "-") else { return nil }
    var index = start
    guard let year = digits(p, &index, start + 4, min: 4, max: 4) else { return nil }
    index = start + 5
    guard let month = digits(p, &index, start + 7, min: 2, max: 2) else { return nil }
    index = start + 8
    guard let day = digits(p, &index, end, min: 2, max: 2) else { return nil }
    return checked(year, month, day)
  }

  /// `M/D/YYYY` or `D/M/YYYY` with one- or two-digit day and month.
  static func slashed(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, monthFirst: Bool) -> Int32? {
    var index = start
    guard let first = digits(p, &index, end, min: 1, max: 2), index < end, p[index] == UInt8(ascii: "/") else { return nil }
    index += 1
    guard let second = digits(p, &index, end, min: 1, max: 2), index < end, p[index] == UInt8(ascii: "/") else { return nil }
    index += 1
    let yearStart = index
    guard let year = digits(p, &index, end, min: 4, max: 4), index == end, index - yearStart == 4 else { return nil }
    return monthFirst ? checked(year, first, second) : checked(year, second, first)
  }

  /// `9-Jul-19` (two-digit year: 00–29 → 2000–2029, 30–99 → 1930–1999, as Excel).
  static func dayMonthYY(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
    var index = start
    guard let day = digits(p, &index, end, min: 1, max: 2), index + 4 < end, p[index] == UInt8(ascii: "-") else { return nil }
    index += 1
    guard let month = monthAbbreviation(p, index, end), p[index + 3] == UInt8(ascii: "-") else { return nil }
    index += 4
    let yearStart = index
    guard let yy = digits(p, &index, end, min: 2, max: 2), index == end, index - yearStart == 2 else { return nil }
    return checked(yy < 30 ? 2000 + yy : 1900 + yy, month, day)
  }

  /// `January 05, 2020`.
  static func monthDayYear(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
    var index = start
    while index < end, (p[index] | 0x20) >= 97, (p[index] | 0x20) <= 122 { index += 1 }
    let word = (start..<index).map { p[$0] | 0x20 }
    guard let month = englishMonthNames.firstIndex(of: word).map({ $0 + 1 }), index < end, p[index] == UInt8(ascii: " ") else {
      return nil
    }
    index += 1
    guard let day = digits(p, &index, end, min: 1, max: 2), index + 1 < end, p[index] == UInt8(ascii: ","),
      p[index + 1] == UInt8(ascii: " ")
    else { return nil }
    index += 2
    let yearStart = index
    guard let year = digits(p, &index, end, min: 4, max: 4), index == end, index - yearStart == 4 else { return nil }
    return checked(year, month, day)
  }

  /// `Thu, 01/01/2026 - 12:00`: the weekday picks month/day order and must match the date.
  static func drupal(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
    guard end - start >= 16, p[start + 3] == UInt8(ascii: ","), p[start + 4] == UInt8(ascii: " ") else { return nil }
    let word = (start..<(start + 3)).map { p[$0] | 0x20 }
    guard let weekday = weekdays.firstIndex(of: word).map({ $0 + 1 }) else { return nil }
    var index = start + 5
    let dateStart = index
    while index < end, p[index] != UInt8(ascii: " ") { index += 1 }
    let dateEnd = index
    // Optional " - HH:MM" time of day, validated and dropped.
    if index < end {
      guard end - index == 8, p[index + 1] == UInt8(ascii: "-"), p[index + 2] == UInt8(ascii: " "),
        p[index + 5] == UInt8(ascii: ":")
      else { return nil }
      var cursor = index + 3
      guard let hour = digits(p, &cursor, index + 5, min: 2, max: 2), hour < 24 else { return nil }
      cursor = index + 6
      guard let minute = digits(p, &cursor, end, min: 2, max: 2), minute < 60 else { return nil }
    }
    for monthFirst in [true, false] {
      if let days = slashed(p, dateStart, dateEnd, monthFirst: monthFirst), CivilDate.isoWeekday(days: Int(days)) == weekday {
        return days
      }
    }
    return nil
  }

  static func monthAbbreviation(_ p: UnsafePointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
    guard index + 3 <= end else { return nil }
    let word = [p[index] | 0x20, p[index + 1] | 0x20, p[index + 2] | 0x20]
    return englishMonths.firstIndex(of: word).map { $0 + 1 }
  }
}
