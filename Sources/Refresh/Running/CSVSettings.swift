import Columnar
import Indicators
import TableIO

/// The CSV options a user gives for an input, by their long option names (the same keys in
/// a refresh spec's `[[input]]` table): `delimiter`, `encoding`, `null-token`, `decimal-comma`,
/// `thousands`, `type`, `date-format`, `skip-rows`, `skip-footer`; for .xlsx workbooks `sheet`,
/// `range` and `header-row`.
public struct CSVSettings: Sendable, Equatable, Decodable {
  public var delimiter: String?
  public var encoding: TextEncoding = .auto
  public var nullTokens: [String] = []
  public var decimalComma = false
  public var thousands: String?
  /// `COL=TYPE` overrides.
  public var types: [String] = []
  public var dateFormat: DateFormat?
  public var skipRows = 0
  public var skipFooter: Int?
  /// Periods as columns, made long (`period`, `value`).
  public var wide = false
  /// A `period` column from a year column and a month (or quarter) column; fiscal years start
  /// in month `fiscalYearStart`. Without `year`, `fiscalYearStart` reads columns of fiscal-year
  /// labels (`FY2022`, `2025 (FYTD)`) as annual periods.
  public var year: String?
  public var month: String?
  public var quarter: String?
  public var fiscalYearStart: Int?
  /// Workbooks: sheet name or 1-based position.
  public var sheet: String?
  /// Workbooks: `A1:F200`.
  public var range: String?
  /// Workbooks: the header's sheet row.
  public var headerRow: Int?

  public init() {}

  /// Settings as given on a command line.
  public init(
    delimiter: String?, encoding: TextEncoding, nullTokens: [String], decimalComma: Bool, thousands: String?, types: [String],
    dateFormat: DateFormat?, skipRows: Int, skipFooter: Int?, sheet: String? = nil, range: String? = nil, headerRow: Int? = nil,
    wide: Bool = false, periodParts: (year: String?, month: String?, quarter: String?, fiscalYearStart: Int?) = (nil, nil, nil, nil)
  ) {
    (self.sheet, self.range, self.headerRow, self.wide) = (sheet, range, headerRow, wide)
    (year, month, quarter, fiscalYearStart) = periodParts
    (self.delimiter, self.encoding, self.nullTokens, self.decimalComma, self.thousands) = (delimiter, encoding, nullTokens, decimalComma, thousands)
    (self.types, self.dateFormat, self.skipRows, self.skipFooter) = (types, dateFormat, skipRows, skipFooter)
  }

  public static let keys = ["delimiter", "encoding", "null-token", "decimal-comma", "thousands", "type", "date-format", "skip-rows", "skip-footer", "sheet", "range", "header-row", "wide", "year", "month", "quarter", "fiscal-year-start"]

  public init(from decoder: any Decoder) throws {
    let c = try decoder.options()
    delimiter = try c.optional("delimiter")
    encoding = try c.value("encoding", .auto)
    nullTokens = try c.value("null-token", [])
    decimalComma = try c.value("decimal-comma", false)
    thousands = try c.optional("thousands")
    types = try c.value("type", [])
    dateFormat = try c.optional("date-format")
    skipRows = try c.value("skip-rows", 0)
    skipFooter = try c.optional("skip-footer")
    sheet = try c.optional("sheet")
    range = try c.optional("range")
    headerRow = try c.optional("header-row")
    wide = try c.value("wide", false)
    year = try c.optional("year")
    month = try c.optional("month")
    quarter = try c.optional("quarter")
    fiscalYearStart = try c.optional("fiscal-year-start")
  }

  /// Known delimiter, one-character thousands separator, readable type overrides, row counts ≥ 0.
  public func validate() throws(OptionError) {
    if let delimiter, Self.delimiterByte(delimiter) == nil {
      throw OptionError("delimiter", "must be ',', ';', '|' or 'tab' (got '\(delimiter)')")
    }
    if let thousands, thousands.utf8.count != 1 { throw OptionError("thousands", "must be one character (got '\(thousands)')") }
    for type in types where Self.override(type) == nil {
      throw OptionError(
        "type", "expects COL=TYPE with TYPE one of int64, double, bool, string, date, period, period[A|S|Q|M|W|D] (got '\(type)')")
    }
    try OptionCheck.within(skipRows, 0...1_000_000, field: "skip-rows")
    if let skipFooter { try OptionCheck.within(skipFooter, 0...1_000_000, field: "skip-footer") }
    if year == nil, month != nil || quarter != nil {
      throw OptionError(month != nil ? "month" : "quarter", "needs --year, the column of the year")
    }
    if year != nil, (month == nil) == (quarter == nil) { throw OptionError("year", "needs --month or --quarter (one of them), the column of the part of the year") }
    if let fiscalYearStart { try OptionCheck.within(fiscalYearStart, 1...12, field: "fiscal-year-start") }
    if fiscalYearStart != nil, quarter != nil { throw OptionError("fiscal-year-start", "applies to --month, not --quarter") }
    if let sheet, sheet.isEmpty { throw OptionError("sheet", "must be a sheet name or a position from 1") }
    if let range, CellRange(range) == nil { throw OptionError("range", "must be cells like A1:F200, top-left first (got '\(range)')") }
    if let headerRow { try OptionCheck.within(headerRow, 1...1_048_576, field: "header-row") }
    if let headerRow, let range = range.flatMap(CellRange.init), !(range.first.row...range.last.row).contains(headerRow) {
      throw OptionError("header-row", "row \(headerRow) is outside range \(range)")
    }
  }

  static func delimiterByte(_ text: String) -> UInt8? {
    switch text {
    case ",": UInt8(ascii: ",")
    case ";": UInt8(ascii: ";")
    case "tab", "\\t", "\t": UInt8(ascii: "\t")
    case "|": UInt8(ascii: "|")
    default: nil
    }
  }

  static func override(_ text: String) -> (String, ColumnTypeOverride)? {
    let parts = text.split(separator: "=", maxSplits: 1)
    guard parts.count == 2, let type = ColumnTypeOverride(name: String(parts[1])) else { return nil }
    return (String(parts[0]), type)
  }

  /// The reader's options (call ``validate()`` first).
  public var options: CSVOptions {
    var options = CSVOptions()
    options.delimiter = delimiter.flatMap(Self.delimiterByte)
    options.encoding = encoding
    options.nullTokens = nullTokens
    options.decimalComma = decimalComma
    options.thousandsSeparator = thousands?.utf8.first
    options.dateFormat = dateFormat
    options.skipRows = skipRows
    options.skipFooter = skipFooter
    (options.sheet, options.range, options.headerRow, options.wide) = (sheet, range.flatMap(CellRange.init), headerRow, wide)
    options.periodParts = year.map { PeriodParts(year: $0, month: month, quarter: quarter, fiscalYearStart: fiscalYearStart ?? 1) }
    options.fiscalYearLabels = year == nil ? fiscalYearStart : nil
    for (column, type) in types.compactMap(Self.override) { options.types[column] = type }
    return options
  }
}
