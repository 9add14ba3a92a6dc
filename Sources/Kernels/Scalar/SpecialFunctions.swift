#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Special functions for exact intervals: the tails of the Beta and Gamma distributions
/// (regularized incomplete beta and gamma functions) and their quantiles, accurate at any size.
///
/// Three choices keep them exact from n = 1 to 10^15 (checked against 40-digit mpmath
/// integration in `Tests/KernelsTests/Golden/make_extreme_intervals.py`):
/// - the front factor `pᵃ qᵇ / B(a, b)` (and `xᵃ e⁻ˣ / Γ(a + 1)`) is built from Stirling's
///   error and the deviance `x ln(x/M) + M − x` (Loader 2000, the method of R's `dbinom`), not
///   from differences of `lgamma` values, which at a = 10^7 already lose 8 digits;
/// - below `saddlepointShape` the tails come from the continued fraction / series (DLMF 8.17.22,
///   8.7.1, 8.9.2), whose length grows like √a; from it on, from the Lugannani–Rice saddlepoint
///   form, which is Temme's uniform expansion (DLMF 8.12.3, 8.18.iii) to its first correction,
///   with relative error O(a⁻²) in the quantile — below 1e-15 there;
/// - every tail is computed as the small side (`lower` and `upper` separately), and quantiles
///   are found by bisection over the bit patterns of doubles, so a bound of 1e-16 keeps its
///   relative precision and the search ends in at most 64 steps.
public enum SpecialFunctions {
  /// Both parameters at least this large use the saddlepoint form (see the type's comment).
  static let saddlepointShape = 1e6

