import Columnar

/// Text encodings the CSV reader accepts.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
  /// UTF-8 (a BOM is skipped); invalid bytes are an error.
  case utf8
  /// Windows-1252 (the five undefined bytes are an error).
  case cp1252
  /// UTF-8 when the bytes are valid UTF-8, else Windows-1252 (reported in the result).
  case auto
}

/// Date layouts the CSV reader understands.
public enum DateFormat: String, Sendable, CaseIterable, Codable {
  /// `2016-08-15`.
  case iso
  /// `8/15/2016` or `08/15/2016` (US order).
  case mdy
  /// `15/8/2016` or `15/08/2016`.
  case dmy
  /// `9-Jul-19`: day, English month abbreviation, two-digit year (00–29 → 2000s, 30–99 → 1900s,
  /// Excel's window).
  case dMonYY = "d-mon-yy"
  /// `January 05, 2020`.
  case monthDayYear = "month-d-yyyy"
  /// `Thu, 01/01/2026 - 12:00` (Drupal export): month/day order is chosen by the weekday,
  /// which must match; the time of day is dropped.
  case drupal
}

/// Options of the CSV reader. Defaults follow RFC 4180 with a header row.
public struct CSVOptions: Sendable, Equatable {
  /// Optional progress sink (for a progress line); it never changes a result.
  public var progress: CSVProgress?

  /// Options are equal when every setting is (the progress sink is not a setting).
  public static func == (lhs: CSVOptions, rhs: CSVOptions) -> Bool {
    lhs.delimiter == rhs.delimiter && lhs.encoding == rhs.encoding && lhs.nullTokens == rhs.nullTokens
      && lhs.decimalComma == rhs.decimalComma && lhs.thousandsSeparator == rhs.thousandsSeparator
      && lhs.skipRows == rhs.skipRows && lhs.skipFooter == rhs.skipFooter && lhs.types == rhs.types
      && lhs.dateFormat == rhs.dateFormat && lhs.columns == rhs.columns && lhs.jobs == rhs.jobs
      && lhs.minimumChunkBytes == rhs.minimumChunkBytes && lhs.memoryLimit == rhs.memoryLimit
  }

  /// Field delimiter; `nil` detects `,` `;` or tab from the header line.
  public var delimiter: UInt8?
  /// Text encoding.
  public var encoding: TextEncoding = .auto
  /// Extra tokens read as null (blank fields are always null). Compared after unquoting.
  public var nullTokens: [String] = []
  /// Read `1,5` as 1.5 (the decimal comma of Spanish-language tables).
  public var decimalComma = false
  /// Thousands separator stripped from numbers (`,`, `.`, space, `'`); `nil` = none allowed.
  public var thousandsSeparator: UInt8?
  /// Physical lines to skip before the header (e.g. 4 for the WDI bulk CSV preamble).
  public var skipRows = 0
  /// Records to drop at the end; `nil` detects a DataBank-style footer (blank records
  /// followed by text-only records such as "Data from database: ...").
  public var skipFooter: Int?
  /// Per-column type overrides by column name. A `period` override without a frequency
  /// uses the frequency of the labels.
  public var types: [String: ColumnTypeOverride] = [:]
  /// Date layout; `nil` infers one per column from the values (ambiguous columns stay strings).
  public var dateFormat: DateFormat?
  /// Columns to convert (projection); `nil` = all. Others are tokenized but never converted,
  /// and are absent from the table. Unknown names are an error.
  public var columns: [String]?
  /// Names of `columns` that may be absent from the file (read when present).
  public var optionalColumns: Set<String> = []
  /// Threads used for parsing; results are identical for any value.
  /// Periods as columns (WDI, DataBank, INEGI tabulations): made long (`period`, `value`) after
  /// reading, the other columns kept (``Table/longFromPeriodColumns()``).
  public var wide = false
  /// A `period` column built from a year and a month (or quarter) column, after reading
  /// (``Table/withPeriod(from:)``; fiscal years mapped to calendar months).
  public var periodParts: PeriodParts?
  /// Without `periodParts`: the first month of the fiscal years in columns of fiscal-year labels
  /// (`FY2022`, `2025 (FYTD)`), read as annual periods (``Table/withFiscalYearLabels(startingIn:)``).
  public var fiscalYearLabels: Int?
  /// Workbooks: the sheet, by name or 1-based position (`nil`: the first).
  public var sheet: String?
  /// Workbooks: the cells to read (`nil`: all).
  public var range: CellRange?
  /// Workbooks: the sheet row of the header (`nil`: the first row with a value in the range).
  public var headerRow: Int?
  public var jobs = 1
  /// Memory the reader may use for offsets and columns, in bytes; `nil` = 75 % of physical
  /// memory. A file that would need more is refused with ``TableIOError/tooLarge(file:neededBytes:limitBytes:)``
  /// before anything is allocated (project fewer columns with `columns` to need less).
  public var memoryLimit: Int?
  /// Smallest chunk handed to one thread (a tuning knob; tests lower it to force many chunks).
  public var minimumChunkBytes = 1 << 20

  /// Default options.
  public init() {}
}

/// A requested column type.
public enum ColumnTypeOverride: Sendable, Equatable {
  case type(DataType)
  /// Periods with the frequency of their labels (all labels must share it).
  case anyPeriod
  /// A number: int64 or double as the values say, never text — the first value that is no
  /// number is an error naming its line (or workbook cell).
  case anyNumber

  /// Parses `int64`, `double`, `bool`, `string`, `date`, `period`, `period[M]`.
  public init?(name: String) {
    guard let parsed = DataType.parse(name) else { return nil }
    if let type = parsed.type { self = .type(type) } else { self = .anyPeriod }
  }
}
