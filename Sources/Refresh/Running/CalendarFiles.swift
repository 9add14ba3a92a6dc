import Columnar
import Indicators

/// Business-day calendars built from named calendars and agency suspension files.
public enum CalendarFiles {
  /// The calendar `name` (only `mx-federal`) for `years`, with the non-working days and windows
  /// of `files` (CSV with `from`, `to`).
  /// - Throws: ``OptionError`` for an unknown calendar; ``InputProblem`` naming the file for a bad one.
  public static func calendar(_ name: String, files: [String], years: ClosedRange<Int>) throws -> BusinessCalendar {
    guard name == "mx-federal" else { throw OptionError("calendar", "unknown calendar '\(name)' (known: mx-federal)") }
    var windows: [ClosedRange<Int>] = []
    for file in files {
      let table = try InputFile(file).table(SuspensionWindows.reading, jobs: 1, progress: false)
      do { windows += try SuspensionWindows.read(table) } catch { throw InputProblem(file: file, message: error.description) }
    }
    return BusinessCalendar.mexicanFederal(years: years, suspensions: windows)
  }

  /// The ISO date `days` business days after the ISO date `start` (`field` names it in errors).
  public static func add(
    _ days: Int, to start: String, calendar name: String, files: [String], convention: StartConvention
  ) throws -> Int {
    let first = try day(start, field: "DATE")
    try OptionCheck.within(days, 0...36_500, field: "N")
    let year = CivilDate.civil(fromDays: first).year
    return try calendar(name, files: files, years: year...(year + 2 + days / 200)).add(days, to: first, convention: convention)
  }

  /// Business days in (`from`, `to`] (ISO dates); with the same-day convention in [`from`, `to`].
  public static func count(
    from: String, to: String, calendar name: String, files: [String], convention: StartConvention = .nextDay
  ) throws -> Int {
    let (start, end) = (try day(from, field: "FROM"), try day(to, field: "TO"))
    guard start <= end else { throw OptionError("TO", "\(to) is before FROM \(from)") }
    let years = CivilDate.civil(fromDays: min(start, end)).year...CivilDate.civil(fromDays: max(start, end)).year
    return try calendar(name, files: files, years: years).count(from: convention == .sameDay ? start - 1 : start, to: end)
  }

  /// The calendar `name` with the windows of `files` over `years`, as SQL (``SQLCalendar``).
  public static func sql(_ name: String, files: [String], years: ClosedRange<Int>) throws -> SQLCalendar {
    SQLCalendar(try calendar(name, files: files, years: years), years: years)
  }

  /// Years `A-B` (or one year `A`) within 1900–2200, for the option `field`.
  public static func years(_ text: String, field: String) throws(OptionError) -> ClosedRange<Int> {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard (1...2).contains(parts.count), let first = parts.first ?? nil, let last = parts.last ?? nil else {
      throw OptionError(field, "'\(text)' is not a span of years (e.g. 2000-2040)")
    }
    guard (1900...2200).contains(first), (1900...2200).contains(last), first <= last else {
      throw OptionError(field, "'\(text)': years run from 1900 to 2200, the first not after the last")
    }
    return first...last
  }

  static func day(_ text: String, field: String) throws(OptionError) -> Int {
    guard let day = CivilDate.day(iso: text) else { throw OptionError(field, "'\(text)' is not a date (YYYY-MM-DD)") }
    return day
  }
}
