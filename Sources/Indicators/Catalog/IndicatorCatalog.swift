/// The indicators Cifra computes, one spec each (the single source for `cifra sdg list`,
/// the docs and the test inventory).
public enum IndicatorCatalog {
  /// Every indicator, in display order.
  public static let all: [IndicatorSpec] = [
    IndicatorSpec(
      id: "growth", sdgCode: nil, seriesCode: nil,
      nameES: "Crecimiento porcentual (periodo a periodo, anual, TCCA, mínimos cuadrados, índices, contribuciones)",
      nameEN: "Growth (period over period, year over year, CAGR, least squares, indexes, contributions)",
      unit: "PT", inputs: ["value column", "period column", "grouping columns"], nulls: .propagate,
      reference: "World Bank WDI Statistical methods; IMF QNA Manual ch. 8; methodology.md §4",
      guide: "docs/indicators/growth.md"),
    IndicatorSpec(
      id: "sdg-10.7.3", sdgCode: "10.7.3", seriesCode: "SM_DTH_MIGR",
      nameES: "Número de personas que murieron o desaparecieron en el proceso de migración hacia un destino internacional",
      nameEN: "Number of people who died or disappeared in the process of migration towards an international destination",
      unit: "NUMBER",
      inputs: ["IOM Missing Migrants Project export (2019/2020 website, HDX Global Figures, 2026 website, allData)"],
      nulls: .skip,
      reference: "UN SDG metadata 10.7.3 (IOM custodian); missingmigrants.iom.int/methodology; methodology.md §2",
      guide: "docs/indicators/sdg-10.7.3.md"),
    IndicatorSpec(
      id: "sdg-10.c.1", sdgCode: "10.c.1", seriesCode: "SI_RMT_COST",
      nameES: "Costo de las remesas en proporción a las sumas remitidas",
      nameEN: "Remittance costs as a proportion of the amount remitted",
      unit: "PT", inputs: ["World Bank RPW service-level sheet", "DataBank RPW corridor export", "corridor flow weights"],
      nulls: .skip,
      reference: "World Bank SDG metadata 10.c.1 (STAT_CONC_DEF, DATA_COMP, REG_AGG); SmaRT methodology 2016; methodology.md §1",
      guide: "docs/indicators/sdg-10.c.1.md"),
    IndicatorSpec(
      id: "sdg-10.7.4", sdgCode: "10.7.4", seriesCode: "SM_POP_REFG_OR",
      nameES: "Proporción de la población que son refugiados, por país de origen",
      nameEN: "Proportion of the population who are refugees, by country of origin",
      unit: "PER_100000_POP", inputs: ["refugees by origin", "population of the origin country"], nulls: .propagate,
      reference: "UNHCR / UN SDG metadata 10.7.4: refugees / (population + refugees) × 100,000; methodology.md §7",
      guide: "docs/indicators/sdg-10.7.4-17.3.2.md"),
    IndicatorSpec(
      id: "sdg-17.3.2", sdgCode: "17.3.2", seriesCode: "BX_TRF_PWKR",
      nameES: "Volumen de las remesas (en dólares de los Estados Unidos) como proporción del PIB total",
      nameEN: "Volume of remittances (in United States dollars) as a proportion of total GDP",
      unit: "PT", inputs: ["remittance flows (Banxico) and GDP in current USD", "or Mexico's SDG platform series"],
      nulls: .propagate,
      reference: "World Bank SDG metadata 17.3.2 (IMF BPM6 personal remittances / GDP); methodology.md §7",
      guide: "docs/indicators/sdg-10.7.4-17.3.2.md"),
    IndicatorSpec(
      id: "mx-refugee-in-time", sdgCode: nil, seriesCode: nil,
      nameES: "Porcentaje de solicitudes de refugio o protección complementaria con resolución en tiempo (45 o 90 días hábiles)",
      nameEN: "Share of refugee / complementary-protection applications resolved within 45 (or 90) business days",
      unit: "PT", inputs: ["case-level table: filed, resolved, outcome, extended", "mx-federal calendar + agency days"],
      nulls: .skip,
      reference: "LRPCAP art. 24; LFPA art. 28; LFTSE art. 29; seed 003 L206-210; methodology.md §3.3-3.4",
      guide: "docs/indicators/mx-refugee-in-time.md"),
    IndicatorSpec(
      id: "unhcr-recognition", sdgCode: nil, seriesCode: nil,
      nameES: "Tasa de reconocimiento de la condición de refugiado (RRR) y tasa total de reconocimiento (TRR)",
      nameEN: "Refugee recognition rate (RRR) and total recognition rate (TRR)",
      unit: "PT", inputs: ["UNHCR asylum-decisions export"], nulls: .skip,
      reference: "UNHCR Refugee Data Finder definitions (unhcr.org/4ce531e09.pdf); methodology.md §3.1",
      guide: "docs/indicators/unhcr-recognition.md"),
  ]

  /// The spec with `id`, if any.
  public static func spec(_ id: String) -> IndicatorSpec? { all.first { $0.id == id } }
}
