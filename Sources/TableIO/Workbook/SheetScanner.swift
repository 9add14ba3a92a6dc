/// Reads a worksheet part (`xl/worksheets/sheetN.xml`) by hand: its cells and merged ranges.
///
/// Why not `XMLParser`, as for the other parts: measured on a 10^6-row sheet (188 MB of XML,
/// BENCHMARKS.md), Foundation's parser with a Swift delegate took 12.6 s of a 12.8 s read —
/// a callback, an attribute dictionary and Strings for every element. A worksheet is the only
/// large part and its shape is fixed (ECMA-376 Part 1 §18.3: `sheetData` / `row` / `c` with
/// `v`, `f`, `is`), so this scanner walks the bytes once and keeps only what the reader needs.
///
/// It is still a strict XML reader for what it sees: every start tag must close with the same
/// name, attribute values must be quoted, the five predefined entities and character references
/// are decoded and any other entity is an error, a DOCTYPE (and so any entity declaration) is
/// refused, and text outside the root element is an error. Comments, processing instructions
/// and CDATA sections are read as XML defines them. Element names are matched by their local
/// part (`x:c` is `c`); attributes by their full name (`r`, `t`, `s`, `ref`), as before.
/// Cell text: `<v>`, or the `<t>` runs of `<is>` (a phonetic `<rPh>` run left out).
struct SheetScanner {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  /// What the sheet holds.
  struct Result {
    var cells: [WorkbookParts.Cell] = []
    var merged: [CellRange] = []
    /// The first `r` attribute of a cell that is no cell address.
    var badReference: String?
  }

