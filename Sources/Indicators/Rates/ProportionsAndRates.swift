import Columnar
import Kernels

/// Proportions, rates and precision over a table, by group (methodology.md §5).
public enum ProportionsAndRates {
  /// Grouped sums of two count columns (nulls skipped; a group with no value sums to 0).
  static func sums(_ table: Table, _ first: String, _ second: String, by: [String]) throws(ColumnError) -> (Table, [Double], [Double], [Double], [Int]) {
    let a = try table.doubles(first)
    let b = try table.doubles(second)
    let grouping = try table.grouping(by: by)
    var sumA = [Double](repeating: 0, count: grouping.groupCount)
    var sumB = [Double](repeating: 0, count: grouping.groupCount)
    var ratios = [Double](repeating: 0, count: grouping.groupCount)
    var ratioCounts = [Int](repeating: 0, count: grouping.groupCount)
    for row in 0..<table.rowCount {
      let group = Int(grouping.ids[row])
      if let x = a[row] { sumA[group] += x }
      if let y = b[row] { sumB[group] += y }
      if let x = a[row], let y = b[row], y != 0 {
        ratios[group] += x / y
        ratioCounts[group] += 1
      }
    }
    let keys = try table.select(by).take(grouping.firstRows)
    return (keys, sumA, sumB, ratios, ratioCounts)
  }

  /// `successes / trials × 100` by group with the interval of `method`; n = 0 → null.
  /// Counts must be whole and 0 ≤ successes ≤ trials, else an error naming the group.
  public static func proportions(
    _ table: Table, successes: String, trials: String, by: [String], method: IntervalMethod, level: Double
  ) throws(ColumnError) -> Table {
    let (keys, x, n, _, _) = try sums(table, successes, trials, by: by)
    var columns: [(String, AnyColumn)] = zip(keys.schema.names, keys.columns).map { ($0, $1) }
    var share: [Double?] = []
    var lower: [Double?] = []
    var upper: [Double?] = []
    for group in x.indices {
      guard x[group] == x[group].rounded(), n[group] == n[group].rounded(), x[group] >= 0, x[group] <= n[group] else {
        throw .typeMismatch(column: successes, expected: "whole counts with 0 ≤ \(successes) ≤ \(trials) (group \(group + 1): \(x[group]) of \(n[group]))", actual: .double)
      }
      let interval = proportionInterval(successes: Int(x[group]), trials: Int(n[group]), level: level, method: method)
      share.append(n[group] > 0 ? 100 * x[group] / n[group] : nil)
      lower.append(interval.map { 100 * $0.lower })
      upper.append(interval.map { 100 * $0.upper })
    }
    columns += [
      (successes, .double(Column(x))), (trials, .double(Column(n))), ("pct", .double(Column(optionals: share))),
      ("ci_lower_pct", .double(Column(optionals: lower))), ("ci_upper_pct", .double(Column(optionals: upper))),
    ]
    return try Table(columns)
  }

  /// Rates per `per` by group: the ratio of sums `Σ events / Σ population × per` with its exact
  /// Poisson interval, and — named apart — the mean of the rows' own rates
  /// (`mean(events_i / population_i) × per`), which weighs small and large rows equally.
  public static func rates(_ table: Table, events: String, population: String, by: [String], per: Double, level: Double) throws(ColumnError) -> Table {
    let (keys, e, p, ratios, ratioCounts) = try sums(table, events, population, by: by)
    var columns: [(String, AnyColumn)] = zip(keys.schema.names, keys.columns).map { ($0, $1) }
    var rate: [Double?] = []
    var lower: [Double?] = []
    var upper: [Double?] = []
    var meanOfRatios: [Double?] = []
    for group in e.indices {
      guard e[group] == e[group].rounded(), e[group] >= 0 else {
        throw .typeMismatch(column: events, expected: "whole, non-negative event counts", actual: .double)
      }
      if p[group] > 0 {
        let estimate = RateEstimate(events: Int(e[group]), population: p[group], per: per, level: level)
        rate.append(estimate.rate)
        lower.append(estimate.lower)
        upper.append(estimate.upper)
      } else {
        rate.append(nil)
        lower.append(nil)
        upper.append(nil)
      }
      meanOfRatios.append(ratioCounts[group] > 0 ? ratios[group] / Double(ratioCounts[group]) * per : nil)
    }
    columns += [
      (events, .double(Column(e))), (population, .double(Column(p))),
      ("rate_ratio_of_sums", .double(Column(optionals: rate))), ("ci_lower", .double(Column(optionals: lower))),
      ("ci_upper", .double(Column(optionals: upper))), ("rate_mean_of_ratios", .double(Column(optionals: meanOfRatios))),
    ]
    return try Table(columns)
  }

  /// Precision of each row's estimate from its standard error.
  public static func precision(
    _ table: Table, estimate: String, standardError: String, keys: [String], level: Double, high: Double, moderate: Double
  ) throws(ColumnError) -> Table {
    let values = try table.doubles(estimate)
    let errors = try table.doubles(standardError)
    var columns: [(String, AnyColumn)] = []
    for key in keys { columns.append((key, try table.column(key))) }
    var cv: [Double?] = []
    var lower: [Double?] = []
    var upper: [Double?] = []
    var quality: [String?] = []
    for row in 0..<table.rowCount {
      guard let value = values[row], let error = errors[row], error >= 0 else {
        cv.append(nil)
        lower.append(nil)
        upper.append(nil)
        quality.append(nil)
        continue
      }
      let p = PrecisionEstimate(estimate: value, standardError: error, level: level, high: high, moderate: moderate)
      cv.append(p.cv)
      lower.append(p.lower)
      upper.append(p.upper)
      quality.append(p.quality?.rawValue)
    }
    columns += [
      (estimate, .double(values)), (standardError, .double(errors)), ("cv_pct", .double(Column(optionals: cv))),
      ("ci_lower", .double(Column(optionals: lower))), ("ci_upper", .double(Column(optionals: upper))),
      ("precision", .string(StringColumn(quality))),
    ]
    return try Table(columns)
  }
}
