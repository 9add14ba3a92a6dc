import Columnar
import Kernels

/// SDG 10.c.1: remittance costs as a proportion of the amount remitted (World Bank Remittance
/// Prices Worldwide, RPW; methodology.md §1).
///
/// Per service s and amount tier (USD 200 = `cc1`, USD 500 = `cc2`):
/// `fee % = 100 · fee / amount`, `fx margin %` (the RPW column; or
/// `100 · (1 − applied rate / interbank rate)` when the column is absent),
/// `total cost % = fee % + fx margin %`. Aggregates are simple means of services
/// (the global average is the mean over all services, not over corridors); SmaRT is the mean
/// of the three cheapest eligible services of a corridor (transparent, speed ≤ 5 days); the
/// flow-weighted average is `Σ_c w_c · avg_c / Σ_c w_c`. Negative costs (promotions) are valid
/// source values: kept and counted.
public enum RemittanceCosts {
  /// Amount tiers.
  public enum Amount: Int, Sendable, CaseIterable, Codable {
    case usd200 = 200
    case usd500 = 500

    var prefix: String { self == .usd200 ? "cc1" : "cc2" }
  }

  /// Disaggregations.
  public enum Breakdown: String, Sendable, CaseIterable, Codable {
    case corridor, period
    case firmType = "firm-type"
    /// One row per period: mean over all services of the period (the global average).
    case global
  }

  /// Per-service costs for one tier.
  public struct Services: Sendable {
    public let periods: [Period]
    public let corridors: [String]
    public let firmTypes: [String?]
    public let feePercent: [Double]
    public let fxMargin: [Double]
    public let totalCost: [Double]
    public let eligible: [Bool]
    /// Rows whose recomputed total differs from the stated `total cost %` by more than 0.01 pp.
    public let mismatchedRows: [Int]
  }

  /// Errors in a service-level sheet.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    case column(ColumnError)
    case missingValue(row: Int, column: String)
    case zeroAmount(row: Int)
    case badWeight(row: Int)

