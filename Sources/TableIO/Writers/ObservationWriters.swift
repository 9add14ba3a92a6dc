import Columnar

/// Writers for SDMX-CSV 1.0 / 2.0 and the Open SDG data format.
///
/// SDMX-CSV (sdmx-twg/sdmx-csv field guides; UN SDG DSD `DF_SDG_GLH`, methodology.md §6.3):
/// one row per observation; the 15 DSD dimensions in DSD order, `_T` where the result has no
/// breakdown; `TIME_PERIOD` in SDMX form (`2021`, `2021-Q3`, `2021-07`); `OBS_VALUE`
/// round-trip exact; the 16 DSD attributes in DSD order (`OBS_STATUS` A normal, P provisional
/// or partial with a `COMMENT_OBS`; `UNIT_MULT` 0; `UNIT_MEASURE`; `BASE_PER` for indexes).
/// Refused, with the reason, rather than written wrong: a result with no SDG series, no known
/// `REF_AREA`, a breakdown that is no DSD dimension (unless custom columns are asked for), a
/// code outside the code list, two observations with one key, or a period that is no calendar
/// period (`2022-01/2022-06`, a fiscal year, a year to date). Rows with a null value are
/// omitted (SDMX-CSV 1.0 has no missing-value marker).
///
/// Open SDG (open-sdg data-format, methodology.md §6.4; the UK ONS `indicator_10-7-3.csv`):
/// `Year` (an integer year), `Quarter` / `Month` for sub-annual periods, the disaggregations
/// (ONS column names where the layout names them; blank = total), `Observation status`,
/// `Unit multiplier`, `Units`, `Value`. Headline rows have blank disaggregations; rows with no
/// value are left out. A null category is written `Not recorded` (a blank would read as the total).
public enum ObservationWriter {
  static let sdgDimensions = [
    "FREQ", "REPORTING_TYPE", "SERIES", "REF_AREA", "SEX", "AGE", "URBANISATION", "INCOME_WEALTH_QUANTILE",
    "EDUCATION_LEV", "OCCUPATION", "CUST_BREAKDOWN", "COMPOSITE_BREAKDOWN", "DISABILITY_STATUS", "ACTIVITY", "PRODUCT",
  ]
  static let sdgAttributes = [
    "OBS_STATUS", "UNIT_MULT", "UNIT_MEASURE", "BASE_PER", "NATURE", "TIME_DETAIL", "COMMENT_OBS", "TIME_COVERAGE",
    "UPPER_BOUND", "LOWER_BOUND", "SOURCE_DETAIL", "COMMENT_TS", "GEO_INFO_URL", "GEO_INFO_TYPE", "CUST_BREAKDOWN_LB",
    "DATA_LAST_UPDATE",
  ]

  /// Why a result cannot be written in an observation format.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    case missingColumn(String)
    case noPeriod(String)
    case noSeries(String)
    case noReferenceArea
    case notInDSD([String])
    case unknownCode(column: String, value: String, row: Int, codeList: String)
    case duplicateKey(key: String, rows: (Int, Int))
    case notCalendarPeriod(String)

    public static func == (lhs: Failure, rhs: Failure) -> Bool { lhs.description == rhs.description }

