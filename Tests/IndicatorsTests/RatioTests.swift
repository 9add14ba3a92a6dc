import Columnar
import Indicators
import TableIO
import Testing
import _TestSupport

/// SDG 10.7.4: the denominator adds the refugees back (methodology.md §7).
@Test func refugeesPer100kUsesPopulationPlusRefugees() throws {
  let table = try Table([
    ("origin", .string(StringColumn(["A", "B", "C"]))),
    ("refugees", .double(Column(optionals: [6_000_000, 0, 5]))),
    ("population", .double(Column(optionals: [20_000_000, 0, nil]))),
  ])
  let result = try PopulationRatios.refugeesPer100k(table, refugees: "refugees", population: "population", keys: ["origin"])
  let rates = try doubles(result, "refugees_per_100000")
  #expect(isClose(rates[0]!, 6e6 / 26e6 * 1e5, relative: 1e-15))  // 23,076.92…, not 30,000 (population only)
  #expect(rates[1] == nil)  // 0 / 0: undefined
  #expect(rates[2] == nil)  // population unknown
}

/// SDG 17.3.2 from Banxico monthly inflows (real file) summed to quarters, over a GDP series
/// (synthetic values: the real GDP series is not in ../shared/realdata).
@Test(.enabled(if: TestPaths.hasRealdata))
func remittancesShareOfGDPSumsCompleteQuarters() throws {
  let raw = try CSVReader.read(TestPaths.realdata + "/mexico_remittances/remesas_mensuales.csv").table
  let flujo = try raw.strings("FLUJO")
  let inflows = try raw.filter(Column((0..<raw.rowCount).map { flujo[$0] == "Ingresos" }))
  let gdp = try Table([
    ("period", .string(StringColumn(["2023-Q1", "2023-Q2", "2026-Q2"]))), ("gdp_usd", .double(Column([4e11, 5e11, 6e11]))),
  ])
  let result = try PopulationRatios.remittancesShareOfGDP(
    remittances: inflows, remittanceValue: "VALOR_USD", remittancePeriod: "PERIODO", remittanceFrequency: .monthly,
    gdp: gdp, gdpValue: "gdp_usd", gdpPeriod: "period", gdpFrequency: nil)
  // Independent: add the three 2023 Q1 months straight from the file's rows.
  let dates = try inflows.column("PERIODO")
  let values = try inflows.doubles("VALOR_USD")
  let q1 = (0..<inflows.rowCount).filter { ["2023-01-01", "2023-02-01", "2023-03-01"].contains(dates.text(at: $0)) }
  let sum = q1.reduce(0.0) { $0 + values[$1]! }
  #expect(q1.count == 3)
  #expect(try texts(result.table, "period") == ["2023-Q1", "2023-Q2"])  // 2026-Q2 is incomplete (2 months)
  #expect(isClose(try doubles(result.table, "remittances_pct_gdp")[0]!, 100 * sum / 4e11, relative: 1e-15))
  #expect(result.warnings.contains { $0.message.contains("2026-Q2 (2 of 3)") })
}

/// Mexico's SDG platform file: quarter labels `2022/I P/`, reverse order → chronological, with
/// the preliminary flag; both vintages read (109 and 106 quarters).
@Test(.enabled(if: TestPaths.hasRealdata))
func publishedSeriesIsChronologicalWithItsPreliminaryFlag() throws {
  for (vintage, rows) in [("sdg-odsmexico_2023-08-28", 109), ("sdg-odsmexico_2023-03-13", 106)] {
    var options = CSVOptions()
    options.types = ["Year": .anyPeriod]
    let table = try CSVReader.read(TestPaths.realdata + "/mexico_remittances/\(vintage)/indicator_17-3-2.csv", options: options).table
    let series = try PopulationRatios.publishedSeries(table, period: "Year", value: "Value")
    #expect(series.rowCount == rows)
    let periods = try texts(series, "period").map { $0 ?? "" }
    #expect(periods.first == "1996-Q1")
    #expect(periods == periods.sorted())
    let flags = try texts(series, "preliminary")
    #expect(flags[periods.firstIndex(of: "2022-Q1")!] == "true")
  }
}

/// A part of a year is divided only by the same part's GDP: January–June 2022 remittances are
/// left out against a whole-year 2022 GDP (named in the warnings), and matched by a January–June
/// GDP. Hand sums: 100 × 30 / 600 = 5 %.
@Test func partOfAYearIsDividedOnlyByTheSamePart() throws {
  let remittances = try Table([("period", .string(StringColumn(["ENE-JUN 2022", "2021"]))), ("usd", .double(Column([30, 50])))])
  let yearGDP = try Table([("period", .string(StringColumn(["2022", "2021"]))), ("gdp", .double(Column([1000, 1000])))])
  let whole = try PopulationRatios.remittancesShareOfGDP(
    remittances: remittances, remittanceValue: "usd", remittancePeriod: "period", remittanceFrequency: nil,
    gdp: yearGDP, gdpValue: "gdp", gdpPeriod: "period", gdpFrequency: nil)
  #expect(try texts(whole.table, "period") == ["2021"])
  #expect(whole.warnings.contains { $0.message.contains("1 period(s) of remittances have no GDP value for the same period") })
  let halfGDP = try Table([("period", .string(StringColumn(["2021", "ENE-JUN 2022"]))), ("gdp", .double(Column([1000, 600])))])
  let half = try PopulationRatios.remittancesShareOfGDP(
    remittances: remittances, remittanceValue: "usd", remittancePeriod: "period", remittanceFrequency: nil,
    gdp: halfGDP, gdpValue: "gdp", gdpPeriod: "period", gdpFrequency: nil)
  #expect(try texts(half.table, "period").compactMap { $0 }.sorted() == ["2021", "2022-01/2022-06"])
  #expect(try doubles(half.table, "remittances_pct_gdp").compactMap { $0 }.sorted() == [5, 5])
}
