import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The parts of an .xlsx package Cifra reads (ECMA-376 Part 1, SpreadsheetML): the workbook
/// (sheet names, the 1904 date system), its relationships (sheet → part), the shared strings
/// and the cell formats (which cells are dates), each parsed with Foundation's `XMLParser`
/// (SAX); and a worksheet's cells and merged ranges, read by ``SheetScanner``.
enum WorkbookParts {
  /// A sheet of the workbook: its name and the part that holds it (`xl/worksheets/sheet1.xml`).
  struct Sheet: Equatable {
    let name: String
    let part: String
  }

  /// What a cell's number format makes of a number.
  enum NumberKind: Equatable { case number, date, time, dateTime }

  /// A cell as stored: its address, type attribute, style index and text (`<v>` or inline).
  struct Cell: Equatable {
    let reference: CellReference
    let type: String
    let style: Int
    let text: String
  }

  /// Runs `XMLParser` with `delegate` over `data`; `part` names the part in the error.
  ///
  /// The bytes must be UTF-8 first: swift-corelibs-foundation's `XMLParser` traps on invalid
  /// UTF-8 in an element name (found by FuzzXLSX), so such a part is refused before parsing.
  static func parse(_ data: Data, _ delegate: some XMLParserDelegate, part: String) throws(WorkbookError) {
    let invalid = data.withUnsafeBytes { raw -> Int? in
      guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return nil }
      return Encoding.firstInvalidUTF8(base, 0, raw.count)
    }
    if let invalid { throw .malformed(part: part, detail: "byte \(invalid) is not UTF-8") }
    // A stream, not XMLParser(data:): handed to libxml2 in one piece, a part over 10 MB (any
    // sheet past ~50,000 rows) fails as "not well-formed" (libxml2's limit without XML_PARSE_HUGE).
    let parser = XMLParser(stream: InputStream(data: data))
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    guard parser.parse() else {
      throw .malformed(part: part, detail: parser.parserError.map { "\($0.localizedDescription) at line \(parser.lineNumber)" } ?? "not XML")
    }
  }

  /// `xl/workbook.xml`: the sheets in order (name, relationship id) and `date1904`.
  final class WorkbookDelegate: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationship: String)] = []
    var date1904 = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      switch local(name) {
      case "sheet":
        let relationship = attributes.first { local($0.key) == "id" && $0.key != "sheetId" }?.value ?? ""
        sheets.append((attributes["name"] ?? "", relationship))
      case "workbookPr":
        date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
      default: break
      }
    }
  }

  /// `xl/_rels/workbook.xml.rels`: relationship id → target part.
  final class RelationshipsDelegate: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
  }

  /// `xl/sharedStrings.xml`: the strings in order; rich-text runs joined, phonetic runs skipped.
  final class SharedStringsDelegate: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      switch local(name) {
      case "si": current = ""
      case "t": inText = !inPhonetic
      case "rPh": inPhonetic = true
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      switch local(name) {
      case "si": strings.append(current)
      case "t": inText = false
      case "rPh": inPhonetic = false
      default: break
      }
    }
  }

  /// `xl/styles.xml`: for each cell format (`cellXfs/xf`, by index), what its number format
  /// makes of a number.
  final class StylesDelegate: NSObject, XMLParserDelegate {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    var kinds: [NumberKind] { formatIDs.map { StylesDelegate.kind(id: $0, code: customFormats[$0]) } }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      switch local(name) {
      case "numFmt":
        if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] ?? "" }
      case "cellXfs": inCellFormats = true
      case "xf" where inCellFormats: formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
      default: break
      }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if local(name) == "cellXfs" { inCellFormats = false }
    }

    /// Built-in formats 14–17 and 27–36, 50–58 are dates, 22 date-time, 18–21 and 45–47 times
    /// (ECMA-376 §18.8.30); a custom code is a date when, outside quotes, brackets and escapes,
    /// it has `y` or `d`, a time when it has `h` or `s`.
    static func kind(id: Int, code: String?) -> NumberKind {
      if let code {
        var date = false
        var time = false
        var quoted = false
        var bracket = false
        var escaped = false
        for character in code.lowercased() {
          if escaped { escaped = false; continue }
          switch character {
          case "\\": escaped = true
          case "\"": quoted.toggle()
          case "[" where !quoted: bracket = true
          case "]" where !quoted: bracket = false
          case "y", "d": if !quoted && !bracket { date = true }
          case "h", "s": if !quoted && !bracket { time = true }
          default: break
          }
        }
        return date && time ? .dateTime : (date ? .date : (time ? .time : .number))
      }
      switch id {
      case 14...17, 27...36, 50...58: return .date
      case 22: return .dateTime
      case 18...21, 45...47: return .time
      default: return .number
      }
    }
  }

  /// A worksheet's cells and merged ranges, read by ``SheetScanner`` (not `XMLParser`: see
  /// there why); the bytes must be UTF-8, as for ``parse(_:_:part:)``. A UTF-8 byte-order mark
  /// is skipped.
  static func scanSheet(_ data: Data, part: String) throws(WorkbookError) -> SheetScanner.Result {
    let scanned = data.withUnsafeBytes { raw -> Result<SheetScanner.Result, WorkbookError> in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard let base = bytes.baseAddress else { return .failure(.malformed(part: part, detail: "an empty part")) }
      if let invalid = Encoding.firstInvalidUTF8(base, 0, bytes.count) { return .failure(.malformed(part: part, detail: "byte \(invalid) is not UTF-8")) }
      let start = bytes.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
      return Result { () throws(WorkbookError) in try SheetScanner.scan(UnsafeBufferPointer(rebasing: bytes[start...]), part: part) }
    }
    return try scanned.get()
  }
}

/// The local part of an XML name (`x:sheet` → `sheet`).
private func local(_ name: String) -> String {
  guard let colon = name.lastIndex(of: ":") else { return name }
  return String(name[name.index(after: colon)...])
}

/// Problems of the package itself (before any cell is read).
enum WorkbookError: Error {
  case malformed(part: String, detail: String)
  case missingPart(String)
}
