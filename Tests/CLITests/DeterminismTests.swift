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
  for snapshot in snapshots.dropFirst() {
    #expect(snapshot.keys.sorted() == snapshots[0].keys.sorted())
    for (name, data) in snapshot { #expect(data == snapshots[0][name], "\(name) differs between thread counts or runs") }
  }
}
