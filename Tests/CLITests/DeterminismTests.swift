import Foundation
import Testing
import _TestSupport

/// Every output of datasets/refresh.toml is byte-identical with 1, 2 and 8 threads, and across
/// two runs (manifest.json differs only by its timestamps, so it is left out).
@Test func refreshOutputsAreIdenticalForAnyThreadCount() throws {
  let base = NSTemporaryDirectory() + "cifra-determinism-\(UUID().uuidString)"
  defer { try? FileManager.default.removeItem(atPath: base) }
  var snapshots: [[String: Data]] = []
  for (run, jobs) in [1, 2, 8, 8].enumerated() {
    let out = base + "/run\(run)"
    let result = try runCifra(["refresh", TestPaths.packageRoot + "/datasets/refresh.toml", "--out", out, "--jobs", String(jobs), "--quiet"])
    #expect(result.status == 0, "\(result.standardError)")
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: out) where name != "manifest.json" {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
    }
    snapshots.append(files)
  }
  #expect(snapshots[0].count >= 35)  // every output of datasets/refresh.toml and its charts (all inputs ship)
  // Every SDMX output passes the independent DSD checker (dimensions in DSD order, codes from
  // the code lists, unique keys).
  let sdmx = snapshots[0].filter { String(decoding: $0.value.prefix(10), as: UTF8.self).hasPrefix("DATAFLOW,") || String(decoding: $0.value.prefix(10), as: UTF8.self).hasPrefix("STRUCTURE,") }
  #expect(sdmx.count >= 3)
  let checked = try checkSDMX(sdmx.keys.sorted().map { base + "/run0/" + $0 })
  #expect(checked.status == 0, "\(checked.problems)")
  for snapshot in snapshots.dropFirst() {
    #expect(snapshot.keys.sorted() == snapshots[0].keys.sorted())
    for (name, data) in snapshot { #expect(data == snapshots[0][name], "\(name) differs between thread counts or runs") }
  }
}
