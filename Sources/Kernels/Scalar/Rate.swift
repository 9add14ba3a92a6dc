/// A rate `events / population × per` with its exact Poisson interval (Garwood), both scaled.
///
/// The interval treats the count as Poisson and the population as fixed (no error in the
/// denominator); `per` is 100,000 by default.
public struct RateEstimate: Sendable, Equatable {
  public let events: Int
  public let population: Double
  public let per: Double
  public let rate: Double
  public let lower: Double
  public let upper: Double

  /// The rate of `events` in `population`; a population ≤ 0 is the caller's error (precondition).
  public init(events: Int, population: Double, per: Double = 100_000, level: Double = 0.95) {
    precondition(population > 0, "RateEstimate: population must be > 0 (got \(population))")
    self.events = events
    self.population = population
    self.per = per
    rate = Double(events) / population * per
    let interval = poissonInterval(count: events, level: level)
    lower = interval.lower / population * per
    upper = interval.upper / population * per
  }
}

/// Precision of a survey estimate from its standard error (INEGI practice, methodology.md §5.3).
///
/// `CV = SE / |estimate| × 100`; interval `estimate ± z·SE` with z = 1.645 at 90 % (the INEGI
/// convention; any level via the normal quantile); class: high when CV < `high`, moderate when
/// CV < `moderate`, low otherwise (15 and 30 by default). An estimate of 0 has no CV (`nil`).
public struct PrecisionEstimate: Sendable, Equatable {
  public enum Quality: String, Sendable { case high, moderate, low }

  public let estimate: Double
  public let standardError: Double
  public let cv: Double?
  public let lower: Double
  public let upper: Double
  public let quality: Quality?

  public init(estimate: Double, standardError: Double, level: Double = 0.90, high: Double = 15, moderate: Double = 30) {
    precondition(standardError >= 0, "PrecisionEstimate: negative standard error")
    self.estimate = estimate
    self.standardError = standardError
    let z = level == 0.90 ? 1.645 : normalQuantile(1 - (1 - level) / 2)
    lower = estimate - z * standardError
    upper = estimate + z * standardError
    if estimate == 0 {
      cv = nil
      quality = nil
    } else {
      let value = standardError / abs(estimate) * 100
      cv = value
      quality = value < high ? .high : (value < moderate ? .moderate : .low)
    }
  }
}
