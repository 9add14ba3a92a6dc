import Columnar
import Indicators
import Testing
import _TestSupport

func day(_ text: String) -> Int { try! PeriodParser.parse(text).period.ordinal }
func iso(_ days: [Int]) -> [String] { days.map { CivilDate.isoString(days: $0) } }

/// Statutory rest days 2020–2026 (LFTSE art. 29, LFT art. 74, decree of 12 Jul 2024). 2024,
/// 2025 and 2026 are the lists of methodology.md §3.4; 2020–2023 are the Mondays published in
/// the DOF for those years (Feb 3/1/7/6, Mar 16/15/21/20, Nov 16/15/21/20).
@Test func mexicanFederalHolidays2020To2026() {
  let expected: [Int: [String]] = [
    2020: ["2020-01-01", "2020-02-03", "2020-03-16", "2020-05-01", "2020-05-05", "2020-09-16", "2020-11-16", "2020-12-25"],
    2021: ["2021-01-01", "2021-02-01", "2021-03-15", "2021-05-01", "2021-05-05", "2021-09-16", "2021-11-15", "2021-12-25"],
    2022: ["2022-01-01", "2022-02-07", "2022-03-21", "2022-05-01", "2022-05-05", "2022-09-16", "2022-11-21", "2022-12-25"],
    2023: ["2023-01-01", "2023-02-06", "2023-03-20", "2023-05-01", "2023-05-05", "2023-09-16", "2023-11-20", "2023-12-25"],
    2024: ["2024-01-01", "2024-02-05", "2024-03-18", "2024-05-01", "2024-05-05", "2024-09-16", "2024-10-01", "2024-11-18", "2024-12-25"],
    2025: ["2025-01-01", "2025-02-03", "2025-03-17", "2025-05-01", "2025-05-05", "2025-09-16", "2025-11-17", "2025-12-25"],
    2026: ["2026-01-01", "2026-02-02", "2026-03-16", "2026-05-01", "2026-05-05", "2026-09-16", "2026-11-16", "2026-12-25"],
  ]
  for (year, days) in expected { #expect(iso(MexicanFederalHolidays.days(year: year)) == days, "\(year)") }
  #expect(iso(MexicanFederalHolidays.days(year: 2018)).contains("2018-12-01"))
  #expect(iso(MexicanFederalHolidays.days(year: 2030)).contains("2030-10-01"))
  #expect(!iso(MexicanFederalHolidays.days(year: 2030)).contains("2030-12-01"))
}

/// Golden cases G-BD-1, G-BD-2, G-BD-4, G-BD-6 of methodology.md §3.4.
@Test func businessDayGoldens() {
  let statutory = BusinessCalendar.mexicanFederal(years: 2024...2026)
  #expect(CivilDate.isoString(days: statutory.add(45, to: day("2025-03-03"))) == "2025-05-08")  // G-BD-1
  let holyWeek = BusinessCalendar.mexicanFederal(years: 2024...2026, suspensions: [day("2025-04-17")...day("2025-04-18")])
  #expect(CivilDate.isoString(days: holyWeek.add(45, to: day("2025-03-03"))) == "2025-05-12")  // G-BD-2
  #expect(statutory.count(from: day("2025-03-03"), to: day("2025-05-09")) == 46)  // G-BD-4
  // G-BD-6: 2024-05-05 is a Sunday; the week around it has its five business days.
  #expect(statutory.count(from: day("2024-05-05"), to: day("2024-05-10")) == 5)
  #expect(statutory.count(from: day("2024-05-03"), to: day("2024-05-06")) == 1)
}

@Test func conventionsAndCounterAgree() {
  let calendar = BusinessCalendar.mexicanFederal(years: 2019...2026)
  // Friday 2025-03-07: next-day convention counts Monday as day 1; same-day counts Friday.
  #expect(CivilDate.isoString(days: calendar.add(1, to: day("2025-03-07"))) == "2025-03-10")
  #expect(CivilDate.isoString(days: calendar.add(1, to: day("2025-03-07"), convention: .sameDay)) == "2025-03-07")
  #expect(calendar.add(0, to: day("2025-03-08")) == day("2025-03-08"))
  let counter = calendar.counter(first: day("2019-01-01"), last: day("2026-12-31"))
  var rng = SplitMix64(seed: 5)
  for _ in 0..<200 {
    let a = day("2019-01-01") + Int(rng.next() % 2500)
    let b = a + Int(rng.next() % 300)
    #expect(counter.count(from: a, to: b) == calendar.count(from: a, to: b))
    let n = calendar.count(from: a, to: b)
    if n > 0 { #expect(calendar.add(n, to: a) <= b) }
  }
}

@Test func suspensionWindowsAreNotBusinessDays() {
  let comar = BusinessCalendar.mexicanFederal(years: 2020...2020, suspensions: [day("2020-03-24")...day("2020-04-19")])
  #expect(comar.count(from: day("2020-03-23"), to: day("2020-04-19")) == 0)
  #expect(comar.count(from: day("2020-03-23"), to: day("2020-04-20")) == 1)
}
