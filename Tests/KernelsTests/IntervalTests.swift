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
  let interval: ProportionInterval
  if reference.method == "poisson" {
    interval = poissonInterval(count: reference.x, level: reference.level)
  } else {
    interval = try #require(
      proportionInterval(successes: reference.x, trials: reference.n, level: reference.level, method: IntervalMethod(rawValue: reference.method)!))
  }
  // Clopper–Pearson and Poisson to 1e-9 (relative, or absolute near 0); Wilson forms to 1e-12.
  let tolerance = reference.method == "clopper-pearson" || reference.method == "poisson" ? 1e-9 : 1e-12
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
