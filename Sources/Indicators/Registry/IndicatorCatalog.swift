/// The registry: every indicator Cifra computes, in display order. `cifra sdg list`, the CLI
/// subcommands, refresh, the docs check and the conformance test all read this one list.
public enum IndicatorCatalog {
  /// Every indicator, in display order.
  public static let all: [any Indicator.Type] = [
    GrowthIndicator.self,
    MissingMigrantsIndicator.self,
    RemittanceCostsIndicator.self,
    RefugeesPer100kIndicator.self,
    RemittancesShareOfGDPIndicator.self,
    RefugeeInTimeIndicator.self,
    RecognitionIndicator.self,
    ProportionIndicator.self,
    RateIndicator.self,
    PrecisionIndicator.self,
    CrossTabIndicator.self,
    AuditIndicator.self,
  ]

  /// Every indicator's catalog entry, in display order.
  public static var specs: [IndicatorSpec] { all.map { $0.spec } }

  /// The indicator with `id`, if any.
  public static func indicator(_ id: String) -> (any Indicator.Type)? { all.first { $0.spec.id == id } }

  /// The catalog entry with `id`, if any.
  public static func spec(_ id: String) -> IndicatorSpec? { indicator(id)?.spec }
}
