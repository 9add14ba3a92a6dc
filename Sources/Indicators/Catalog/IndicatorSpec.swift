/// What a computation does with null inputs.
public enum NullPolicy: String, Sendable {
  /// Null rows are left out (sums, counts, shares).
  case skip
  /// A null input row gives a null output row (element-wise measures).
  case propagate
}

/// Metadata for one indicator: drives `cifra sdg list`, the docs and the tests.
public struct IndicatorSpec: Sendable, Identifiable, Equatable {
  /// Stable id, e.g. `sdg-10.7.3`.
  public let id: String
  /// SDG indicator code (`10.7.3`), or `nil` for national or auxiliary indicators.
  public let sdgCode: String?
  /// UN SDG Global Database series code (`SM_DTH_MIGR`), or `nil`.
  public let seriesCode: String?
  /// Name in Spanish.
  public let nameES: String
  /// Name in English.
  public let nameEN: String
  /// SDMX `UNIT_MEASURE` code: `NUMBER`, `PT` (percent), `PER_100000_POP`.
  public let unit: String
  /// Inputs the indicator reads.
  public let inputs: [String]
  /// Null policy.
  public let nulls: NullPolicy
  /// Where the definition comes from.
  public let reference: String
  /// The guide in docs/indicators/.
  public let guide: String
}
