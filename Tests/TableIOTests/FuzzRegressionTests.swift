import Columnar
import Foundation
import TableIO
import Testing
import _TestSupport

/// The fuzz harness's checks on inputs the fuzzer found (Tests/TableIOTests/Fixtures/fuzz/):
/// read with N threads = read with 1 thread, and the CSV writer round trip keeps every row.
func fuzzChecks(_ bytes: [UInt8], jobs: Int) throws {
  var options = CSVOptions()
  options.jobs = jobs
  options.minimumChunkBytes = 64
  guard let result = try? CSVReader.read(bytes: bytes, name: "fuzz", options: options) else { return }
  var single = options
  single.jobs = 1
  single.minimumChunkBytes = 1 << 30
  let reference = try CSVReader.read(bytes: bytes, name: "fuzz", options: single)
  #expect(reference.table == result.table)
  let written = CSVBytesWriter.bytes(result.table)
  var again = CSVOptions()
  again.types = Dictionary(uniqueKeysWithValues: result.table.schema.names.map { ($0, ColumnTypeOverride.type(.string)) })
  let reread = try CSVReader.read(bytes: written, name: "roundtrip", options: again)
  #expect(reread.table.rowCount == result.table.rowCount)
}

@Test(arguments: ["issue-one-column-null-row.csv", "issue-blank-header-name.csv"])
func fuzzFindingsStayFixed(file: String) throws {
  let path = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/fuzz/" + file
  let bytes = Array(try String(contentsOfFile: path, encoding: .utf8).utf8)
  for jobs in [1, 2, 4] { try fuzzChecks(bytes, jobs: jobs) }
}