  /// Stirling's error `δ(n) = ln Γ(n + 1) − (n + ½) ln n + n − ½ ln 2π`, n > 0.
  ///
  /// From `lgamma` up to 15 (values near 1e-2, error ~3e-14 absolute), the asymptotic series
  /// `1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹)` beyond (truncation < 1e-16).
  static func stirlingError(_ n: Double) -> Double {
    if n <= 15 { return lgamma(n + 1) - (n + 0.5) * log(n) + n - 0.5 * log(2 * Double.pi) }
    let n2 = n * n
    return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / 1188 / n2) / n2) / n2) / n2) / n
  }

  /// The deviance `x ln(x/m) + m − x` (≥ 0) of a count x from its mean m > 0, by the series
  /// in `v = (x − m)/(x + m)` when x is near m, so nothing cancels (Loader 2000, `bd0`).
  static func deviance(_ x: Double, _ m: Double) -> Double {
    if x == 0 { return m }
    if abs(x - m) < 0.1 * (x + m) {
      var v = (x - m) / (x + m)
      var sum = (x - m) * v
      var term = 2 * x * v
      v *= v
      for j in 1..<1_000 {
        term *= v
        let next = sum + term / Double(2 * j + 1)
        if next == sum { return next }
        sum = next
      }
      return sum
    }
    return x * log(x / m) + m - x
  }

  /// Lugannani–Rice: the lower tail `Φ(w) + φ(w)(1/w − 1/u)` and its complement, each as the
  /// small side. `w` is the signed root of twice the deviance, `u` the standardized saddlepoint.
  static func saddlepointTails(w: Double, u: Double, halfWSquared: Double) -> (lower: Double, upper: Double) {
    let density = exp(-halfWSquared) / (2 * Double.pi).squareRoot()
    // At the centre the correction is 0/0; Φ alone is then within 1e-7 of the tail, which is
    // all a bisection far from the median needs.
    let correction = abs(w) < 1e-8 ? 0 : density * (1 / w - 1 / u)
    if w < 0 {
      let lower = 0.5 * erfc(-w / 2.0.squareRoot()) + correction
      return (lower, 1 - lower)
    }
    let upper = 0.5 * erfc(w / 2.0.squareRoot()) - correction
    return (1 - upper, upper)
  }

  /// The two tails of Beta(a, b) at p: `I_p(a, b)` and `1 − I_p(a, b)`, each with its own
  /// relative precision (a, b > 0).
  public static func betaTails(_ p: Double, _ a: Double, _ b: Double) -> (lower: Double, upper: Double) {
    precondition(a > 0 && b > 0, "betaTails: a = \(a), b = \(b)")
    if p <= 0 { return (0, 1) }
    if p >= 1 { return (1, 0) }
    let q = 1 - p
    let r = a + b
    // r·p and r·q with the smaller computed directly: the larger is then exact to its ulp.
    let meanA = p <= 0.5 ? r * p : r - r * q
    let meanB = p <= 0.5 ? r - r * p : r * q
    let deviance = deviance(a, meanA) + deviance(b, meanB)
    if min(a, b) >= saddlepointShape {
      let x0 = a / r
      let w = (p < x0 ? -1.0 : 1.0) * (2 * deviance).squareRoot()
      let u = (p - x0) * (r / (x0 * (b / r))).squareRoot()
      return saddlepointTails(w: w, u: u, halfWSquared: deviance)
    }
    // pᵃ qᵇ / B(a, b) = (ab/r) · Γ(r+1)/(Γ(a+1)Γ(b+1)) pᵃ qᵇ, the second factor by Stirling.
    let binomial = exp(stirlingError(r) - stirlingError(a) - stirlingError(b) - deviance) * (r / (2 * Double.pi * a * b)).squareRoot()
    // The continued fraction in a variable near 1 (q when p is tiny and b huge) cancels away
    // its digits; for whole parameters that side is the finite binomial sum instead.
    if p < (a + 1) / (r + 2) {
      let lower =
        p > 0.5 && b == b.rounded()
        ? binomialLowerTail(b - 1, trials: r - 1, p: q, q: p)
        : binomial * (b / r) * betaContinuedFraction(p, a, b)
      return (lower, 1 - lower)
    }
    let upper =
      q > 0.5 && a == a.rounded()
      ? binomialLowerTail(a - 1, trials: r - 1, p: p, q: q)
      : binomial * (a / r) * betaContinuedFraction(q, b, a)
    return (1 - upper, upper)
  }

  /// `P(Bin(m, p) ≤ k)` for whole 0 ≤ k < m and p ≤ ½, p + q = 1: the pmf at k (Loader's form)
  /// and the terms below it by the ratio `j q / ((m − j + 1) p)`, until they stop counting.
  /// `I_p(a, b) = P(Bin(a + b − 1, p) ≥ a)` for whole a, b ties it to the beta tails.
  static func binomialLowerTail(_ k: Double, trials m: Double, p: Double, q: Double) -> Double {
    var term: Double
    if k == 0 {
      term = exp(m * log1p(-p))
    } else {
      let mp = m * p
      term =
        exp(stirlingError(m) - stirlingError(k) - stirlingError(m - k) - deviance(k, mp) - deviance(m - k, m - mp))
        * (m / (2 * Double.pi * k * (m - k))).squareRoot()
    }
    var sum = term
    var j = k
    while j > 0 {
      term *= j / (m - j + 1) * (q / p)
      sum += term
      if term < sum * 1e-17 { break }
      j -= 1
    }
    return sum
  }

  /// Regularized incomplete beta `I_x(a, b)`, a, b > 0 (the lower tail of Beta(a, b)).
  public static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    betaTails(x, a, b).lower
  }

  /// The continued fraction of `I_x(a, b)` (modified Lentz, DLMF 8.17.22); converges fast for
  /// `x < (a+1)/(a+b+2)`, in O(√min(a, b)) terms at worst.
  static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...1_000_000 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }

  /// The p where the tail of Beta(a, b) named by `side` equals `probability` (0 < probability < 1).
  public static func betaQuantile(tail side: Tail, _ probability: Double, _ a: Double, _ b: Double) -> Double {
    crossing(low: 0, high: 1, side: side, probability) { side == .lower ? betaTails($0, a, b).lower : betaTails($0, a, b).upper }
  }

  /// The `p`-quantile of Beta(a, b): x with `I_x(a, b) = p`.
  public static func inverseRegularizedIncompleteBeta(_ p: Double, _ a: Double, _ b: Double) -> Double {
    precondition(p >= 0 && p <= 1, "inverseRegularizedIncompleteBeta: p = \(p)")
    if p == 0 { return 0 }
    if p == 1 { return 1 }
    return p <= 0.5 ? betaQuantile(tail: .lower, p, a, b) : betaQuantile(tail: .upper, 1 - p, a, b)
  }

  /// The two tails of Gamma(shape a, scale 1) at x: `P(a, x)` and `Q(a, x) = 1 − P(a, x)`.
  public static func gammaTails(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
    precondition(a > 0, "gammaTails: a = \(a)")
    if x <= 0 { return (0, 1) }
    let deviance = deviance(a, x)
    if a >= saddlepointShape {
      let w = (x < a ? -1.0 : 1.0) * (2 * deviance).squareRoot()
      return saddlepointTails(w: w, u: (x - a) / a.squareRoot(), halfWSquared: deviance)
    }
    // xᵃ e⁻ˣ / Γ(a + 1) by Stirling.
    let poisson = exp(-stirlingError(a) - deviance) / (2 * Double.pi * a).squareRoot()
    if x < a + 1 {
      // P = xᵃe⁻ˣ/Γ(a+1) · Σₙ xⁿ / ((a+1)…(a+n))  (DLMF 8.7.1)
      var term = 1.0
      var sum = 1.0
      var shape = a
      for _ in 0..<10_000_000 {
        shape += 1
        term *= x / shape
        sum += term
        if term < sum * 1e-17 { break }
      }
      let lower = poisson * sum
      return (lower, 1 - lower)
    }
    // Q = xᵃe⁻ˣ/Γ(a) · continued fraction (DLMF 8.9.2, modified Lentz).
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...10_000_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    let upper = a * poisson * h
    return (1 - upper, upper)
  }

  /// Regularized lower incomplete gamma `P(a, x)`, a > 0, x ≥ 0.
  public static func regularizedLowerGamma(_ a: Double, _ x: Double) -> Double { gammaTails(a, x).lower }

  /// The x where the tail of Gamma(a) named by `side` equals `probability` (0 < probability < 1).
  public static func gammaQuantile(tail side: Tail, _ probability: Double, _ a: Double) -> Double {
    var high = a + 10 * a.squareRoot() + 10
    while gammaTails(a, high).upper > probability && high < .greatestFiniteMagnitude / 4 { high *= 2 }
    if side == .lower { while gammaTails(a, high).lower < probability && high < .greatestFiniteMagnitude / 4 { high *= 2 } }
    return crossing(low: 0, high: high, side: side, probability) { side == .lower ? gammaTails(a, $0).lower : gammaTails(a, $0).upper }
  }

  /// The `p`-quantile of Gamma(shape a, scale 1).
  public static func inverseRegularizedLowerGamma(_ a: Double, _ p: Double) -> Double {
    precondition(p >= 0 && p < 1 && a > 0, "inverseRegularizedLowerGamma: a = \(a), p = \(p)")
    if p == 0 { return 0 }
    return p <= 0.5 ? gammaQuantile(tail: .lower, p, a) : gammaQuantile(tail: .upper, 1 - p, a)
  }

  /// Which tail a quantile is asked of: the lower tail grows with the argument, the upper falls.
  public enum Tail: Sendable { case lower, upper }

  /// The double in [low, high] (both ≥ 0) where the monotone `tail` crosses `probability`,
  /// by bisection over bit patterns (ordered like the values for non-negative doubles): at most
  /// 64 evaluations, ending on adjacent doubles whatever the scale.
  static func crossing(low: Double, high: Double, side: Tail, _ probability: Double, _ tail: (Double) -> Double) -> Double {
    var below = low.bitPattern
    var above = high.bitPattern
    while above - below > 1 {
      let middle = below + (above - below) / 2
      let value = tail(Double(bitPattern: middle))
      // Move the end on the side of the crossing the middle falls on.
      if (value < probability) == (side == .lower) { below = middle } else { above = middle }
    }
    return Double(bitPattern: above)
  }
}
