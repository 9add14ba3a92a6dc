import Columnar

extension Synthetic {
  /// The files `cifra generate` writes.
  public enum Kind: String, Sendable, CaseIterable {
    /// region (32 values), year 2000-2024, month, value (3 decimals).
    case regional
    /// case_id, filed, resolved, outcome, extended, nationality (synthetic COMAR-like cases).
    case refugeeCases = "refugee-cases"
    /// series, t, x: `rows` series of 40 periods for least-squares growth (1 in 10 with gaps).
    case series
    /// successes, trials (trials 1-2000) for the interval benchmarks.
    case proportions
  }

  /// The columns of each kind, for help texts.
  public static let descriptions: [(Kind, String)] = [
    (.regional, "region (32 values), year 2000-2024, month, value (3 decimals)"),
    (.refugeeCases, "case_id, filed, resolved, outcome, extended, nationality (synthetic COMAR-like cases)"),
    (.series, "series, t, x: --rows series of 40 periods for least-squares growth (1 in 10 with gaps)"),
    (.proportions, "successes, trials (trials 1-2000) for the interval benchmarks"),
  ]

  /// A deterministic table of `kind` (same seed, same table).
  public static func table(_ kind: Kind, rows: Int, seed: UInt64) -> Table {
    switch kind {
    case .regional: regionalPanel(rows: rows, seed: seed)
    case .refugeeCases: refugeeCases(rows: rows, seed: seed)
    case .series: manySeries(count: rows, periods: 40, seed: seed)
    case .proportions: proportions(count: rows, seed: seed)
    }
  }
}
