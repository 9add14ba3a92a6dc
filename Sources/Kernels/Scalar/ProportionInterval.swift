#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A confidence interval for a proportion, as fractions in [0, 1].
public struct ProportionInterval: Sendable, Equatable {
  public let lower: Double
  public let upper: Double
}

/// The standard normal quantile Φ⁻¹(p) for 0 < p < 1.
///
/// Acklam's rational approximation (relative error < 1.2e-9) refined by one Halley step on
/// `erfc`, which brings it to full double precision. Φ⁻¹(0.975) = 1.959963984540054.
public func normalQuantile(_ p: Double) -> Double {
  precondition(p > 0 && p < 1, "normalQuantile: p = \(p) outside (0, 1)")
  let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
  let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
  let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
  let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
  let low = 0.02425
  var x: Double
  if p < low {
    let q = (-2 * log(p)).squareRoot()
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  } else if p <= 1 - low {
    let q = p - 0.5
    let r = q * q
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  } else {
    let q = (-2 * log(1 - p)).squareRoot()
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  }
  // Halley refinement: e = Φ(x) − p.
  let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
  let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
  x -= u / (1 + x * u / 2)
  return x
}

/// The two-sided normal critical value `z = Φ⁻¹(1 − α/2)`, α = 1 − level, from the small tail
/// α/2 so that no digit is lost to `1 − α/2`.
func criticalValue(level: Double) -> Double { -normalQuantile((1 - level) / 2) }

/// Wilson score interval for `successes` out of `trials` at confidence `level`.
///
/// `[p̂ + z²/(2n) ± z·√(p̂(1−p̂)/n + z²/(4n²))] / (1 + z²/n)`, z = Φ⁻¹(1 − α/2) (Wilson 1927;
/// recommended by Brown, Cai & DasGupta 2001). The bound nearer its end of [0, 1] is computed in
/// the rationalized form `p̂² / (centre + half)` (and its mirror for 1 − upper), which is the
/// same number without the cancellation that costs digits when n is large; x = 0 gives exactly
/// 0 and x = n exactly 1. `nil` when `trials == 0` (undefined, never NaN).
/// - Precondition: `0 ≤ successes ≤ trials`, `0 < level < 1`.
public func wilsonInterval(successes: Int, trials: Int, level: Double = 0.95) -> ProportionInterval? {
  precondition(successes >= 0 && successes <= trials, "wilsonInterval: \(successes) of \(trials)")
  guard trials > 0 else { return nil }
  let z = criticalValue(level: level)
  let n = Double(trials)
  let p = Double(successes) / n
  let q = Double(trials - successes) / n
  let z2n = z * z / n
  let half = z * ((p * q + z2n / 4) / n).squareRoot()
  let denominator = 1 + z2n
  // lower = (centre − half)/d = p²/(centre + half); 1 − upper = q²/(centreQ + half).
  let lowerFromP = p * p / (p + z2n / 2 + half)
  let upperFromQ = 1 - q * q / (q + z2n / 2 + half)
  if successes * 2 <= trials {
    return ProportionInterval(lower: lowerFromP, upper: min(1, (p + z2n / 2 + half) / denominator))
  }
  return ProportionInterval(lower: max(0, 1 - (q + z2n / 2 + half) / denominator), upper: upperFromQ)
}

/// Confidence-interval methods for a binomial proportion.
public enum IntervalMethod: String, Sendable, CaseIterable {
  /// Wilson score interval (Wilson 1927).
  case wilson
  /// Wilson with continuity correction (Newcombe 1998, method 4).
  case wilsonCC = "wilson-cc"
  /// Clopper–Pearson exact interval (1934), from Beta quantiles; coverage ≥ nominal.
  case clopperPearson = "clopper-pearson"
}

/// The interval of `method` for `successes` of `trials`; `nil` when `trials == 0`.
public func proportionInterval(successes: Int, trials: Int, level: Double = 0.95, method: IntervalMethod) -> ProportionInterval? {
  switch method {
  case .wilson: return wilsonInterval(successes: successes, trials: trials, level: level)
  case .wilsonCC: return wilsonContinuityCorrectedInterval(successes: successes, trials: trials, level: level)
  case .clopperPearson: return clopperPearsonInterval(successes: successes, trials: trials, level: level)
  }
}

