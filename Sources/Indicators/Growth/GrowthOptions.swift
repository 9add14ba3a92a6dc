import Columnar
import Kernels

/// The growth measures `cifra growth` computes (methodology.md §4.1).
public enum GrowthMethod: String, Sendable, CaseIterable, Codable {
  /// Period over period: `X_t / X_{t−1} − 1` (calendar lag 1, or `--lag`).
  case pop
  /// Year over year: `X_t / X_{t−P} − 1`, P = periods per year (12, 4, 2, 1).
  case yoy
  /// Annualised one-period change: `(X_t / X_{t−1})^P − 1`.
  case annualized
  /// Compound annual growth over the span: `(X_n / X_0)^(1/n) − 1`, n in years.
  case cagr
  /// Exponential end-point rate (WDI, population): `ln(X_n / X_0) / n`.
  case exponential
  /// Least-squares rate (WDI): OLS of `ln X_t` on t (years), `r = e^b − 1`.
  case leastSquares = "least-squares"
  /// Index with a base period = 100: `I_t = 100 · X_t / X_b`.
  case index
  /// Chain-linked index from link relatives `L_t = X_t / X_{t−1}`: `I_t = I_{t−1} · L_t`.
  case chain
  /// Contributions of components to the growth of their total, in percentage points.
  case contribution

  /// Whether the method gives one row per group (whole-span rates) instead of one per period.
  public var isWholeSpan: Bool { self == .cagr || self == .exponential || self == .leastSquares }
}

/// Options of ``Growth/compute(_:options:)``: names of the input columns and the method.
public struct GrowthOptions: Sendable {
  /// Column holding the values.
  public var value: String
  /// Column holding the periods (period labels, ISO dates, or integer years).
  public var period: String
  /// Grouping columns (each group is its own series).
  public var by: [String] = []
  /// Read period labels as periods of this frequency (the containing period: `2022-03-15` as
  /// `M` is `2022-03`). `nil` = the labels' own frequency (dates are days, integers years).
  public var periodFrequency: Frequency?
  /// Aggregate to this coarser frequency before computing (`nil` = no aggregation).
  public var frequency: Frequency?
  /// Combine rows that share a group and a period with this function before anything else
  /// (microdata: several records per period). `nil`: such rows are an error.
  public var collapse: AggregateFunction?
  /// How sub-periods combine when aggregating.
  public var aggregate: AggregateFunction = .sum
  /// Keep aggregated periods that miss sub-periods (marked `complete = false`).
  public var keepIncomplete = false
  /// Value for the periods a group has no row for, within the data's span (`nil`: absent
  /// stays absent). For counts where a missing row means zero.
  public var fillAbsent: Double?
  /// The measure.
  public var method: GrowthMethod = .pop
  /// Lag in periods for `pop` / `annualized` (default 1) and `yoy` (default: one year).
  public var lag: Int?
  /// Base period label for `index` (and to rebase `chain`).
  public var base: String?
  /// First period to use (label).
  public var from: String?
  /// Last period to use (label).
  public var to: String?
  /// Compare Jan..m of each year with Jan..m of the previous year, m = the last sub-period of
  /// the latest year.
  public var yearToDate = false
  /// Component column for `contribution`.
  public var component: String?
  /// Rows to keep before anything else (`where`).
  public var filters: [RowFilter] = []

  /// Options for a value and a period column.
  public init(value: String, period: String) {
    self.value = value
    self.period = period
  }
}

extension GrowthOptions: IndicatorOptions {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.options()
    self.init(value: try c.required("value"), period: try c.required("period"))
    by = try c.value("by", [])
    periodFrequency = try c.optional("period-freq")
    frequency = try c.optional("freq")
    aggregate = try c.value("aggregate", .sum)
    collapse = try c.optional("collapse")
    keepIncomplete = try c.value("keep-incomplete", false)
    fillAbsent = try c.optional("fill-absent")
    method = try c.value("method", .pop)
    lag = try c.optional("lag")
    base = try c.optional("base")
    from = try c.optional("from")
    to = try c.optional("to")
    yearToDate = try c.value("ytd", false)
    component = try c.optional("component")
    filters = try c.value("where", [])
  }

  /// Lag ≥ 1; `index` needs `base`; `contribution` needs `component`; `lag`, `base` and
  /// `component` only with the methods that use them; `keep-incomplete` and `ytd` only with
  /// period-by-period methods; `ytd` excludes `freq`.
  public func validate() throws(OptionError) {
    if let lag, lag < 1 { throw OptionError("lag", "must be at least 1, got \(lag)") }
    if let fillAbsent, !(fillAbsent.isFinite && fillAbsent >= 0) {
      throw OptionError("fill-absent", "must be a finite count ≥ 0 (0: a missing row means none), got \(fillAbsent)")
    }
    if method == .index, base == nil { throw OptionError("base", "method index needs the base period (= 100)") }
    if method == .contribution, component == nil {
      throw OptionError("component", "method contribution needs the column naming the parts of the total")
    }
    // An option the method does not use is an error, never ignored.
    if lag != nil, ![.pop, .yoy, .annualized, .contribution].contains(method) {
      throw OptionError("lag", "applies to methods pop, yoy, annualized and contribution, not to \(method.rawValue)")
    }
    if base != nil, ![.index, .chain].contains(method) {
      throw OptionError("base", "applies to methods index and chain (the period = 100), not to \(method.rawValue)")
    }
    if component != nil, method != .contribution {
      throw OptionError("component", "applies to method contribution only, not to \(method.rawValue)")
    }
    if method.isWholeSpan, keepIncomplete || yearToDate {
      throw OptionError(keepIncomplete ? "keep-incomplete" : "ytd", "applies to period-by-period methods, not to \(method.rawValue)")
    }
    if yearToDate, frequency != nil { throw OptionError("ytd", "cannot be combined with freq (ytd aggregates by itself)") }
    // A window finer than the reported frequency would be silently widened: refuse it.
    if let target = frequency, let targetPerYear = target.periodsPerYear {
      for (field, label) in [("from", from), ("to", to)] {
        guard let label, let native = try? PeriodParser.parse(label).period.frequency, let perYear = native.periodsPerYear else { continue }
        if perYear > targetPerYear {
          throw OptionError(field, "\(label) is finer than freq \(target.rawValue), which reports whole periods: give a period of frequency \(target.rawValue), or drop freq")
        }
      }
    }
    if let from, let to, let first = try? PeriodParser.parse(from, as: periodFrequency).period,
      let last = try? PeriodParser.parse(to, as: periodFrequency).period, first.frequency == last.frequency, first > last
    {
      throw OptionError("from", "\(from) is after to \(to)")
    }
  }
}

/// A computed growth table plus what the user should know about it.
public struct GrowthResult: Sendable {
  /// The result rows.
  public let table: Table
  /// Warnings for stderr: excluded incomplete periods, zero bases, broken chains, …
  public let warnings: [IndicatorWarning]
}

/// Errors of the growth engine: bad input data or options that cannot apply to the data.
public enum GrowthError: Error, Equatable, Sendable, CustomStringConvertible {
  case column(ColumnError)
  case badPeriodLabel(column: String, row: Int, text: String, detail: String)
  case unsupported(String)

  public var description: String {
    switch self {
    case .column(let error): error.description
    case .badPeriodLabel(let column, let row, let text, let detail):
      row < 0
        ? "\(column): cannot read '\(text)' as a period (\(detail))"
        : "column '\(column)', data row \(row + 1): cannot read '\(text)' as a period (\(detail))"
    case .unsupported(let detail): detail
    }
  }
}
