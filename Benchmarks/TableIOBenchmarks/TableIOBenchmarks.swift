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

/// Size from the environment: CIFRA_BENCH_ROWS (default 10^7; 10^5 in smoke mode).
let rows: Int = {
  if let text = getenv("CIFRA_BENCH_ROWS"), let value = Int(String(cString: text)) { return value }
  return getenv("CIFRA_BENCH_SMOKE") != nil ? 100_000 : 10_000_000
}()

/// CI smoke mode (CIFRA_BENCH_SMOKE=1): small inputs, allocation counts only (deterministic
/// enough to gate on; wall clock on shared 2-core machines is advisory).
let smoke = getenv("CIFRA_BENCH_SMOKE") != nil

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: smoke ? [.mallocCountTotal] : [.wallClock, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    scalingFactor: .one,
    maxDuration: .seconds(20),
    maxIterations: 10,
    thresholds: [
      .wallClock: .init(relative: [.p50: 50, .p90: 75]),
      .mallocCountTotal: .init(relative: [.p90: 25]),
      .peakMemoryResident: .init(relative: [.p90: 25]),
    ])

  let label = rows >= 1_000_000 ? "\(rows / 1_000_000)M" : "\(rows / 1000)K"
  for jobs in smoke ? [1] : [1, 2] {
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

  // Writers: CSV and SDMX-CSV of a 10^5-row result (10^3 in smoke mode).
  let outputRows = smoke ? 1_000 : 100_000
  Benchmark("write.csv.\(outputRows)rows") { benchmark, table in
    for _ in benchmark.scaledIterations { blackHole(CSVBytesWriter.bytes(table).count) }
  } setup: {
    Synthetic.regionalPanel(rows: outputRows, seed: 5)
  }
  Benchmark("write.sdmx.\(outputRows)rows") { benchmark, table in
    // The region as the DSD's CUST_BREAKDOWN dimension, for the World (the writer refuses a
    // breakdown that is no dimension, and a result with no REF_AREA).
    let layout = ObservationLayout(
      series: "SM_DTH_MIGR", unit: "NUMBER", timeColumn: "year", valueColumn: "value", breakdowns: ["region"],
      dimensions: [DimensionSource("CUST_BREAKDOWN", from: "region")], referenceArea: "1")
    for _ in benchmark.scaledIterations { blackHole(try ObservationWriter.sdmx(table, layout: layout).utf8.count) }
  } setup: {
    // One observation per (region, year), as a result has: 25 years per region.
    try! Table([
      ("region", .string(StringColumn((0..<outputRows).map { "region_\($0 / 25)" }))),
      ("year", .int64(Column((0..<outputRows).map { Int64(2000 + $0 % 25) }))),
      ("value", .double(Column((0..<outputRows).map { Double($0) * 1.5 + 0.25 }))),
    ])
  }

  // Group-by over a string key, with 0 % and 50 % null keys.
  let groupRows = smoke ? 10_000 : 10_000_000
  for nullPercent in [0, 50] {
    Benchmark("groupBy.\(groupRows)rows.\(nullPercent)pctNull") { (benchmark: Benchmark, table: Table) in
      for _ in benchmark.scaledIterations { blackHole(try table.grouping(by: ["region"]).groupCount) }
    } setup: { () -> Table in
      let panel = Synthetic.regionalPanel(rows: groupRows, seed: 9)
      guard nullPercent > 0, case .string(let regions) = try! panel.column("region") else { return panel }
      var validity = Validity(repeating: true, count: groupRows)
      var generator = SeededGenerator(seed: 11)
      for row in 0..<groupRows where generator.next() % 100 < UInt64(nullPercent) { validity.setNull(row) }
      let withNulls = StringColumn(codes: Column(regions.codes.values, validity: validity), dictionary: regions.dictionary)
      return try! panel.with("region", .string(withNulls))
    }
  }
}
