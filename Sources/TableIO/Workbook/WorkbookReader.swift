import Columnar
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads a sheet of an .xlsx workbook into a typed table, as strictly as a CSV file.
///
/// The package is opened with ZIPFoundation and its parts parsed with `XMLParser`
/// (``WorkbookParts``). The chosen sheet (`sheet`: a name or a 1-based position; default the
/// first), within `range` (default: every cell), with its header at `headerRow` (default: the
/// first row with a value) becomes a grid of cell texts: shared and inline strings as written,
/// numbers as stored (round-trip), booleans `true`/`false`, numbers whose cell format is a
/// date as ISO dates — serials of the 1900 system (day 60 is Excel's nonexistent 1900-02-29,
/// refused; serials below it are shifted by its leap-year bug) or of the 1904 system, as the
/// workbook says — and empty cells as nulls. That grid goes through the CSV reader's type
/// inference, options and checks, so a sheet and the same data as CSV give the same table;
/// an error is then named by workbook, sheet and cell (`book.xlsx, Datos!C17`). Merged cells
/// in the header row, a value outside the header's columns and an unknown sheet are errors.
enum WorkbookReader {
  static func read(archive: Archive, name: String, options: CSVOptions) throws(TableIOError) -> CSVReadResult {
    func fail(_ message: String) -> TableIOError { .workbook(file: name, message: message) }
    func part(_ path: String) throws(TableIOError) -> Data? {
      guard let entry = archive[path] else { return nil }
      var data = Data()
      do { _ = try archive.extract(entry) { data.append($0) } } catch { throw fail("cannot read its part \(path): \(error)") }
      return data
    }
    func parse(_ data: Data, _ delegate: some XMLParserDelegateType, _ path: String) throws(TableIOError) {
      do { try WorkbookParts.parse(data, delegate, part: path) } catch {
        if case .malformed(let part, let detail) = error { throw fail("its part \(part) is not well-formed XML (\(detail))") }
        throw fail("cannot read \(path)")
      }
    }
    guard let workbookXML = try part("xl/workbook.xml") else { throw fail("no xl/workbook.xml: a ZIP archive, but not an Excel workbook") }
    let workbook = WorkbookParts.WorkbookDelegate()
    try parse(workbookXML, workbook, "xl/workbook.xml")
    let relationships = WorkbookParts.RelationshipsDelegate()
    if let rels = try part("xl/_rels/workbook.xml.rels") { try parse(rels, relationships, "xl/_rels/workbook.xml.rels") }
    let sheets = workbook.sheets.enumerated().map { index, sheet in
      let target = relationships.targets[sheet.relationship] ?? "worksheets/sheet\(index + 1).xml"
      return WorkbookParts.Sheet(name: sheet.name, part: target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
    }
    guard !sheets.isEmpty else { throw fail("the workbook has no sheets") }
    let listed = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
    let sheet: WorkbookParts.Sheet
    if let wanted = options.sheet {
      if let match = sheets.first(where: { $0.name == wanted }) {
        sheet = match
      } else if let position = Int(wanted), (1...sheets.count).contains(position) {
        sheet = sheets[position - 1]
      } else {
        throw .inapplicableOption(option: "sheet", reason: "no sheet '\(wanted)' in \(name) (sheets: \(listed); or a position 1…\(sheets.count))")
      }
    } else {
      sheet = sheets[0]
    }
    var strings: [String] = []
    if let data = try part("xl/sharedStrings.xml") {
      let delegate = WorkbookParts.SharedStringsDelegate()
      try parse(data, delegate, "xl/sharedStrings.xml")
      strings = delegate.strings
    }
    var kinds: [WorkbookParts.NumberKind] = []
    if let data = try part("xl/styles.xml") {
      let delegate = WorkbookParts.StylesDelegate()
      try parse(data, delegate, "xl/styles.xml")
      kinds = delegate.kinds
    }
    guard let sheetXML = try part(sheet.part) else { throw fail("sheet '\(sheet.name)' names the part \(sheet.part), which is missing") }
    let cells: SheetScanner.Result
    do { cells = try WorkbookParts.scanSheet(sheetXML, part: sheet.part) } catch {
      if case .malformed(let part, let detail) = error { throw fail("its part \(part) is not well-formed XML (\(detail))") }
      throw fail("cannot read \(sheet.part)")
    }
    if let bad = cells.badReference { throw fail("sheet '\(sheet.name)' has a cell with the address '\(bad)'") }
    return try grid(
      cells.cells, merged: cells.merged, sheetName: sheet.name, name: name, strings: strings, kinds: kinds,
      date1904: workbook.date1904, options: options)
  }

  /// Appends `field` as a CSV field (quoted as ``TableWriter/quoteCSVStrict(_:)`` does: when it
  /// holds a comma, quote, CR or LF, or starts or ends with a space); returns its line breaks.
  static func appendQuoted(_ field: String, to csv: inout [UInt8]) -> Int {
    let utf8 = field.utf8
    guard let first = utf8.first, let last = utf8.last else { return 0 }
    var breaks = 0
    var needs = first == 0x20 || last == 0x20
    for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
      needs = true
      if byte == 0x0A { breaks += 1 }
    }
    guard needs else {
      csv.append(contentsOf: utf8)
      return 0
    }
    csv.append(0x22)
    for byte in utf8 {
      if byte == 0x22 { csv.append(0x22) }
      csv.append(byte)
    }
    csv.append(0x22)
    return breaks
  }

