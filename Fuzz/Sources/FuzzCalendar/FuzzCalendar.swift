import Columnar
import Indicators
import TableIO

/// libFuzzer entry: agency non-working files (`from,to[,description]`) and the business-day
/// calendar built from them. Bytes 0–3 choose a start day (2000–2040) and a number of
/// business days (0–400); the rest is the CSV. Reading must give windows or a typed error,
/// never a crash; on the calendar: `count(a, c) = count(a, b) + count(b, c)`, the O(1) counter
/// equals the day-by-day count, `add(n, a)` is a business day with exactly n business days in
/// `(a, add(n, a)]`, and the SQL form closes exactly the weekdays the calendar closes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalendar(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size >= 4 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let first = CivilDate.days(year: 2000, month: 1, day: 1)
  let start = first + (Int(bytes[0]) << 8 | Int(bytes[1])) % (40 * 365)
  let n = (Int(bytes[2]) << 8 | Int(bytes[3])) % 401
  var options = CSVOptions()
  for (column, type) in SuspensionWindows.reading.types {
    if case .type(let dataType) = type { options.types[column] = .type(dataType) }
  }
  var windows: [ClosedRange<Int>] = []
  if let table = try? CSVReader.read(bytes: Array(bytes.dropFirst(4)), name: "fuzz", options: options).table,
    let read = try? SuspensionWindows.read(table)
  {
    // Windows far outside the span only slow the run: keep those that touch it.
    windows = read.filter { $0.upperBound >= first - 400 && $0.lowerBound <= first + 42 * 365 }
    guard windows.allSatisfy({ $0.count <= 4000 }) else { return 0 }
  }
  let startYear = CivilDate.civil(fromDays: start).year
  let years = startYear...(startYear + 3)
  let calendar = BusinessCalendar.mexicanFederal(years: years, suspensions: windows)
  let end = calendar.add(n, to: start)
  precondition(end >= start, "add went backwards")
  let limit = CivilDate.days(year: years.upperBound, month: 12, day: 31)
  guard end <= limit else { return 0 }  // past the years built: holidays not loaded there
  precondition(calendar.count(from: start, to: end) == n, "(start, add(n, start)] holds \(calendar.count(from: start, to: end)) business days, not \(n)")
  precondition(n == 0 || calendar.isBusinessDay(end), "add(n) landed on a non-business day")
  let middle = start + (end - start) / 2
  precondition(
    calendar.count(from: start, to: end) == calendar.count(from: start, to: middle) + calendar.count(from: middle, to: end),
    "counts do not add over (start, middle] and (middle, end]")
  let counter = calendar.counter(first: start - 1, last: end + 1)
  precondition(counter.count(from: start, to: end) == n && counter.count(from: start - 1, to: middle) == calendar.count(from: start - 1, to: middle), "the counter disagrees")
  let sql = SQLCalendar(calendar, years: years.lowerBound...years.lowerBound)
  let closed = Set(sql.closedWeekdays)
  for day in sql.firstDay...sql.lastDay where CivilDate.isoWeekday(days: day) <= 5 {
    precondition(closed.contains(day) == !calendar.isBusinessDay(day), "the SQL calendar disagrees on \(CivilDate.isoString(days: day))")
  }
  return 0
}
