import Columnar
import TableIO

/// libFuzzer entry: the workbook reader on a well-formed .xlsx package whose worksheet and
/// shared-strings parts are the fuzz input (split at the first 0x00 byte), so the fuzzer works
/// on the XML Cifra parses rather than on the ZIP layer. Options come from the first byte. Any
/// crash or sanitizer report is a finding; errors are expected.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size > 1 else { return 0 }
  let flags = data[0]
  let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let split = body.firstIndex(of: 0) ?? body.count
  let sheet = Array(body[..<split])
  let strings = split < body.count ? Array(body[(split + 1)...]) : []
  let workbook = Array(
    ("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><workbookPr date1904=\""
      + (flags & 1 != 0 ? "1" : "0") + "\"/><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").utf8)
  let relationships = Array(
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8)
  let styles = Array("<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/><xf numFmtId=\"21\"/></cellXfs></styleSheet>".utf8)
  let package = storedZIP([
    ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", relationships), ("xl/styles.xml", styles),
    ("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", strings),
  ])
  var options = CSVOptions()
  if flags & 2 != 0 { options.headerRow = Int(flags >> 4) + 1 }
  if flags & 4 != 0 { options.range = CellRange("A1:D9") }
  if flags & 8 != 0 { options.nullTokens = ["#N/A"] }
  _ = try? CSVReader.read(bytes: package, name: "fuzz.xlsx", options: options)
  return 0
}

/// A ZIP archive of stored (uncompressed) entries: local headers, central directory, end record.
func storedZIP(_ entries: [(String, [UInt8])]) -> [UInt8] {
  func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
  func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
  var out: [UInt8] = []
  var central: [UInt8] = []
  for (name, bytes) in entries {
    let nameBytes = Array(name.utf8)
    let crc = crc32(bytes)
    let offset = UInt32(out.count)
    let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(nameBytes.count)
    out += [0x50, 0x4B, 0x03, 0x04] + common + le16(0) + nameBytes + bytes
    central += [0x50, 0x4B, 0x01, 0x02] + le16(20) + common + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
  }
  let start = UInt32(out.count)
  out += central
  out += [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(entries.count) + le16(entries.count) + le32(UInt32(central.count)) + le32(start) + le16(0)
  return out
}

/// CRC-32 (IEEE 802.3, reflected 0xEDB88320), as ZIP entries carry.
func crc32(_ bytes: [UInt8]) -> UInt32 {
  var crc: UInt32 = 0xFFFF_FFFF
  for byte in bytes {
    crc ^= UInt32(byte)
    for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
  }
  return ~crc
}