  /// A cell as messages name it: `Datos!C17`.
  static func cellName(_ sheetName: String, _ reference: CellReference) -> String { "\(sheetName)!\(reference)" }

  /// The text of one stored cell (see the type's comment), or an error naming it.
  static func text(
    _ cell: WorkbookParts.Cell, sheetName: String, name: String, strings: [String], kinds: [WorkbookParts.NumberKind], date1904: Bool
  ) throws(TableIOError) -> String {
    switch cell.type {
    case "s":
      guard let index = Int(cell.text), strings.indices.contains(index) else {
        throw .workbook(file: name, message: "\(cellName(sheetName, cell.reference)): shared string \(cell.text) is not in the workbook's table")
      }
      return strings[index]
    case "inlineStr", "str", "e", "d": return cell.text
    case "b": return cell.text == "1" ? "true" : (cell.text == "0" ? "false" : cell.text)
    default:
      let kind = kinds.indices.contains(cell.style) ? kinds[cell.style] : .number
      guard kind != .number, !cell.text.isEmpty, let serial = Double(cell.text) else { return cell.text }
      guard let text = ExcelSerial.text(serial, kind: kind, date1904: date1904) else {
        throw .badCell(
          file: name, cell: cellName(sheetName, cell.reference), text: cell.text,
          expected: date1904
            ? "an Excel date serial (1904 system: no day before 1904-01-01)"
            : "an Excel date serial (1900 system: day 60 is the nonexistent 1900-02-29; no day before 1900-01-01)")
      }
      return text
    }
  }

