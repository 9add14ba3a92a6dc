/// The frequency of a ``Period``: annual, semi-annual, quarterly, monthly, weekly or daily.
///
/// Raw values are the SDMX `FREQ` codes (A, S, Q, M, W, D).
public enum Frequency: String, Sendable, CaseIterable, Comparable, Hashable, Codable {
  case annual = "A"
  case semiannual = "S"
  case quarterly = "Q"
  case monthly = "M"
  case weekly = "W"
  case daily = "D"

  /// Periods per calendar year, or `nil` for weekly and daily (not a whole number).
  public var periodsPerYear: Int? {
    switch self {
    case .annual: 1
    case .semiannual: 2
    case .quarterly: 4
    case .monthly: 12
    case .weekly, .daily: nil
    }
  }

  /// Months per period for the month-based frequencies (A, S, Q, M).
  public var monthsPerPeriod: Int? { periodsPerYear.map { 12 / $0 } }

  /// Coarse-to-fine order: annual < semiannual < quarterly < monthly < weekly < daily.
  public static func < (lhs: Frequency, rhs: Frequency) -> Bool { lhs.rank < rhs.rank }

  var rank: Int {
    switch self {
    case .annual: 0
    case .semiannual: 1
    case .quarterly: 2
    case .monthly: 3
    case .weekly: 4
    case .daily: 5
    }
  }

  /// Parses `A`/`S`/`Q`/`M`/`W`/`D` (case-insensitive) or the English words.
  public init?(code: String) {
    switch code.lowercased() {
    case "a", "y", "annual", "year", "yearly": self = .annual
    case "s", "semiannual", "semester", "half": self = .semiannual
    case "q", "quarterly", "quarter": self = .quarterly
    case "m", "monthly", "month": self = .monthly
    case "w", "weekly", "week": self = .weekly
    case "d", "daily", "day": self = .daily
    default: return nil
    }
  }
}