/// Wilson interval with continuity correction (Newcombe 1998, eq. for method 4):
/// `L = [2np̂ + z² − 1 − z·√(z² − 2 − 1/n + 4p̂(n(1−p̂) + 1))] / (2(n + z²))`, `U` with `+1` and
/// `4p̂(n(1−p̂) − 1)`; `L = 0` when x = 0, `U = 1` when x = n. `nil` when n = 0.
///
/// With A = 2x + z² − 1 and B = z·√(…), A² − B² = (2x − 1)²(1 + z²/n), so `L = (2x − 1)² / (2n(A + B))`
/// exactly — the form used here, free of the cancellation of A − B; U mirrored through n − x.
public func wilsonContinuityCorrectedInterval(successes: Int, trials: Int, level: Double = 0.95) -> ProportionInterval? {
  precondition(successes >= 0 && successes <= trials, "wilsonContinuityCorrectedInterval: \(successes) of \(trials)")
  guard trials > 0 else { return nil }
  let z = criticalValue(level: level)
  let n = Double(trials)
  let z2 = z * z
  /// The lower bound for `count` successes (count ≥ 1): the upper bound is 1 − this of n − x.
  func lowerBound(_ count: Int) -> Double {
    let x = Double(count)
    let rest = Double(trials - count)
    let a = 2 * x + z2 - 1
    let b = z * (z2 - 2 - 1 / n + 4 * x * (rest + 1) / n).squareRoot()
    return (2 * x - 1) * (2 * x - 1) / (2 * n * (a + b))
  }
  let lower = successes == 0 ? 0 : lowerBound(successes)
  let upper = successes == trials ? 1 : 1 - lowerBound(trials - successes)
  // Near 1 a bound is computed directly, so it keeps its own digits rather than 1 − small.
  func direct(_ count: Int, _ sign: Double) -> Double {
    let x = Double(count)
    let rest = Double(trials - count)
    let root = (z2 + sign * 2 - 1 / n + 4 * x * (rest + (sign > 0 ? -1 : 1)) / n).squareRoot()
    return (2 * x + z2 + sign + sign * z * root) / (2 * (n + z2))
  }
  if successes * 2 <= trials {
    return ProportionInterval(lower: lower, upper: successes == trials ? 1 : min(1, direct(successes, 1)))
  }
  return ProportionInterval(lower: max(0, direct(successes, -1)), upper: upper)
}

/// Clopper–Pearson exact interval: `L = B⁻¹(α/2; x, n − x + 1)` (0 when x = 0),
/// `U = B⁻¹(1 − α/2; x + 1, n − x)` (1 when x = n); closed forms `(α/2)^(1/n)` and
/// `1 − (α/2)^(1/n)` at x = n and x = 0. Both bounds solve "tail = α/2" on the small tail
/// (`SpecialFunctions.betaQuantile`), so they are exact to ~1e-15 at any n. `nil` when n = 0.
public func clopperPearsonInterval(successes: Int, trials: Int, level: Double = 0.95) -> ProportionInterval? {
  precondition(successes >= 0 && successes <= trials, "clopperPearsonInterval: \(successes) of \(trials)")
  guard trials > 0 else { return nil }
  let tail = (1 - level) / 2
  let x = Double(successes)
  let n = Double(trials)
  let lower: Double
  let upper: Double
  if successes == 0 {
    lower = 0
  } else if successes == trials {
    lower = exp(log(tail) / n)
  } else {
    lower = SpecialFunctions.betaQuantile(tail: .lower, tail, x, n - x + 1)
  }
  if successes == trials {
    upper = 1
  } else if successes == 0 {
    upper = -expm1(log(tail) / n)
  } else {
    upper = SpecialFunctions.betaQuantile(tail: .upper, tail, x + 1, n - x)
  }
  return ProportionInterval(lower: lower, upper: upper)
}

/// Exact Poisson interval for a count k: `L = χ²(α/2; 2k)/2` (0 when k = 0),
/// `U = χ²(1 − α/2; 2k + 2)/2` — i.e. Gamma quantiles with shape k and k + 1 (Garwood 1936),
/// each solved on its small tail (`SpecialFunctions.gammaQuantile`): exact to ~1e-15 for counts
/// up to 10^15, and L < k < U for every k > 0.
public func poissonInterval(count: Int, level: Double = 0.95) -> ProportionInterval {
  precondition(count >= 0, "poissonInterval: negative count \(count)")
  let tail = (1 - level) / 2
  let k = Double(count)
  let lower = count == 0 ? 0 : SpecialFunctions.gammaQuantile(tail: .lower, tail, k)
  let upper = SpecialFunctions.gammaQuantile(tail: .upper, tail, k + 1)
  return ProportionInterval(lower: lower, upper: upper)
}