    public var description: String {
      switch self {
      case .column(let error): error.description
      case .missingValue(let row, let column): "data row \(row + 1): '\(column)' is blank"
      case .zeroAmount(let row): "data row \(row + 1): the amount sent is 0 (no cost share)"
      case .badWeight(let row): "data row \(row + 1): corridor and a weight ≥ 0 are required"
      }
    }
  }

  /// Corridor weights from a table with columns `corridor` and `weight` (≥ 0, finite).
  public static func weights(_ table: Table) throws(Failure) -> [String: Double] {
    let names: AnyColumn
    let values: Column<Double>
    do {
      names = try table.column("corridor")
      values = try table.doubles("weight")
    } catch {
      throw .column(error)
    }
    var map: [String: Double] = [:]
    for row in 0..<table.rowCount {
      guard let name = names.text(at: row), let value = values[row], value >= 0, value.isFinite else { throw .badWeight(row: row) }
      map[name] = value
    }
    return map
  }

  static func column(_ table: Table, _ names: [String]) -> String? { names.first { table.schema.names.contains($0) } }

  /// Reads the services of an RPW service-level sheet for `amount`.
  public static func services(_ table: Table, amount: Amount) throws(Failure) -> Services {
    let p = amount.prefix
    do {
      let amounts = try table.doubles("\(p) lcu amount")
      let fees = try table.doubles("\(p) lcu fee")
      let margins = column(table, ["\(p) fx margin"]).flatMap { try? table.doubles($0) }
      let applied = column(table, ["\(p) lcu fx rate"]).flatMap { try? table.doubles($0) }
      let interbank = column(table, ["inter lcu bank fx"]).flatMap { try? table.doubles($0) }
      let stated = column(table, ["\(p) total cost %"]).flatMap { try? table.doubles($0) }
      let periods = try table.column("period")
      let corridorColumn = column(table, ["corridor"]).flatMap { try? table.column($0) }
      let sources = column(table, ["source_code"]).flatMap { try? table.column($0) }
      let destinations = column(table, ["destination_code"]).flatMap { try? table.column($0) }
      let firmType = column(table, ["firm_type"]).flatMap { try? table.column($0) }
      let transparent = column(table, ["transparent"]).flatMap { try? table.column($0) }
      let speed = column(table, ["speed actual"]).flatMap { try? table.column($0) }
      var fee: [Double] = []
      var margin: [Double] = []
      var total: [Double] = []
      var eligible: [Bool] = []
      var mismatched: [Int] = []
      var corridors: [String] = []
      for row in 0..<table.rowCount {
        guard let sent = amounts[row] else { throw Failure.missingValue(row: row, column: "\(p) lcu amount") }
        guard sent != 0 else { throw Failure.zeroAmount(row: row) }
        guard let paid = fees[row] else { throw Failure.missingValue(row: row, column: "\(p) lcu fee") }
        let feePercent = 100 * paid / sent
        let fx: Double
        if let margins, let value = margins[row] {
          fx = value
        } else if let applied, let interbank, let rate = applied[row], let reference = interbank[row], reference != 0 {
          fx = 100 * (1 - rate / reference)
        } else {
          throw Failure.missingValue(row: row, column: "\(p) fx margin")
        }
        fee.append(feePercent)
        margin.append(fx)
        total.append(feePercent + fx)
        if let stated, let value = stated[row], abs(value - (feePercent + fx)) > 0.01 { mismatched.append(row) }
        let isTransparent = transparent?.text(at: row)?.lowercased() != "no"
        let isFast = speed.map { !(($0.text(at: row) ?? "").lowercased().contains("6 days")) } ?? true
        eligible.append(isTransparent && isFast)
        let corridor =
          corridorColumn?.text(at: row)
          ?? ((sources?.text(at: row) ?? "") + (destinations?.text(at: row) ?? ""))
        corridors.append(corridor)
      }
      var parsed: [Period] = []
      for row in 0..<table.rowCount {
        let label = periods.text(at: row) ?? ""
        guard let period = try? PeriodParser.parse(label).period else {
          throw Failure.column(.badPeriod(column: "period", row: row, detail: "cannot read '\(label)' as a period (RPW uses 2016_2Q)"))
        }
        parsed.append(period)
      }
      return Services(
        periods: parsed, corridors: corridors,
        firmTypes: (0..<table.rowCount).map { firmType?.text(at: $0) }, feePercent: fee, fxMargin: margin, totalCost: total,
        eligible: eligible, mismatchedRows: mismatched)
    } catch let error as Failure {
      throw error
    } catch let error as ColumnError {
      throw .column(error)
    } catch {
      preconditionFailure("RemittanceCosts.services: unexpected \(error)")
    }
  }

  /// Mean of the three cheapest eligible services, or `nil` with fewer than three.
  public static func smart(_ costs: [(cost: Double, eligible: Bool)]) -> Double? {
    let cheapest = costs.filter(\.eligible).map(\.cost).sorted().prefix(3)
    guard cheapest.count == 3 else { return nil }
    return cheapest.reduce(0, +) / 3
  }

  /// Aggregates by `breakdown` and period: services, average fee %, fx margin %, total cost %
  /// (simple means of services), SmaRT (corridor breakdown), share of services at or below 5 %.
  public static func summarize(_ services: Services, by breakdown: Breakdown, weights: [String: Double]? = nil) throws(Failure) -> Table {
    struct Key: Hashable, Comparable {
      let period: Period
      let key: String
      static func < (a: Key, b: Key) -> Bool { a.period != b.period ? a.period < b.period : a.key < b.key }
    }
    var rows: [Key: [Int]] = [:]
    for index in services.totalCost.indices {
      let key: String
      switch breakdown {
      case .corridor: key = services.corridors[index]
      case .firmType: key = services.firmTypes[index] ?? ""
      case .period, .global: key = ""
      }
      rows[Key(period: services.periods[index], key: key), default: []].append(index)
    }
    let keys = rows.keys.sorted()
    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
    let frequency = keys.first?.period.frequency ?? .quarterly
    var columns: [(String, AnyColumn)] = [("period", .period(Column(keys.map(\.period)), frequency))]
    if breakdown == .corridor || breakdown == .firmType {
      columns.append((breakdown == .corridor ? "corridor" : "firm_type", .string(StringColumn(keys.map { $0.key }))))
    }
    columns.append(("services", .int64(Column(keys.map { Int64(rows[$0]!.count) }))))
    columns.append(("fee_pct", .double(Column(keys.map { mean(rows[$0]!.map { services.feePercent[$0] }) }))))
    columns.append(("fx_margin_pct", .double(Column(keys.map { mean(rows[$0]!.map { services.fxMargin[$0] }) }))))
    columns.append(("total_cost_pct", .double(Column(keys.map { mean(rows[$0]!.map { services.totalCost[$0] }) }))))
    columns.append((
      "services_at_or_below_5_pct",
      .int64(Column(keys.map { key in Int64(rows[key]!.filter { services.totalCost[$0] <= 5 }.count) }))
    ))
    if breakdown == .corridor {
      let smarts = keys.map { key in smart(rows[key]!.map { (services.totalCost[$0], services.eligible[$0]) }) }
      columns.append(("smart_pct", .double(Column(optionals: smarts))))
    }
    if breakdown == .global, let weights {
      // Flow-weighted average per period: corridor averages weighted by corridor flows (ddot).
      var weighted: [Double?] = []
      for key in keys {
        var byCorridor: [String: [Double]] = [:]
        for index in rows[key]! { byCorridor[services.corridors[index], default: []].append(services.totalCost[index]) }
        let corridors = byCorridor.keys.sorted().filter { weights[$0] != nil }
        weighted.append(
          weightedMean(
            Column(corridors.map { mean(byCorridor[$0]!) }), weights: Column(corridors.map { weights[$0]! })))
      }
      columns.append(("weighted_total_cost_pct", .double(Column(optionals: weighted))))
    }
    do { return try Table(columns) } catch { throw .column(error) }
  }
}