    public var description: String {
      switch self {
      case .missingColumn(let name): "the result has no column '\(name)' for SDMX / Open SDG output"
      case .noPeriod(let name): "column '\(name)' does not hold periods"
      case .noSeries(let reason): "no SDMX output: \(reason); write csv or json instead"
      case .noReferenceArea:
        "no SDMX output: the data does not say which area the figures describe; pass --ref-area with its M49 code (1 = World, 484 = Mexico)"
      case .notInDSD(let names):
        "no SDMX output: breakdown \(names.map { "'\($0)'" }.joined(separator: ", ")) is no dimension of the UN SDG DSD; drop it from --by, or pass --extra-columns to write it as a custom column"
      case .unknownCode(let column, let value, let row, let list):
        "no SDMX output: column '\(column)', result row \(row): '\(value)' is not in the \(list) code list"
      case .duplicateKey(let key, let rows):
        "no SDMX output: result rows \(rows.0) and \(rows.1) have the same observation key \(key); a breakdown that is not a DSD dimension must not split observations"
      case .notCalendarPeriod(let label):
        "no SDMX / Open SDG output: period \(label) is part of a year, a fiscal year or a year to date, and TIME_PERIOD / Year name calendar periods; write csv or json instead"
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
    case .period(let periods, let f):
      frequency = f
      if let odd = periods.values.indices.first(where: { periods.isValid($0) && periods.values[$0].span != .calendarYear }) {
        throw .notCalendarPeriod(periods.values[odd].description)
      }
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

  /// A numeric M49 code as written (1 to 3 digits).
  static func isM49(_ text: String) -> Bool { (1...3).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber } }

  /// The code for `text` under `coding`, or `nil` when the code list has none.
  static func code(_ text: String, _ coding: DimensionSource.Coding) -> String? {
    switch coding {
    case .asIs: return text
    case .m49: return isM49(text) ? String(Int(text)!) : M49Codes.byAlpha3[text]
    case .customM49: return M49Codes.byAlpha3[text].map { "C" + $0 }
    case .corridorSending: return text.count == 6 ? M49Codes.byAlpha3[String(text.prefix(3))] : nil
    case .corridorReceiving: return text.count == 6 ? M49Codes.byAlpha3[String(text.suffix(3))].map { "C" + $0 } : nil
    }
  }

  /// SDMX-CSV 1.0 (`version` 1) or 2.0 (`version` 2). `referenceArea` overrides the layout's
  /// (and a REF_AREA column); `extraColumns` writes breakdowns that are no DSD dimension as
  /// custom columns after the attributes instead of refusing them.
  public static func sdmx(
    _ table: Table, layout: ObservationLayout, version: Int = 1, decimals: Int? = nil, referenceArea: String? = nil,
    extraColumns: Bool = false
  ) throws(Failure) -> String {
    guard let series = layout.series else { throw .noSeries(layout.noSeriesReason ?? "this result is not a UN SDG series") }
    let resolved = try resolve(table, layout)
    var sources: [(dimension: String, column: String, cells: AnyColumn, coding: DimensionSource.Coding)] = []
    for source in layout.dimensions where !(source.dimension == "REF_AREA" && referenceArea != nil) {
      precondition(sdgDimensions.contains(source.dimension), "layout names \(source.dimension), not a DSD dimension")
      guard let cells = try? table.column(source.column) else { throw .missingColumn(source.column) }
      sources.append((source.dimension, source.column, cells, source.coding))
    }
    let mapped = Set(layout.dimensions.map(\.column))
    let custom = layout.breakdowns.filter { !mapped.contains($0) }
    if !custom.isEmpty, !extraColumns { throw .notInDSD(custom) }
    let area = referenceArea ?? layout.referenceArea
    if area == nil, !sources.contains(where: { $0.dimension == "REF_AREA" }) { throw .noReferenceArea }
    let customCells = try custom.map { name throws(Failure) in
      guard let cells = try? table.column(name) else { throw .missingColumn(name) }
      return cells
    }
    let customNames = custom.map { $0.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.map(String.init).joined() }
    var header = version == 2 ? ["STRUCTURE", "STRUCTURE_ID", "ACTION"] : ["DATAFLOW"]
    header += sdgDimensions + ["TIME_PERIOD", "OBS_VALUE"] + sdgAttributes + customNames
    var out = header.joined(separator: ",") + "\n"
    let writer = TableWriter(decimals: decimals)
    var keys: [String: Int] = [:]
    for row in 0..<table.rowCount {
      guard resolved.value.isValid(row), let time = resolved.time.text(at: row) else { continue }
      var values: [String: String] = [
        "FREQ": resolved.frequency.rawValue, "REPORTING_TYPE": "N", "SERIES": series, "REF_AREA": area ?? "",
      ]
      for source in sources {
        let text = source.cells.text(at: row) ?? ""
        guard let code = code(text, source.coding) else {
          throw .unknownCode(column: source.column, value: text, row: row + 1, codeList: source.coding == .asIs ? source.dimension : "M49")
        }
        values[source.dimension] = code
      }
      let dimensions = sdgDimensions.map { values[$0] ?? "_T" }
      let key = dimensions.joined(separator: ".") + " " + time
      if let first = keys[key] { throw .duplicateKey(key: key, rows: (first + 1, row + 1)) }
      keys[key] = row
      let partial = layout.partialPeriods[time]
      let attributes: [String: String] = [
        "OBS_STATUS": partial != nil || isProvisional(resolved, row) ? "P" : "A", "UNIT_MULT": "0", "UNIT_MEASURE": layout.unit,
        "BASE_PER": layout.basePeriod ?? "", "COMMENT_OBS": partial ?? "",
      ]
      var fields = version == 2 ? ["dataflow", layout.dataflow, "I"] : [layout.dataflow]
      fields += dimensions
      fields.append(time)
      fields.append(writer.cell(resolved.value, row) ?? "")
      fields += sdgAttributes.map { attributes[$0] ?? "" }
      fields += customCells.map { $0.text(at: row) ?? "_T" }
      out += fields.map(TableWriter.quoteCSVStrict).joined(separator: ",") + "\n"
    }
    return out
  }

  /// Open SDG: one CSV for the indicator. `headline` (the totals, e.g. by year only) is
  /// written first with blank disaggregations, then `table`'s rows with their breakdowns.
  public static func openSDG(_ table: Table, layout: ObservationLayout, headline: Table? = nil, decimals: Int? = nil) throws(Failure) -> String {
    let resolved = try resolve(table, layout)
    let subAnnual: String? =
      switch resolved.frequency {
      case .quarterly: "Quarter"
      case .monthly: "Month"
      case .semiannual: "Semester"
      default: nil
      }
    let names = layout.breakdowns.map { layout.openSDGNames[$0] ?? $0 }
    let header = ["Year"] + (subAnnual.map { [$0] } ?? []) + names + ["Observation status", "Unit multiplier", "Units", "Value"]
    var out = header.map(TableWriter.quoteCSVStrict).joined(separator: ",") + "\n"
    let writer = TableWriter(decimals: decimals)
    /// `Year` and the sub-annual part of a period (`2013-Q1` → `2013`, `Q1`; `2021-07` → `2021`, `07`).
    func time(_ resolved: Resolved, _ row: Int) -> [String] {
      let text = resolved.time.text(at: row) ?? ""
      guard subAnnual != nil else { return [text] }
      let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
      return parts.count == 2 ? parts : [text, ""]
    }
    func line(_ resolved: Resolved, _ row: Int, breakdowns: [String]) -> String? {
      guard let value = writer.cell(resolved.value, row), !value.isEmpty else { return nil }
      let period = resolved.time.text(at: row) ?? ""
      let status = isProvisional(resolved, row) || layout.partialPeriods[period] != nil ? "Provisional" : "Normal value"
      let fields = time(resolved, row) + breakdowns + [status, "Units", layout.unitLabel, value]
      return fields.map(TableWriter.quoteCSVStrict).joined(separator: ",") + "\n"
    }
    if let headline {
      var headlineLayout = layout
      headlineLayout.breakdowns = []
      let totals = try resolve(headline, headlineLayout)
      for row in 0..<headline.rowCount {
        out += line(totals, row, breakdowns: Array(repeating: "", count: layout.breakdowns.count)) ?? ""
      }
    }
    for row in 0..<table.rowCount {
      // A blank category means "total" in Open SDG, so a null category is labelled explicitly.
      out += line(resolved, row, breakdowns: resolved.breakdowns.map { $0.text(at: row).map { layout.openSDGValues[$0] ?? $0 } ?? "Not recorded" }) ?? ""
    }
    return out
  }
}

extension TableWriter {
  /// RFC 4180 quoting for strict consumers: quote only when needed, empty stays empty.
  public static func quoteCSVStrict(_ field: String) -> String {
    field.isEmpty ? "" : quoteCSV(field)
  }
}