  /// Scans `bytes` (UTF-8, already checked).
  /// - Throws: ``WorkbookError/malformed(part:detail:)`` naming `part` and the byte offset.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, part: String) throws(WorkbookError) -> Result {
    var scanner = SheetScanner(bytes: bytes)
    do {
      return try scanner.run()
    } catch let failure {
      throw .malformed(part: part, detail: "\(failure.detail) at byte \(failure.offset)")
    }
  }

  private struct Failure: Error {
    let detail: String
    let offset: Int
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private func fail(_ detail: String) -> Failure { Failure(detail: detail, offset: index) }

  // MARK: The element walk

  private enum Capture { case none, value, inline }

  private mutating func run() throws(Failure) -> Result {
    var result = Result()
    var open: [Range<Int>] = []  // names of the open elements (byte ranges of `bytes`)
    var sawRoot = false
    // The cell being read.
    var reference: CellReference?
    var inCell = false
    var type = "n"
    var style = 0
    var text: [UInt8] = []
    var scratch: [UInt8] = []
    var capture = Capture.none
    var inInline = false
    var inPhonetic = false
    var row = 0
    var nextColumn = 1

    while index < bytes.count {
      if bytes[index] != UInt8(ascii: "<") {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        if open.isEmpty {
          guard bytes[start..<index].allSatisfy(Self.isSpace) else { throw Failure(detail: "text outside the root element", offset: start) }
        } else if capture != .none {
          try decode(start..<index, into: &text)
        } else if bytes[start..<index].contains(UInt8(ascii: "&")) {
          scratch.removeAll(keepingCapacity: true)
          try decode(start..<index, into: &scratch)  // checked, not kept
        }
        continue
      }
      // Markup.
      if starts("<!--") {
        guard let end = find("-->", from: index + 4) else { throw fail("a comment that never ends") }
        index = end + 3
        continue
      }
      if starts("<![CDATA[") {
        guard !open.isEmpty, let end = find("]]>", from: index + 9) else { throw fail("a CDATA section outside the root or never ended") }
        if capture != .none { text.append(contentsOf: bytes[(index + 9)..<end]) }
        index = end + 3
        continue
      }
      if starts("<?") {
        guard let end = find("?>", from: index + 2) else { throw fail("a processing instruction that never ends") }
        index = end + 2
        continue
      }
      if starts("<!") { throw fail("a DOCTYPE or declaration (not allowed in a worksheet)") }
      if starts("</") {
        index += 2
        let name = readName()
        skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw fail("an end tag that does not close with '>'") }
        index += 1
        guard let last = open.popLast(), bytes[last].elementsEqual(bytes[name]) else {
          throw fail("end tag </\(String(decoding: bytes[name], as: UTF8.self))> does not match the open element")
        }
        switch element(name) {
        case .value: if capture == .value { capture = .none }
        case .text: if capture == .inline { capture = .none }
        case .phonetic: inPhonetic = false
        case .inline: inInline = false
        case .cell:
          if let reference { result.cells.append(WorkbookParts.Cell(reference: reference, type: type, style: style, text: String(decoding: text, as: UTF8.self))) }
          (reference, inCell) = (nil, false)
        default: break
        }
        continue
      }
      // A start tag.
      index += 1
      let name = readName()
      guard !name.isEmpty else { throw fail("'<' that starts no tag") }
      if open.isEmpty {
        guard !sawRoot else { throw fail("a second root element") }
        sawRoot = true
      }
      let element = element(name)
      // The attributes the reader uses (`r`, `t`, `s`, `ref`), as byte ranges of their values.
      var attributes: [Range<Int>?] = [nil, nil, nil, nil]
      var selfClosing = false
      while true {
        skipSpaces()
        guard index < bytes.count else { throw fail("a tag that never ends") }
        if bytes[index] == UInt8(ascii: ">") {
          index += 1
          break
        }
        if bytes[index] == UInt8(ascii: "/") {
          guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else { throw fail("'/' inside a tag") }
          index += 2
          selfClosing = true
          break
        }
        let attribute = readName()
        guard !attribute.isEmpty else { throw fail("a tag with a stray character") }
        skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw fail("an attribute without '='") }
        index += 1
        skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
          throw fail("an attribute value without quotes")
        }
        let quote = bytes[index]
        let start = index + 1
        index = start
        while index < bytes.count, bytes[index] != quote {
          guard bytes[index] != UInt8(ascii: "<") else { throw fail("'<' in an attribute value") }
          index += 1
        }
        guard index < bytes.count else { throw fail("an attribute value that never ends") }
        if bytes[start..<index].contains(UInt8(ascii: "&")) {
          scratch.removeAll(keepingCapacity: true)
          try decode(start..<index, into: &scratch)  // checked (the values the reader uses hold no entity)
        }
        if let slot = Self.attributeNames.firstIndex(where: { equal(attribute, $0) }) { attributes[slot] = start..<index }
        index += 1
      }
      func attribute(_ slot: Int) -> String? {
        guard let range = attributes[slot] else { return nil }
        if bytes[range].contains(UInt8(ascii: "&")) {
          var value: [UInt8] = []
          try? decode(range, into: &value)
          return String(decoding: value, as: UTF8.self)
        }
        return String(decoding: bytes[range], as: UTF8.self)
      }
      func number(_ slot: Int) -> Int? { attributes[slot].flatMap { range in DecimalText.parse(bytes[range]) } }
      switch element {
      case .row:
        row = number(0) ?? row + 1
        nextColumn = 1
      case .cell:
        // `r` may be omitted: the cell then follows the previous one in its row.
        if let r = attributes[0] {
          reference = CellReference(bytes: bytes[r])
          if reference == nil { result.badReference = result.badReference ?? attribute(0) }
        } else {
          reference = CellReference(column: nextColumn, row: max(row, 1))
        }
        nextColumn = (reference?.column ?? nextColumn) + 1
        type = attribute(1) ?? "n"
        style = number(2) ?? 0
        text.removeAll(keepingCapacity: true)
        inCell = true
        if selfClosing {
          if let reference { result.cells.append(WorkbookParts.Cell(reference: reference, type: type, style: style, text: "")) }
          (reference, inCell) = (nil, false)
        }
      case .value: if inCell, !selfClosing { capture = .value }
      case .inline: inInline = inCell && !selfClosing
      case .phonetic: inPhonetic = !selfClosing
      case .text: if inInline, !inPhonetic, !selfClosing { capture = .inline }
      case .mergeCell:
        if let ref = attribute(3), let range = CellRange(ref) { result.merged.append(range) }
      case .other: break
      }
      if !selfClosing { open.append(name) }
    }
    guard sawRoot else { throw fail("no root element") }
    guard open.isEmpty else { throw fail("element <\(String(decoding: bytes[open.last!], as: UTF8.self))> never closes") }
    return result
  }

  // MARK: Bytes

  /// A decimal integer of at most 9 digits, as `Int(String)` would read it for `r` and `s`.
  private enum DecimalText {
    static func parse(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
      guard !digits.isEmpty, digits.count <= 9 else { return digits.isEmpty ? nil : Int(String(decoding: digits, as: UTF8.self)) }
      var value = 0
      for byte in digits {
        guard byte >= 0x30 && byte <= 0x39 else { return Int(String(decoding: digits, as: UTF8.self)) }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

  private mutating func skipSpaces() {
    while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
  }

  /// An XML name at `index` (letters, digits, `_ - . :` and any non-ASCII byte), as a range.
  private mutating func readName() -> Range<Int> {
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      let isNameByte =
        byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
        || byte == 0x2E || byte == 0x3A
      guard isNameByte else { break }
      index += 1
    }
    return start..<index
  }

  private enum Element { case row, cell, value, inline, text, phonetic, mergeCell, other }

  private static let attributeNames: [StaticString] = ["r", "t", "s", "ref"]

  /// The element a name is, by its local part (`x:c` → `c`).
  private func element(_ name: Range<Int>) -> Element {
    var start = name.lowerBound
    for position in name where bytes[position] == UInt8(ascii: ":") { start = position + 1 }
    let local = start..<name.upperBound
    switch local.count {
    case 1:
      switch bytes[start] {
      case UInt8(ascii: "c"): return .cell
      case UInt8(ascii: "v"): return .value
      case UInt8(ascii: "t"): return .text
      default: return .other
      }
    case 2: return equal(local, "is") ? .inline : .other
    case 3: return equal(local, "row") ? .row : (equal(local, "rPh") ? .phonetic : .other)
    case 9: return equal(local, "mergeCell") ? .mergeCell : .other
    default: return .other
    }
  }

  private func equal(_ range: Range<Int>, _ literal: StaticString) -> Bool {
    range.count == literal.utf8CodeUnitCount && (0..<range.count).allSatisfy { bytes[range.lowerBound + $0] == literal.utf8Start[$0] }
  }

  private func starts(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    return (0..<count).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
  }

  private func find(_ literal: StaticString, from start: Int) -> Int? {
    let count = literal.utf8CodeUnitCount
    var position = start
    while position + count <= bytes.count {
      if (0..<count).allSatisfy({ bytes[position + $0] == literal.utf8Start[$0] }) { return position }
      position += 1
    }
    return nil
  }

  /// Appends the text of `range` with its entity and character references decoded.
  private func decode(_ range: Range<Int>, into out: inout [UInt8]) throws(Failure) {
    var position = range.lowerBound
    while position < range.upperBound {
      let byte = bytes[position]
      guard byte == UInt8(ascii: "&") else {
        out.append(byte)
        position += 1
        continue
      }
      guard let semicolon = (position + 1..<min(range.upperBound, position + 12)).first(where: { bytes[$0] == UInt8(ascii: ";") }) else {
        throw Failure(detail: "'&' that starts no entity", offset: position)
      }
      let name = bytes[(position + 1)..<semicolon]
      switch String(decoding: name, as: UTF8.self) {
      case "lt": out.append(UInt8(ascii: "<"))
      case "gt": out.append(UInt8(ascii: ">"))
      case "amp": out.append(UInt8(ascii: "&"))
      case "quot": out.append(UInt8(ascii: "\""))
      case "apos": out.append(UInt8(ascii: "'"))
      case let reference where reference.hasPrefix("#"):
        let digits = reference.dropFirst()
        let scalar = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let scalar, let character = Unicode.Scalar(scalar), Self.isXMLCharacter(scalar) else {
          throw Failure(detail: "'&\(reference);' is no XML character", offset: position)
        }
        out.append(contentsOf: String(Character(character)).utf8)
      case let other:
        throw Failure(detail: "undeclared entity '&\(other);'", offset: position)
      }
      position = semicolon + 1
    }
  }

  /// XML 1.0 `Char`: tab, newline, carriage return, and U+0020 up (no surrogates, no FFFE/FFFF).
  private static func isXMLCharacter(_ scalar: UInt32) -> Bool {
    scalar == 0x9 || scalar == 0xA || scalar == 0xD || (0x20...0xD7FF).contains(scalar) || (0xE000...0xFFFD).contains(scalar)
      || (0x10000...0x10FFFF).contains(scalar)
  }
}
