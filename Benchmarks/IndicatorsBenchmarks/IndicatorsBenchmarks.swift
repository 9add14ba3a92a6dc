import Benchmark
import Columnar
import Indicators
import Kernels
import Synthetic

#if canImport(Glibc)
  import Glibc
#endif

/// Size from the environment (CI's smoke run uses small sizes): CIFRA_BENCH_SCALE divides the
/// default sizes (1 = full: 10^7 cases, 10^7 panel rows, 10^5 series).
let scale: Int = {
  if let text = getenv("CIFRA_BENCH_SCALE"), let value = Int(String(cString: text)), value > 0 { return value }
  return 1
}()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    scalingFactor: .one,
    maxDuration: .seconds(15),
    maxIterations: 10,
    thresholds: [.wallClock: .init(relative: [.p90: 75]), .mallocCountTotal: .init(relative: [.p90: 10])])

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
