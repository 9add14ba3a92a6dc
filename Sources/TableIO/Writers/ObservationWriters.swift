import Columnar

/// Writers for SDMX-CSV 1.0 / 2.0 and the Open SDG data format.
///
/// SDMX-CSV (sdmx-twg/sdmx-csv field guides): one row per observation; every dimension of the
/// UN SDG DSD (`DF_SDG_GLH`), `_T` where the result has no breakdown; `TIME_PERIOD` in SDMX
/// reporting form (`2021`, `2021-Q3`, `2021-07`); `OBS_VALUE` round-trip exact; attributes
/// `OBS_STATUS` (A normal, P provisional), `UNIT_MULT` 0, `UNIT_MEASURE`; the result's own
/// breakdowns follow as custom columns (upper-case names). Rows with a null value are omitted
/// (SDMX-CSV 1.0 has no missing-value marker). Open SDG (open-sdg data-format): `Year`, the
/// disaggregation columns (blank = total), `Observation status`, `Unit multiplier`, `Units`,
/// `Value` — the layout of the UK ONS `indicator_10-7-3.csv`. A null category is written
/// `Not recorded` (a blank would read as the total).
public enum ObservationWriter {
  static let sdgDimensions = [
    "FREQ", "REPORTING_TYPE", "SERIES", "REF_AREA", "SEX", "AGE", "URBANISATION", "INCOME_WEALTH_QUANTILE",
    "EDUCATION_LEV", "OCCUPATION", "CUST_BREAKDOWN", "COMPOSITE_BREAKDOWN", "DISABILITY_STATUS", "ACTIVITY", "PRODUCT",
  ]

  /// Errors: the layout names a column the table does not have.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    case missingColumn(String)
    case noPeriod(String)

    public var description: String {
      switch self {
      case .missingColumn(let name): "the result has no column '\(name)' for SDMX / Open SDG output"
      case .noPeriod(let name): "column '\(name)' does not hold periods"
      }
    }
  }

  struct Resolved {
    let time: AnyColumn
    let value: AnyColumn
    let breakdowns: [AnyColumn]
    let provisional: AnyColumn?
    let frequency: Frequency
  }

  static func resolve(_ table: Table, _ layout: ObservationLayout) throws(Failure) -> Resolved {
    func column(_ name: String) throws(Failure) -> AnyColumn {
      guard let column = try? table.column(name) else { throw .missingColumn(name) }
      return column
    }
    let time = try column(layout.timeColumn)
    let frequency: Frequency
    switch time {
    case .period(_, let f): frequency = f
    case .int64: frequency = .annual
    default: throw .noPeriod(layout.timeColumn)
    }
    var breakdowns: [AnyColumn] = []
    for name in layout.breakdowns { breakdowns.append(try column(name)) }
    let provisional = try layout.provisionalColumn.map { name throws(Failure) in try column(name) }
    return Resolved(time: time, value: try column(layout.valueColumn), breakdowns: breakdowns, provisional: provisional, frequency: frequency)
  }

  static func isProvisional(_ resolved: Resolved, _ row: Int) -> Bool {
    if case .bool(let flags)? = resolved.provisional { return flags[row] == true }
    return false
  }

  /// SDMX-CSV 1.0 (`version` 1) or 2.0 (`version` 2).
  public static func sdmx(_ table: Table, layout: ObservationLayout, version: Int = 1, decimals: Int? = nil) throws(Failure) -> String {
    let resolved = try resolve(table, layout)
    let custom = layout.breakdowns.map { $0.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.map(String.init).joined() }
    var header = version == 2 ? ["STRUCTURE", "STRUCTURE_ID", "ACTION"] : ["DATAFLOW"]
    header += sdgDimensions + ["TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "UNIT_MULT", "UNIT_MEASURE"] + custom
    var out = header.joined(separator: ",") + "\n"
    let writer = TableWriter(decimals: decimals)
    for row in 0..<table.rowCount {
      guard resolved.value.isValid(row), let time = resolved.time.text(at: row) else { continue }
      var fields = version == 2 ? ["dataflow", layout.dataflow, "I"] : [layout.dataflow]
      let dimensionValues: [String: String] = [
        "FREQ": resolved.frequency.rawValue, "REPORTING_TYPE": "N", "SERIES": layout.series ?? "_Z",
        "REF_AREA": layout.referenceArea,
      ]
      fields += sdgDimensions.map { dimensionValues[$0] ?? "_T" }
      fields.append(time)
      fields.append(writer.cell(resolved.value, row) ?? "")
      fields.append(isProvisional(resolved, row) ? "P" : "A")
      fields.append("0")
      fields.append(layout.unit)
      fields += resolved.breakdowns.map { $0.text(at: row) ?? "_T" }
      out += fields.map(TableWriter.quoteCSVStrict).joined(separator: ",") + "\n"
    }
    return out
  }

  /// Open SDG: one CSV for the indicator. `headline` (the totals, e.g. by year only) is
  /// written first with blank disaggregations, then `table`'s rows with their breakdowns.
  public static func openSDG(_ table: Table, layout: ObservationLayout, headline: Table? = nil, decimals: Int? = nil) throws(Failure) -> String {
    let resolved = try resolve(table, layout)
    let header = ["Year"] + layout.breakdowns + ["Observation status", "Unit multiplier", "Units", "Value"]
    var out = header.map(TableWriter.quoteCSVStrict).joined(separator: ",") + "\n"
    let writer = TableWriter(decimals: decimals)
    func year(_ resolved: Resolved, _ row: Int) -> String {
      let text = resolved.time.text(at: row) ?? ""
      // Open SDG writes quarters as `2013 Q1` (ONS 10.c.1); years stay plain.
      return text.replacingQuarterDash()
    }
    func line(_ resolved: Resolved, _ row: Int, breakdowns: [String]) -> String {
      let status = isProvisional(resolved, row) ? "Provisional" : "Normal value"
      let fields = [year(resolved, row)] + breakdowns + [status, "Units", layout.unitLabel, writer.cell(resolved.value, row) ?? ""]
      return fields.map(TableWriter.quoteCSVStrict).joined(separator: ",") + "\n"
    }
    if let headline {
      var headlineLayout = layout
      headlineLayout.breakdowns = []
      let totals = try resolve(headline, headlineLayout)
      for row in 0..<headline.rowCount {
        out += line(totals, row, breakdowns: Array(repeating: "", count: layout.breakdowns.count))
      }
    }
    for row in 0..<table.rowCount {
      // A blank category means "total" in Open SDG, so a null category is labelled explicitly.
      out += line(resolved, row, breakdowns: resolved.breakdowns.map { $0.text(at: row) ?? "Not recorded" })
    }
    return out
  }
}

extension String {
  func replacingQuarterDash() -> String {
    guard count == 7, let dash = firstIndex(of: "-"), self[index(after: dash)] == "Q" else { return self }
    return String(self[..<dash]) + " " + String(self[index(after: dash)...])
  }
}

extension TableWriter {
  /// RFC 4180 quoting for strict consumers: quote only when needed, empty stays empty.
  public static func quoteCSVStrict(_ field: String) -> String {
    field.isEmpty ? "" : quoteCSV(field)
  }
}
