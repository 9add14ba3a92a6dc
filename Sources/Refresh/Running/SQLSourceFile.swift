import Foundation
import Indicators

/// What a SQL query needs to know of a CSV file the engine will read: its column names (for
/// indicators that find their columns by name) and whether it is UTF-8.
public enum SQLSourceFile {
  /// The header's names and, when the file is not valid UTF-8, `windows-1252`.
  /// - Throws: ``InputProblem`` when the file cannot be read.
  public static func header(_ path: String) throws -> (columns: [String], encoding: String?) {
    guard let data = FileManager.default.contents(atPath: path) else { throw InputProblem(file: path, message: "cannot read the file") }
    let utf8 = String(data: data, encoding: .utf8) != nil
    var line = data.prefix { $0 != UInt8(ascii: "\n") }
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
    let text = (utf8 ? String(data: Data(line), encoding: .utf8) : String(data: Data(line), encoding: .windowsCP1252)) ?? ""
    return (fields(text), utf8 ? nil : "windows-1252")
  }

  /// The fields of one CSV line (comma-separated, `"` quotes with `""` escapes).
  static func fields(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    let characters = Array(line)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      index += 1
      if quoted {
        if character != "\"" {
          field.append(character)
        } else if index < characters.count, characters[index] == "\"" {
          field.append("\"")
          index += 1
        } else {
          quoted = false
        }
      } else if character == "\"", field.isEmpty {
        quoted = true
      } else if character == "," {
        fields.append(field)
        field = ""
      } else {
        field.append(character)
      }
    }
    fields.append(field)
    return fields
  }

  /// A request for `dialect` reading `source`, with the header of `headerFile` (default: the
  /// source itself when it is a file).
  public static func request(_ dialect: SQLDialect, source: String, headerOf headerFile: String? = nil) throws -> SQLRequest {
    let parsed = SQLSource(source)
    var file = headerFile
    if file == nil, case .csvFile(let path) = parsed, FileManager.default.fileExists(atPath: path) { file = path }
    guard let file else { return SQLRequest(dialect: dialect, source: parsed) }
    let (columns, encoding) = try header(file)
    return SQLRequest(dialect: dialect, source: parsed, columns: columns, encoding: encoding)
  }
}
