import Columnar

/// Statutory rest days of Mexican federal public servants (LFTSE art. 29, LFT art. 74 as
/// reformed in 2006, and the decree of 12 Jul 2024), by year.
///
/// 1 Jan; first Monday of February; third Monday of March; 1 May; 5 May; 16 Sep; third Monday
/// of November; 25 Dec; 1 Oct every six years from 2024 (transfer of the federal executive),
/// 1 Dec every six years before (2000, 2006, 2012, 2018). Before 2006 the Monday holidays were
/// fixed dates (5 Feb, 21 Mar, 20 Nov). A holiday on a weekend is not moved. Election days,
/// Holy Week and agency vacations are not statutory here: load them as agency days.
public enum MexicanFederalHolidays {
  /// The statutory rest days of `year`, as days since 1970-01-01, sorted.
  public static func days(year: Int) -> [Int] {
    var dates: [(Int, Int)] = [(1, 1), (5, 1), (5, 5), (9, 16), (12, 25)]
    if year >= 2006 {
      dates.append((2, nthMonday(1, month: 2, year: year)))
      dates.append((3, nthMonday(3, month: 3, year: year)))
      dates.append((11, nthMonday(3, month: 11, year: year)))
    } else {
      dates += [(2, 5), (3, 21), (11, 20)]
    }
    if year >= 2024, (year - 2024) % 6 == 0 { dates.append((10, 1)) }
    if year < 2024, year >= 1934, (2024 - year) % 6 == 0 { dates.append((12, 1)) }
    return dates.map { CivilDate.days(year: year, month: $0.0, day: $0.1) }.sorted()
  }

  /// Day of the month of the n-th Monday of `month`.
  static func nthMonday(_ n: Int, month: Int, year: Int) -> Int {
    let weekday = CivilDate.isoWeekday(days: CivilDate.days(year: year, month: month, day: 1))  // 1 = Monday
    let firstMonday = 1 + (8 - weekday) % 7
    return firstMonday + 7 * (n - 1)
  }
}