  /// The cells as CSV text with a map from its lines to sheet rows, read by the CSV reader.
  static func grid(
    _ stored: [WorkbookParts.Cell], merged: [CellRange], sheetName: String, name: String, strings: [String],
    kinds: [WorkbookParts.NumberKind], date1904: Bool, options: CSVOptions
  ) throws(TableIOError) -> CSVReadResult {
    let cellName = { (reference: CellReference) in Self.cellName(sheetName, reference) }
    // Cells in (row, column) order; a cell stored twice keeps its last value. Measured on a
    // 10^6-row sheet: a dictionary of rows and String lines here cost as much as the XML scan.
    var entries: [(row: Int, column: Int, order: Int, value: String)] = []
    entries.reserveCapacity(stored.count)
    for (order, cell) in stored.enumerated() where options.range?.contains(cell.reference) ?? true {
      let value = try text(cell, sheetName: sheetName, name: name, strings: strings, kinds: kinds, date1904: date1904)
      if !value.isEmpty { entries.append((cell.reference.row, cell.reference.column, order, value)) }
    }
    let inOrder = zip(entries, entries.dropFirst()).allSatisfy { ($0.row, $0.column) < ($1.row, $1.column) }
    if !inOrder { entries.sort { ($0.row, $0.column, $0.order) < ($1.row, $1.column, $1.order) } }
    guard let headerRow = options.headerRow ?? entries.first?.row else { throw .emptyFile(file: "\(name) (sheet '\(sheetName)')") }
    let header = entries.filter { $0.row == headerRow }.map { ($0.column, $0.value) }
    guard !header.isEmpty else { throw .noHeader(file: "\(name), \(sheetName)!row \(headerRow)") }
    for range in merged where range.first.row <= headerRow && headerRow <= range.last.row && range.first != range.last {
      throw .workbook(file: name, message: "\(sheetName)!\(range): merged cells in the header row \(headerRow); unmerge them, or name the header row with --header-row")
    }
    let firstColumn = options.range?.first.column ?? header.first!.0
    let lastColumn = options.range?.last.column ?? header.last!.0
    var csv: [UInt8] = []
    csv.reserveCapacity(entries.reduce(0) { $0 + $1.value.utf8.count + 1 } + 16)
    var lineRows: [Int] = []
    var recordRows: [Int] = []  // the sheet row of each record (header first)
    var fields = [String](repeating: "", count: lastColumn - firstColumn + 1)
    func append(_ values: ArraySlice<(row: Int, column: Int, order: Int, value: String)>, row: Int) throws(TableIOError) {
      for index in fields.indices { fields[index] = "" }
      for entry in values {
        guard entry.column >= firstColumn, entry.column <= lastColumn else {
          throw .workbook(
            file: name,
            message: "\(cellName(CellReference(column: entry.column, row: row))): a value outside the header's columns \(CellReference.letters(firstColumn)):\(CellReference.letters(lastColumn)) ('\(entry.value)'); widen the header, or pass --range")
        }
        fields[entry.column - firstColumn] = entry.value
      }
      var lines = 1
      for (index, field) in fields.enumerated() {
        if index > 0 { csv.append(UInt8(ascii: ",")) }
        lines += Self.appendQuoted(field, to: &csv)
      }
      if fields.allSatisfy(\.isEmpty) && fields.count == 1 { csv.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\"")]) }
      csv.append(UInt8(ascii: "\n"))
      for _ in 0..<lines { lineRows.append(row) }
      recordRows.append(row)
    }
    try append(header.map { (headerRow, $0.0, 0, $0.1) }[...], row: headerRow)
    var start = entries.firstIndex { $0.row > headerRow } ?? entries.endIndex
    while start < entries.endIndex {
      var end = start + 1
      while end < entries.endIndex, entries[end].row == entries[start].row { end += 1 }
      try append(entries[start..<end], row: entries[start].row)
      start = end
    }
    var csvOptions = options
    (csvOptions.delimiter, csvOptions.encoding, csvOptions.skipRows) = (UInt8(ascii: ","), .utf8, 0)
    (csvOptions.sheet, csvOptions.range, csvOptions.headerRow) = (nil, nil, nil)
    do {
      var result = try CSVReader.read(bytes: csv, name: name, options: csvOptions)
      let columns = Dictionary(header.map { ($0.1, $0.0) }, uniquingKeysWith: { first, _ in first })
      result.sheetCells = SheetCells(sheet: sheetName, rows: recordRows.dropFirst().map { $0 }, columns: columns)
      return result
    } catch {
      // Name the cell, not the line of the intermediate text.
      if case .malformedValue(_, let line, let column, let text, let expected) = error, line >= 1, line <= lineRows.count,
        let index = header.firstIndex(where: { $0.1 == column })
      {
        let reference = CellReference(column: header[index].0, row: lineRows[line - 1])
        throw .badCell(file: name, cell: cellName(reference), text: text, expected: expected)
      }
      throw error
    }
  }
}

/// Excel date serials (ECMA-376 §18.17.4).
enum ExcelSerial {
  /// ISO text of `serial` as a date, time or date-time; `nil` when it is no date (negative,
  /// before 1900-01-01, or the 1900 system's nonexistent day 60).
  static func text(_ serial: Double, kind: WorkbookParts.NumberKind, date1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
    var whole = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(whole)) * 86_400).rounded())
    if seconds == 86_400 {
      whole += 1
      seconds = 0
    }
    let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    if kind == .time, whole == 0 { return time }
    let days: Int
    if date1904 {
      days = CivilDate.days(year: 1904, month: 1, day: 1) + whole
    } else {
      guard whole >= 1, whole != 60 else { return nil }
      // 1900 system: day 1 is 1900-01-01, and Excel counts a 29 February 1900 (day 60).
      days = CivilDate.days(year: 1899, month: 12, day: whole < 60 ? 31 : 30) + whole
    }
    let date = CivilDate.isoString(days: days)
    return kind == .date || seconds == 0 ? date : date + "T" + time
  }
}

/// The delegate types `WorkbookParts.parse` accepts.
typealias XMLParserDelegateType = NSObject & XMLParserDelegate
