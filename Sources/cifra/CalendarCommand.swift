import ArgumentParser
import Columnar
import Indicators
import TableIO

extension StartConvention: ExpressibleByArgument {}

/// Options that build a business-day calendar (shared by `calendar` and `sdg refugee-in-time`).
struct CalendarOptions: ParsableArguments {
  @Option(help: "Calendar: mx-federal (Saturdays, Sundays, statutory rest days of federal servants).")
  var calendar = "mx-federal"
  @Option(
    name: .customLong("non-working"),
    help: "CSV of agency non-working days and suspension windows: columns from,to[,description] (to blank = one day). Repeatable.")
  var nonWorking: [String] = []
  @Option(help: "Day 1 of a count: next-day (the first business day after the date, default) or same-day.")
  var convention: StartConvention = .nextDay

  func validate() throws {
    guard calendar == "mx-federal" else { throw ValidationError("unknown calendar '\(calendar)' (known: mx-federal)") }
  }

  /// The calendar for `years`, with the agency days and windows of the given files.
  func make() throws -> (ClosedRange<Int>) -> BusinessCalendar {
    var windows: [ClosedRange<Int>] = []
    for file in nonWorking {
      var options = CSVOptions()
      options.types = ["from": .type(.date), "to": .type(.date)]
      let table = try CSVReader.read(file, options: options).table
      guard case .date(let from) = try table.column("from"), case .date(let to) = try table.column("to") else {
        throw CLIError("\(file): columns 'from' and 'to' must be ISO dates")
      }
      for row in 0..<table.rowCount {
        guard let start = from[row] else { throw CLIError("\(file), data row \(row + 1): 'from' is blank") }
        let end = to[row] ?? start
        guard end >= start else { throw CLIError("\(file), data row \(row + 1): 'to' is before 'from'") }
        windows.append(Int(start)...Int(end))
      }
    }
    return { years in BusinessCalendar.mexicanFederal(years: years, suspensions: windows) }
  }
}

/// `cifra calendar add|count`.
struct CalendarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calendar", abstract: "Business days on the Mexican federal calendar.",
    subcommands: [CalendarAdd.self, CalendarCount.self])
}

func parseDay(_ text: String, option: String) throws -> Int {
  do {
    let parsed = try PeriodParser.parse(text)
    guard parsed.period.frequency == .daily else { throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD)") }
    return parsed.period.ordinal
  } catch let error as PeriodError {
    throw ValidationError("\(option): \(error)")
  }
}

struct CalendarAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "The date N business days after DATE.",
    discussion: """
      Example (filed Mon 2025-03-03, 45 business days, statutory days only): cifra calendar add 2025-03-03 45 → 2025-05-08
      """)
  @Argument(help: "Start date (YYYY-MM-DD).") var date: String
  @Argument(help: "Number of business days (≥ 0).") var days: Int
  @OptionGroup var calendar: CalendarOptions

  func validate() throws {
    guard days >= 0 else { throw ValidationError("N must be ≥ 0") }
    _ = try parseDay(date, option: "DATE")
  }

  func run() throws {
    let start = try parseDay(date, option: "DATE")
    let year = CivilDate.civil(fromDays: start).year
    let result = try calendar.make()(year...(year + 2 + days / 200)).add(days, to: start, convention: calendar.convention)
    FileHandleOutput.standardOutput(CivilDate.isoString(days: result) + "\n")
  }
}

struct CalendarCount: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "count", abstract: "Business days in (FROM, TO].",
    discussion: "Example: cifra calendar count 2025-03-03 2025-05-09 → 46")
  @Argument(help: "From (excluded).") var from: String
  @Argument(help: "To (included).") var to: String
  @OptionGroup var calendar: CalendarOptions

  func run() throws {
    let start = try parseDay(from, option: "FROM")
    let end = try parseDay(to, option: "TO")
    let years = CivilDate.civil(fromDays: min(start, end)).year...CivilDate.civil(fromDays: max(start, end)).year
    FileHandleOutput.standardOutput(String(try calendar.make()(years).count(from: start, to: end)) + "\n")
  }
}
