import Columnar
import Foundation
import Kernels
import Testing
import _TestSupport

struct IntervalCase: Sendable, CustomStringConvertible {
  let method: String
  let x: Int
  let n: Int
  let level: Double
  let lower: Double
  let upper: Double
  var description: String { "\(method) \(x)/\(n) @\(level)" }

  /// Cifra's interval for this case (`nil` only for n = 0).
  var computed: ProportionInterval? {
    if method == "poisson" { return poissonInterval(count: x, level: level) }
    return proportionInterval(successes: x, trials: n, level: level, method: IntervalMethod(rawValue: method)!)
  }
}

/// SciPy 1.17.1 reference values, made by Golden/make_intervals.py (committed beside them).
let intervalCases: [IntervalCase] = {
  let path = TestPaths.packageRoot + "/Tests/KernelsTests/Golden/intervals.csv"
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
  return text.split(separator: "\n").dropFirst().map { line in
    let f = line.split(separator: ",").map(String.init)
    return IntervalCase(method: f[0], x: Int(f[1])!, n: Int(f[2])!, level: Double(f[3])!, lower: Double(f[4])!, upper: Double(f[5])!)
  }
}()

@Test func referenceFileIsThere() { #expect(intervalCases.count == 168) }

@Test(arguments: intervalCases)
func intervalsMatchSciPy(reference: IntervalCase) throws {
  let interval = try #require(reference.computed)
  // Every method to 1e-12 (relative, or absolute near 0: SciPy's own last digits there).
  let tolerance = 1e-12
  #expect(isClose(interval.lower, reference.lower, relative: tolerance, absolute: tolerance), "lower \(interval.lower)")
  #expect(isClose(interval.upper, reference.upper, relative: tolerance, absolute: tolerance), "upper \(interval.upper)")
}

/// methodology.md §5.1 and §5.2 goldens.
@Test func methodologyIntervalGoldens() throws {
  let cp = try #require(clopperPearsonInterval(successes: 45, trials: 60))
  #expect(isClose(cp.lower, 0.621404, absolute: 5e-7) && isClose(cp.upper, 0.852814, absolute: 5e-7))
  let cc = try #require(wilsonContinuityCorrectedInterval(successes: 7, trials: 20))
  #expect(isClose(cc.lower, 0.163087, absolute: 5e-7) && isClose(cc.upper, 0.590510, absolute: 5e-7))
  let zero = poissonInterval(count: 0)
  #expect(zero.lower == 0 && isClose(zero.upper, 3.688879, absolute: 5e-7))
  let five = poissonInterval(count: 5)
  #expect(isClose(five.lower, 1.623486, absolute: 5e-7) && isClose(five.upper, 11.668332, absolute: 5e-7))
  #expect(proportionInterval(successes: 0, trials: 0, method: .clopperPearson) == nil)
}

/// Every interval contains its estimate.
@Test func intervalsContainTheEstimate() {
  for n in 1...60 {
    for x in 0...n {
      let p = Double(x) / Double(n)
      for method in IntervalMethod.allCases {
        let interval = proportionInterval(successes: x, trials: n, method: method)!
        #expect(interval.lower <= p + 1e-15 && p <= interval.upper + 1e-15, "\(method) \(x)/\(n)")
      }
    }
  }
}

/// The exact coverage of Clopper–Pearson is at least the nominal level for every n ≤ 50, on a
/// fine grid of p, computed from the binomial distribution (not simulated).
@Test func clopperPearsonCoverageIsAtLeastNominal() {
  let level = 0.95
  for n in 1...50 {
    let intervals = (0...n).map { clopperPearsonInterval(successes: $0, trials: n, level: level)! }
    for step in 1..<400 {
      let p = Double(step) / 400
      var coverage = 0.0
      for x in 0...n where intervals[x].lower <= p && p <= intervals[x].upper {
        coverage += exp(lgamma(Double(n + 1)) - lgamma(Double(x + 1)) - lgamma(Double(n - x + 1)) + Double(x) * log(p) + Double(n - x) * log1p(-p))
      }
      #expect(coverage >= level - 1e-9, "n = \(n), p = \(p): coverage \(coverage)")
    }
  }
}

/// A rate interval scales with the population: the count interval divided by the population.
@Test func rateIntervalScalesWithPopulation() {
  let count = poissonInterval(count: 37)
  for population in [1_000.0, 250_000, 1e7] {
    let rate = RateEstimate(events: 37, population: population, per: 100_000)
    #expect(isClose(rate.lower, count.lower / population * 100_000, relative: 1e-14))
    #expect(isClose(rate.upper, count.upper / population * 100_000, relative: 1e-14))
  }
}

/// mpmath references at every size (n up to 10^14, Poisson counts up to 10^15), made by
/// Golden/make_extreme_intervals.py (40-digit integration of the densities; committed beside them).
let extremeIntervalCases: [IntervalCase] = {
  let path = TestPaths.packageRoot + "/Tests/KernelsTests/Golden/intervals-mpmath.csv"
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
  return text.split(separator: "\n").dropFirst().map { line in
    let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return IntervalCase(method: f[0], x: Int(f[1])!, n: Int(f[2]) ?? 0, level: Double(f[3])!, lower: Double(f[4])!, upper: Double(f[5])!)
  }
}()

@Test func extremeReferenceFileIsThere() { #expect(extremeIntervalCases.count > 300) }

/// Every bound within 1e-12 relative of mpmath, at every size; 0 and 1 exactly where they are.
@Test(arguments: extremeIntervalCases)
func intervalsMatchMpmathAtAnySize(reference: IntervalCase) throws {
  let interval = try #require(reference.computed)
  #expect(isClose(interval.lower, reference.lower, relative: 1e-12), "lower \(interval.lower) vs \(reference.lower)")
  #expect(isClose(interval.upper, reference.upper, relative: 1e-12), "upper \(interval.upper) vs \(reference.upper)")
  if reference.method != "poisson" {
    if reference.x == 0 { #expect(interval.lower == 0) }
    if reference.x == reference.n { #expect(interval.upper == 1) }
  }
}

/// Laws over random (x, n, level) from 1 to 10^14: lower ≤ estimate ≤ upper, and a higher
/// level never narrows an interval (lower falls, upper rises). A fixed seed, so a failure repeats.
@Test(arguments: [1, 2, 3])
func intervalsBracketTheEstimateAndWidenWithTheLevel(seed: UInt64) {
  var rng = SplitMix64(seed: seed)
  for _ in 0..<150 {
    let n = Int(pow(10, Double.random(in: 0...14, using: &rng))) + 1
    let x = Int.random(in: 0...n, using: &rng)
    let low = Double.random(in: 0.5...0.98, using: &rng)
    let high = min(0.999_999, low + Double.random(in: 0.001...0.1, using: &rng))
    let estimate = Double(x) / Double(n)
    for method in IntervalMethod.allCases {
      let narrow = proportionInterval(successes: x, trials: n, level: low, method: method)!
      let wide = proportionInterval(successes: x, trials: n, level: high, method: method)!
      #expect(narrow.lower <= estimate && estimate <= narrow.upper, "\(method) \(x)/\(n) @\(low): \(narrow)")
      #expect(wide.lower <= narrow.lower && narrow.upper <= wide.upper, "\(method) \(x)/\(n) @\(low)→\(high)")
    }
    let count = Int(pow(10, Double.random(in: 0...15, using: &rng)))
    let narrow = poissonInterval(count: count, level: low)
    let wide = poissonInterval(count: count, level: high)
    #expect(narrow.lower <= Double(count) && Double(count) <= narrow.upper, "poisson \(count) @\(low): \(narrow)")
    #expect(wide.lower <= narrow.lower && narrow.upper <= wide.upper, "poisson \(count) @\(low)→\(high)")
  }
}
