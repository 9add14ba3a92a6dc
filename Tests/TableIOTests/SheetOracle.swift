import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import TableIO

/// The worksheet reader as it was before ``SheetScanner``: Foundation's XMLParser with a SAX
/// delegate, kept as the oracle of the differential tests (a well-formedness checker and a
/// second, independent reading of the same cells).
final class SheetOracle: NSObject, XMLParserDelegate {
  var cells: [WorkbookParts.Cell] = []
  var merged: [CellRange] = []
  var badReference: String?
  private var reference: CellReference?
  private var type = ""
  private var style = 0
  private var text = ""
  private var capture = false
  private var inInline = false
  private var inPhonetic = false
  private var nextColumn = 1
  private var row = 0

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    switch local(name) {
    case "row":
      row = attributes["r"].flatMap(Int.init) ?? row + 1
      nextColumn = 1
    case "c":
      // `r` may be omitted: the cell then follows the previous one in its row.
      if let r = attributes["r"] {
        guard let parsed = CellReference(r) else {
          badReference = badReference ?? r
          reference = nil
          return
        }
        reference = parsed
      } else {
        reference = CellReference(column: nextColumn, row: max(row, 1))
      }
      nextColumn = (reference?.column ?? nextColumn) + 1
      type = attributes["t"] ?? "n"
      style = attributes["s"].flatMap(Int.init) ?? 0
      text = ""
    case "v": capture = true
    case "is": inInline = true
    case "t": capture = inInline && !inPhonetic
    case "rPh": inPhonetic = true
    case "mergeCell":
      if let ref = attributes["ref"], let range = CellRange(ref) { merged.append(range) }
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { if capture { text += string } }
  // Not in the reader it was: a CDATA section is text (XML 1.0 §2.7), as SheetScanner reads it.
  func parser(_ parser: XMLParser, foundCDATA block: Data) { if capture { text += String(decoding: block, as: UTF8.self) } }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch local(name) {
    case "v", "t": capture = false
    case "is": inInline = false
    case "rPh": inPhonetic = false
    case "c":
      if let reference { cells.append(WorkbookParts.Cell(reference: reference, type: type, style: style, text: text)) }
      reference = nil
    default: break
    }
  }
}

private func local(_ name: String) -> String {
  guard let colon = name.lastIndex(of: ":") else { return name }
  return String(name[name.index(after: colon)...])
}

/// The oracle's reading of a sheet part, or `nil` when XMLParser finds it not well-formed.
func oracleReading(_ xml: Data) -> (cells: [WorkbookParts.Cell], merged: [CellRange], badReference: String?)? {
  let delegate = SheetOracle()
  let parser = XMLParser(stream: InputStream(data: xml))
  parser.shouldProcessNamespaces = false
  parser.shouldResolveExternalEntities = false
  parser.delegate = delegate
  guard parser.parse() else { return nil }
  return (delegate.cells, delegate.merged, delegate.badReference)
}
