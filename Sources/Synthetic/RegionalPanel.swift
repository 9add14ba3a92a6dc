import Columnar

/// Deterministic synthetic inputs for benchmarks and tests (same seed → same table, on any
/// machine: SplitMix64 and integer arithmetic only).
public enum Synthetic {
  /// A long panel `region, year, month, value`: 32 regions `region_00`…`region_31`, years
  /// 2000–2024, months 1–12, values ≥ 0 with 3 decimals (sum of two uniforms × 100, a
  /// gamma-like shape). The layout of the peer benchmarks in swift-on-linux.md §5.
  public static func regionalPanel(rows: Int, seed: UInt64) -> Table {
    var rng = SeededGenerator(seed: seed)
    let dictionary = (0..<32).map { "region_" + ($0 < 10 ? "0" : "") + String($0) }
    var codes = [Int32](repeating: 0, count: rows)
    var years = [Int64](repeating: 0, count: rows)
    var months = [Int64](repeating: 0, count: rows)
    var values = [Double](repeating: 0, count: rows)
    for row in 0..<rows {
      codes[row] = Int32(rng.next() % 32)
      years[row] = 2000 + Int64(rng.next() % 25)
      months[row] = 1 + Int64(rng.next() % 12)
      let milli = (rng.next() % 100_000) + (rng.next() % 100_000)  // 0 … 199.998
      values[row] = Double(milli) / 1000
    }
    return try! Table([
      ("region", .string(StringColumn(codes: Column(codes), dictionary: dictionary))),
      ("year", .int64(Column(years))),
      ("month", .int64(Column(months))),
      ("value", .double(Column(values))),
    ])
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): fast, seedable, identical on every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator starting from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension Synthetic {
  /// Many series for the least-squares benchmark: `series, t, x` in long form, `count` series of
  /// `periods` points (t = 2000…), x > 0 growing about 5 % a year with noise; one series in ten
  /// has gaps (each point missing with probability 1/8), so several missing patterns occur.
  public static func manySeries(count: Int, periods: Int, seed: UInt64) -> Table {
    var rng = SeededGenerator(seed: seed)
    var ids: [Int64] = []
    var years: [Int64] = []
    var values: [Double] = []
    for series in 0..<count {
      for t in 0..<periods {
        if series % 10 == 0, rng.next() % 8 == 0 { continue }
        ids.append(Int64(series))
        years.append(Int64(2000 + t))
        values.append(100 * Double(1 + t) + Double(rng.next() % 1000) / 10)
      }
    }
    return try! Table([("series", .int64(Column(ids))), ("t", .int64(Column(years))), ("x", .double(Column(values)))])
  }

  /// Proportions for the interval benchmarks: `successes, trials` with trials 1…2000.
  public static func proportions(count: Int, seed: UInt64) -> Table {
    var rng = SeededGenerator(seed: seed)
    var x: [Int64] = []
    var n: [Int64] = []
    for _ in 0..<count {
      let trials = 1 + Int64(rng.next() % 2000)
      n.append(trials)
      x.append(Int64(rng.next() % UInt64(trials + 1)))
    }
    return try! Table([("successes", .int64(Column(x))), ("trials", .int64(Column(n)))])
  }
}
