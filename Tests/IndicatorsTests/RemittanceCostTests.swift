import Columnar
import Indicators
import Kernels
import TableIO
import Testing
import _TestSupport

func fixture() throws -> Table {
  try CSVReader.read(TestPaths.packageRoot + "/datasets/rpw-fixture/data.csv").table
}

/// methodology.md §1.4 G-RPW-1 / G-RPW-2: fee USD 5 (8) on 200 (500), applied 17.00 vs
/// interbank 17.50 → 5.357142857 % (4.457142857 %), from the rates when no margin column.
@Test func serviceCostFromFeeAndRates() throws {
  let table = try fixture().select(["period", "corridor", "cc1 lcu amount", "cc1 lcu fee", "cc1 lcu fx rate", "cc2 lcu amount", "cc2 lcu fee", "cc2 lcu fx rate", "inter lcu bank fx"])
  let usd200 = try RemittanceCosts.services(table, amount: .usd200)
  #expect(isClose(usd200.totalCost[0], 5.357142857142857, relative: 1e-12))
  #expect(isClose(usd200.feePercent[0], 2.5, relative: 1e-15))
  let usd500 = try RemittanceCosts.services(table, amount: .usd500)
  #expect(isClose(usd500.totalCost[0], 4.457142857142857, relative: 1e-12))
}

/// G-RPW-4: corridor totals [3.2, 4.1, 5.0, 6.8, 9.9] → mean 5.8; SmaRT of the three cheapest
/// eligible (4.1 is slow, 9.9 not transparent) = mean(3.2, 5.0, 6.8) = 5.0; all eligible: 4.1.
@Test func corridorAverageAndSmaRT() throws {
  let services = try RemittanceCosts.services(fixture(), amount: .usd200)
  #expect(services.mismatchedRows.isEmpty)
  let table = try RemittanceCosts.summarize(services, by: .corridor)
  let corridors = try texts(table, "corridor")
  let periods = try texts(table, "period")
  let row = (0..<table.rowCount).first { corridors[$0] == "USAGTM" && periods[$0] == "2016-Q2" }!
  #expect(isClose(try doubles(table, "total_cost_pct")[row]!, 5.8, relative: 1e-12))
  #expect(isClose(try doubles(table, "smart_pct")[row]!, 5.0, relative: 1e-12))
  #expect(isClose(RemittanceCosts.smart([3.2, 4.1, 5.0, 6.8, 9.9].map { ($0, true) })!, 4.1, relative: 1e-12))
  #expect(RemittanceCosts.smart([(1, true), (2, true), (3, false)]) == nil)
}

/// The global average is the mean over all services, not over corridor means.
@Test func globalAverageIsOverServices() throws {
  let services = try RemittanceCosts.services(fixture(), amount: .usd200)
  let global = try RemittanceCosts.summarize(services, by: .global)
  let q2 = (0..<services.totalCost.count).filter { services.periods[$0] == Period.quarter(2016, 2) }
  let expected = q2.map { services.totalCost[$0] }.reduce(0, +) / Double(q2.count)
  #expect(isClose(try doubles(global, "total_cost_pct")[0]!, expected, relative: 1e-12))
  // Flow-weighted (ddot): weights 3 for USAMEX, 1 for USAGTM.
  let weighted = try RemittanceCosts.summarize(services, by: .global, weights: ["USAMEX": 3, "USAGTM": 1])
  let mex = (0..<4).map { services.totalCost[$0] }.reduce(0, +) / 4
  #expect(isClose(try doubles(weighted, "weighted_total_cost_pct")[0]!, (3 * mex + 5.8) / 4, relative: 1e-12))
}

/// G-RPW-6: a negative margin (promotion) is a valid value: kept.
@Test func negativeCostsAreKept() throws {
  let services = try RemittanceCosts.services(fixture(), amount: .usd200)
  #expect(isClose(services.fxMargin[9], -1.2, relative: 1e-15))
  #expect(isClose(services.totalCost[9], 1.3, relative: 1e-12))
}

@Test func weightedMeanSkipsNullsAndZeroWeightsAreUndefined() {
  #expect(weightedMean(Column(optionals: [1, nil, 3]), weights: Column([1, 5, 1])) == 2)
  #expect(weightedMean(Column([1, 2]), weights: Column([0, 0])) == nil)
  #expect(weightedMean(Column<Double>([]), weights: Column<Double>([])) == nil)
}

/// The real DataBank export: USA→MEX has all 35 quarter cells (SOURCE.md), footer dropped.
@Test(.enabled(if: TestPaths.hasRealdata))
func dataBankCorridorSeriesForUSAMEX() throws {
  var options = CSVOptions()
  options.nullTokens = [".."]
  let table = try CSVReader.read(TestPaths.realdata + "/remittance_prices/36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv", options: options).table
  #expect(DataBankCorridors.matches(table))
  let series = try DataBankCorridors.series(table, corridors: ["USAMEX"])
  #expect(series.rowCount == 35)
  #expect(try texts(series, "period").prefix(3) == ["2011-Q1", "2011-Q3", "2012-Q1"])
  #expect(try doubles(series, "total_cost_pct")[0] == 5.00611114501953)
  let all = try DataBankCorridors.series(table)
  #expect(Set(try texts(all, "corridor")).count == 377)  // corridors with at least one value
}

/// G-RPW-3: workbook identity, amount 16600 INR, fee 350, margin 0.60 → 2.708434 (2.71 at the
/// workbook's 2 decimals; compared with ±0.01 pp).
@Test func workbookIdentityRow() throws {
  let table = try Table([
    ("period", .string(StringColumn(["2016_2Q"]))), ("corridor", .string(StringColumn(["GBRIND"]))),
    ("cc1 lcu amount", .double(Column([16600]))), ("cc1 lcu fee", .double(Column([350]))),
    ("cc1 fx margin", .double(Column([0.60]))), ("cc1 total cost %", .double(Column([2.71]))),
  ])
  let services = try RemittanceCosts.services(table, amount: .usd200)
  #expect(isClose(services.totalCost[0], 350.0 / 16600 * 100 + 0.60, relative: 1e-15))
  #expect(isClose(services.totalCost[0], 2.708434, absolute: 5e-7))
  #expect(services.mismatchedRows.isEmpty)  // |2.71 − 2.708434| ≤ 0.01
}
