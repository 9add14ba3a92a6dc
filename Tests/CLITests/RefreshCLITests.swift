import Foundation
import Testing
import _TestSupport

/// A scratch folder with a small spec over copies of shipped datasets.
func refreshScratch(rows: Int = 2000) throws -> String {
  let folder = NSTemporaryDirectory() + "cifra-refresh-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let generated = try runCifra(["generate", "regional", "--rows", String(rows), "--seed", "1", "--output", folder + "/panel.csv"])
  precondition(generated.status == 0)
  try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/datasets/rpw-fixture/data.csv", toPath: folder + "/rpw.csv")
  let spec = """
    [refresh]
    out = "out"

    [[input]]
    id = "panel"
    path = "panel.csv"

    [[input]]
    id = "rpw"
    path = "rpw.csv"

    [[output]]
    id = "panel-yoy"
    indicator = "growth"
    input = "panel"
    value = "value"
    period = "year"
    by = ["region"]
    collapse = "sum"

    [[output]]
    id = "panel-ls"
    indicator = "growth"
    input = "panel"
    value = "value"
    period = "year"
    by = ["region"]
    collapse = "sum"
    method = "least-squares"

    [[output]]
    id = "costs"
    indicator = "sdg-10.c.1"
    input = "rpw"
    format = "sdmx"
    """
  try spec.write(toFile: folder + "/spec.toml", atomically: true, encoding: .utf8)
  return folder
}

func statuses(_ output: String) -> [String: String] {
  var result: [String: String] = [:]
  for line in output.split(separator: "\n").dropFirst(2) {
    let fields = line.split(separator: " ", omittingEmptySubsequences: true)
    if fields.count >= 2 { result[String(fields[0])] = String(fields[1]) }
  }
  return result
}

@Test func refreshRecomputesOnlyWhatChangedAndChecks() throws {
  let folder = try refreshScratch()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let first = try runCifra(["refresh", folder + "/spec.toml"])
  #expect(first.status == 0)
  #expect(statuses(first.standardOutput) == ["panel-yoy": "computed", "panel-ls": "computed", "costs": "computed"])
  let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/out/manifest.json"))) as! [String: Any]
  let outputs = manifest["outputs"] as! [[String: Any]]
  #expect(outputs.count == 3)
  #expect((outputs[0]["inputs"] as! [[String: Any]])[0]["sha256"] as? String != nil)
  let written = try String(contentsOfFile: folder + "/out/panel-yoy.csv", encoding: .utf8)
  #expect(outputs[0]["rows"] as? Int == written.split(separator: "\n").count - 1)
  // A second run recomputes nothing.
  let second = try runCifra(["refresh", folder + "/spec.toml"])
  #expect(statuses(second.standardOutput) == ["panel-yoy": "unchanged", "panel-ls": "unchanged", "costs": "unchanged"])
  // Changing one input recomputes only its outputs.
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/rpw.csv"))
  handle.seekToEndOfFile()
  handle.write(Data("14,2016_3Q,USA,United States,GTM,Guatemala,Firm A,Money Transfer Operator,Cash,Agent,Same day,200,200,USD,4,7.5,1,3,500,500,USD,6,7.5,1,2.2,7.6,yes,USAGTM\n".utf8))
  try handle.close()
  let third = try runCifra(["refresh", folder + "/spec.toml"])
  #expect(statuses(third.standardOutput) == ["panel-yoy": "unchanged", "panel-ls": "unchanged", "costs": "computed"])
  // --check: 0 when up to date, 1 after an output is edited by hand.
  #expect(try runCifra(["refresh", folder + "/spec.toml", "--check"]).status == 0)
  try "edited by hand\n".write(toFile: folder + "/out/panel-yoy.csv", atomically: true, encoding: .utf8)
  let check = try runCifra(["refresh", folder + "/spec.toml", "--check"])
  #expect(check.status == 1)
  #expect(check.standardError.contains("panel-yoy.csv (differs)"))
  // --force recomputes everything and repairs the edit.
  let forced = try runCifra(["refresh", folder + "/spec.toml", "--force"])
  #expect(Set(statuses(forced.standardOutput).values) == ["computed"])
  #expect(try runCifra(["refresh", folder + "/spec.toml", "--check"]).status == 0)
}

/// Killing a refresh at random moments leaves every output either the old complete version
/// or the new complete one (temporary file + rename), never a partial file.
@Test func killedRefreshLeavesOldOrNewFilesOnly() throws {
  let folder = try refreshScratch(rows: 400_000)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  #expect(try runCifra(["refresh", folder + "/spec.toml"]).status == 0)
  let names = ["panel-yoy.csv", "panel-ls.csv", "costs.csv"]
  func contents() throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in names { result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/out/" + name)) }
    return result
  }
  let old = try contents()
  // The new version: a different panel (new seed), computed into a second folder.
  _ = try runCifra(["generate", "regional", "--rows", "400000", "--seed", "2", "--output", folder + "/panel.csv"])
  let reference = folder + "/reference"
  #expect(try runCifra(["refresh", folder + "/spec.toml", "--out", reference]).status == 0)
  var new: [String: Data] = [:]
  for name in names { new[name] = try Data(contentsOf: URL(fileURLWithPath: reference + "/" + name)) }
  #expect(new["panel-yoy.csv"] != old["panel-yoy.csv"])
  for delay in [0.01, 0.05, 0.1, 0.2, 0.35] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TestPaths.cifraBinary)
    process.arguments = ["refresh", folder + "/spec.toml", "--force", "--quiet"]
    try process.run()
    Thread.sleep(forTimeInterval: delay)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    for (name, data) in try contents() {
      #expect(data == old[name] || data == new[name], "\(name) after a kill at \(delay) s is neither version")
    }
  }
}
