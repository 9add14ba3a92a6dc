import Columnar
import TableIO

/// libFuzzer entry: SDMX-CSV and Open SDG writers. A random small table (built from the
/// bytes) is written; the output must read back with Cifra's own RFC 4180 reader, with one
/// observation per row that has a value; the non-DSD breakdown is refused unless asked for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSDMX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size >= 2 else { return 0 }
  let rows = Int(data[0] % 16)
  var periods: [Period] = []
  var values: [Double?] = []
  var labels: [String?] = []
  var index = 1
  for row in 0..<rows {
    let byte = data[index % size]
    index += 1
    periods.append(.year(1990 + row))
    values.append(byte % 5 == 0 ? nil : Double(Int8(bitPattern: byte)) / 3)
    // Labels from a printable alphabet with the characters that need CSV quoting (the readers
    // reject NUL bytes by design, so the writers are only fed text the readers can produce).
    let alphabet = Array("ab ,\"\nñ-_.".unicodeScalars)
    let text = String(String.UnicodeScalarView((0..<Int(byte % 4)).map { alphabet[Int(data[(index + $0) % size]) % alphabet.count] }))
    labels.append(byte % 7 == 0 ? nil : text)
  }
  let table = try! Table([
    ("period", .period(Column(periods), .annual)), ("value", .double(Column(optionals: values))),
    ("group", .string(StringColumn(labels))),
  ])
  let layout = ObservationLayout(
    series: "SM_DTH_MIGR", unit: "NUMBER", timeColumn: "period", valueColumn: "value", breakdowns: ["group"], referenceArea: "1")
  // 'group' is no DSD dimension: refused unless written as a custom column.
  precondition((try? ObservationWriter.sdmx(table, layout: layout)) == nil || values.allSatisfy { $0 == nil }, "a non-DSD breakdown was written")
  for version in [1, 2] {
    let text = try! ObservationWriter.sdmx(table, layout: layout, version: version, extraColumns: true)
    var options = CSVOptions()
    options.types = ["OBS_VALUE": .type(.string), "GROUP": .type(.string)]
    let reread = try! CSVReader.read(bytes: Array(text.utf8), name: "sdmx", options: options)
    precondition(reread.table.rowCount == values.compactMap { $0 }.count, "SDMX rows lost")
  }
  let open = try! ObservationWriter.openSDG(table, layout: layout)
  let reread = try! CSVReader.read(bytes: Array(open.utf8), name: "opensdg")
  precondition(reread.table.rowCount == values.compactMap { $0 }.count, "Open SDG rows lost (rows with no value are left out)")
  return 0
}
