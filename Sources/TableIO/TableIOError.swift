import Columnar

/// Errors reading or writing tables. Each case says where: file, line, column and the text.
///
/// Lines are 1-based physical lines of the file (the header is line 1 unless rows were
/// skipped); a record spanning several lines is reported at the line where it, or the
/// offending field, starts.
public enum TableIOError: Error, Equatable, Sendable, CustomStringConvertible {
  case fileNotFound(file: String)
  case unreadable(file: String, reason: String)
  case emptyFile(file: String)
  case invalidEncoding(file: String, line: Int, byteOffset: Int, bytes: String, encoding: String)
  case nulByte(file: String, line: Int)
  case unterminatedQuote(file: String, line: Int)
  case textAfterClosingQuote(file: String, line: Int, column: String, text: String)
  case raggedRow(file: String, line: Int, expectedFields: Int, foundFields: Int)
  case malformedValue(file: String, line: Int, column: String, text: String, expected: String)
  case unknownColumn(file: String, name: String, available: [String])
  case duplicateColumn(file: String, name: String)
  case noHeader(file: String)
  case invalidOption(String)
  /// A reading option that does not fit this file (`sheet` for CSV text, `delimiter` for a
  /// workbook, a sheet the workbook lacks): a usage error naming the option.
  case inapplicableOption(option: String, reason: String)
  case writeFailed(file: String, reason: String)
  case tooLarge(file: String, neededBytes: Int, limitBytes: Int)
  /// A workbook cell whose text is not what its column needs (`cell` as `Datos!C17`).
  case badCell(file: String, cell: String, text: String, expected: String)
  /// A problem of a workbook as a whole (a missing part, merged header cells, …).
  case workbook(file: String, message: String)
  /// The file is plainly another kind of file (workbook, archive, PDF, UTF-16).
  case wrongKind(file: String, what: String, fix: String)

  public var description: String {
    switch self {
    case .fileNotFound(let file):
      return "\(file): no such file"
    case .unreadable(let file, let reason):
      return "\(file): cannot read: \(reason)"
    case .emptyFile(let file):
      return "\(file): the file is empty (expected a header line and data)"
    case .invalidEncoding(let file, let line, let offset, let bytes, let encoding):
      return "\(file), line \(line): bytes \(bytes) at byte offset \(offset) are not valid \(encoding) (option encoding: cp1252 or utf8)"
    case .nulByte(let file, let line):
      return "\(file), line \(line): NUL byte in text (binary file, or UTF-16? expected UTF-8 or Windows-1252 text)"
    case .unterminatedQuote(let file, let line):
      return "\(file), line \(line): quoted field is never closed (expected a closing '\"' before the end of the file)"
    case .textAfterClosingQuote(let file, let line, let column, let text):
      return "\(file), line \(line), column '\(column)': text '\(text)' after a closing quote (expected a delimiter or end of line; double a quote inside a quoted field)"
    case .raggedRow(let file, let line, let expected, let found):
      return "\(file), line \(line): expected \(expected) fields, found \(found)"
    case .malformedValue(let file, let line, let column, let text, let expected):
      return "\(file), line \(line), column '\(column)': cannot read '\(text)' as \(expected)"
    case .unknownColumn(let file, let name, let available):
      return "\(file): no column named '\(name)' (columns: \(available.map { "'\($0)'" }.joined(separator: ", ")))"
    case .duplicateColumn(let file, let name):
      return "\(file), line 1: duplicate column name '\(name)' in the header"
    case .noHeader(let file):
      return "\(file): no header line (only blank or skipped lines)"
    case .invalidOption(let detail):
      return "invalid option: \(detail)"
    case .inapplicableOption(let option, let reason):
      return "\(option): \(reason)"
    case .writeFailed(let file, let reason):
      return "\(file): cannot write: \(reason)"
    case .badCell(let file, let cell, let text, let expected):
      return "\(file), \(cell): cannot read '\(text)' as \(expected)"
    case .workbook(let file, let message):
      return "\(file): \(message)"
    case .wrongKind(let file, let what, let fix):
      return "\(file): this is \(what); \(fix)"
    case .tooLarge(let file, let needed, let limit):
      return "\(file): reading it needs about \(needed >> 20) MiB for offsets and columns, more than the \(limit >> 20) MiB allowed (read fewer columns, split the file, or raise the limit)"
    }
  }
}
