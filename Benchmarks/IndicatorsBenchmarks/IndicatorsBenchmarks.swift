import Benchmark
import Columnar
import Indicators
import Kernels
import Synthetic

#if canImport(Glibc)
  import Glibc
#endif

/// CI smoke mode (CIFRA_BENCH_SMOKE=1): sizes divided by 1000, allocation counts only.
let smoke = getenv("CIFRA_BENCH_SMOKE") != nil

/// CIFRA_BENCH_SCALE divides the default sizes (1 = full: 10^7 cases, 10^7 panel rows, 10^5
/// series, 10^6 proportions); smoke mode uses 1000.
let scale: Int = {
  if let text = getenv("CIFRA_BENCH_SCALE"), let value = Int(String(cString: text)), value > 0 { return value }
  return smoke ? 1000 : 1
}()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: smoke ? [.mallocCountTotal] : [.wallClock, .mallocCountTotal],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    scalingFactor: .one,
    maxDuration: .seconds(15),
    maxIterations: 10,
    thresholds: [.wallClock: .init(relative: [.p90: 75]), .mallocCountTotal: .init(relative: [.p90: 25])])

  let cases = 10_000_000 / scale
  Benchmark("refugeeInTime.\(cases)cases") { benchmark, table in
    var options = RefugeeResolutions.Options()
    options.extended = "extended"
    for _ in benchmark.scaledIterations {
      blackHole(try RefugeeResolutions.compute(table, options: options) { BusinessCalendar.mexicanFederal(years: $0) })
    }
  } setup: {
    Synthetic.refugeeCases(rows: cases, seed: 7)
  }

  let rows = 10_000_000 / scale
  Benchmark("groupedYoY.\(rows)rows.32regions") { benchmark, table in
    var options = GrowthOptions(value: "value", period: "year")
    options.by = ["region"]
    options.collapse = .sum
    for _ in benchmark.scaledIterations { blackHole(try Growth.compute(table, options: options)) }
  } setup: {
    Synthetic.regionalPanel(rows: rows, seed: 42)
  }

  let proportions = 1_000_000 / scale
  for method in IntervalMethod.allCases {
    Benchmark("proportionInterval.\(method.rawValue).\(proportions)") { (benchmark: Benchmark, pairs: [(Int, Int)]) in
      for _ in benchmark.scaledIterations {
        var sum = 0.0
        for (x, n) in pairs { sum += proportionInterval(successes: x, trials: n, method: method)!.upper }
        blackHole(sum)
      }
    } setup: { () -> [(Int, Int)] in
      var generator = SeededGenerator(seed: 4)
      return (0..<proportions).map { _ -> (Int, Int) in
        let n = 1 + Int(generator.next() % 2000)
        return (Int(generator.next() % UInt64(n + 1)), n)
      }
    }
  }

  let seriesCount = 100_000 / scale
  Benchmark("leastSquares.\(seriesCount)series.40periods") { benchmark, series in
    for _ in benchmark.scaledIterations { blackHole(try logLinearTrends(series)) }
  } setup: {
    var rng = SeededGenerator(seed: 3)
    return (0..<seriesCount).map { index -> [(t: Double, x: Double)] in
      (0..<40).compactMap { t -> (t: Double, x: Double)? in
        // 1 series in 10 has a gap pattern of its own; the rest share the full design.
        if index % 10 == 0, rng.next() % 8 == 0 { return nil }
        return (Double(t), 100 * Double(1 + t) + Double(rng.next() % 1000) / 10)
      }
    }
  }
}
