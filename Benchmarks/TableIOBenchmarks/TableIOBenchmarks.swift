import Benchmark
import Columnar
import Synthetic
import TableIO

#if canImport(Glibc)
  import Glibc
#endif

/// Writes the regional panel (`cifra generate regional --rows N --seed 42`) once per size
/// into the temporary folder; the benchmarks read it (setup is outside the measured loop).
func regionalFile(rows: Int) -> String {
  let path = "/tmp/cifra-bench-regional-\(rows)-seed42.csv"
  if access(path, F_OK) != 0 {
    try! AtomicFile.write(CSVBytesWriter.bytes(Synthetic.regionalPanel(rows: rows, seed: 42)), to: path)
  }
  return path
}

/// Size from the environment: CIFRA_BENCH_ROWS (default 10^7; CI's smoke run uses 10^5).
let rows: Int = {
  if let text = getenv("CIFRA_BENCH_ROWS"), let value = Int(String(cString: text)) { return value }
  return 10_000_000
}()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    scalingFactor: .one,
    maxDuration: .seconds(20),
    maxIterations: 10,
    thresholds: [
      .wallClock: .init(relative: [.p50: 50, .p90: 75]),
      .mallocCountTotal: .init(relative: [.p90: 10]),
      .peakMemoryResident: .init(relative: [.p90: 25]),
    ])

  let label = rows >= 1_000_000 ? "\(rows / 1_000_000)M" : "\(rows / 1000)K"
  for jobs in [1, 2] {
    Benchmark("csv.\(label).4cols.jobs\(jobs)") { benchmark, path in
      var options = CSVOptions()
      options.jobs = jobs
      for _ in benchmark.scaledIterations {
        blackHole(try CSVReader.read(path, options: options).table.rowCount)
      }
    } setup: {
      regionalFile(rows: rows)
    }
  }
}
