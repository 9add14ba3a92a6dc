/// Output formats for tables.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable, Codable {
  /// RFC 4180 CSV, LF line ends, fields quoted only when needed.
  case csv
  /// An array of records; numbers as numbers, nulls as `null`.
  case json
  /// Aligned columns for a terminal.
  case table
  /// SDMX-CSV (1.0 by default; 2.0 with `--sdmx-version 2.0`), for indicator results.
  case sdmx
  /// Open SDG data format (one CSV per indicator), for indicator results.
  case opensdg
}
