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

/// Killing a refresh at 20 moments leaves the out folder wholly the old generation or wholly the
/// new one (never a mix, the manifest matching its files), keeps the user's own files, and the
/// next run recovers by itself.
@Test func killedRefreshLeavesTheOldOrTheNewGenerationWhole() throws {
  let folder = try refreshScratch(rows: 400_000)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  #expect(try runCifra(["refresh", folder + "/spec.toml"]).status == 0)
  try "user data\n".write(toFile: folder + "/out/budget.tmp-2024.xlsx", atomically: true, encoding: .utf8)
  try FileManager.default.createDirectory(atPath: folder + "/out/notes", withIntermediateDirectories: true)
  try "mine\n".write(toFile: folder + "/out/notes/a.txt", atomically: true, encoding: .utf8)
  let names = ["panel-yoy.csv", "panel-ls.csv", "costs.csv"]
  func contents(_ out: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in names { result[name] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name)) }
    return result
  }
  let old = try contents(folder + "/out")
  // The new generation: a different panel (new seed), computed into a second folder.
  try FileManager.default.copyItem(atPath: folder + "/panel.csv", toPath: folder + "/panel-1.csv")
  _ = try runCifra(["generate", "regional", "--rows", "400000", "--seed", "2", "--output", folder + "/panel-2.csv"])
  try FileManager.default.copyItem(atPath: folder + "/panel-2.csv", toPath: folder + "/panel.csv.new")
  _ = rename(folder + "/panel.csv.new", folder + "/panel.csv")
  #expect(try runCifra(["refresh", folder + "/spec.toml", "--out", folder + "/reference"]).status == 0)
  let new = try contents(folder + "/reference")
  #expect(new["panel-yoy.csv"] != old["panel-yoy.csv"])
  var seen: Set<String> = []
  for index in 0..<20 {
    // Flip the panel back to the old one every other time, so each kill interrupts a real change.
    let seed = index % 2 == 0 ? "2" : "1"
    try? FileManager.default.removeItem(atPath: folder + "/panel.csv.new")
    try FileManager.default.copyItem(atPath: folder + "/panel-\(seed).csv", toPath: folder + "/panel.csv.new")
    _ = rename(folder + "/panel.csv.new", folder + "/panel.csv")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TestPaths.cifraBinary)
    process.arguments = ["refresh", folder + "/spec.toml", "--quiet"]
    try process.run()
    Thread.sleep(forTimeInterval: Double.random(in: 0.0...0.6))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let now = try contents(folder + "/out")
    let whole = now == old ? "old" : (now == new ? "new" : "mixed")
    seen.insert(whole)
    #expect(whole != "mixed", "kill \(index): the out folder mixes generations")
    #expect(try String(contentsOfFile: folder + "/out/budget.tmp-2024.xlsx", encoding: .utf8) == "user data\n")
    #expect(try String(contentsOfFile: folder + "/out/notes/a.txt", encoding: .utf8) == "mine\n")
    // The manifest describes the files it sits with.
    #expect(try runCifra(["refresh", folder + "/spec.toml", "--check", "--quiet"]).status == 0 || seed == (whole == "old" ? "2" : "1"))
  }
  // The next run recovers: it completes, and no staging folder is left beside the out folder.
  #expect(try runCifra(["refresh", folder + "/spec.toml", "--quiet"]).status == 0)
  #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("cifra-staging") }.isEmpty)
  #expect(try runCifra(["refresh", folder + "/spec.toml", "--check", "--quiet"]).status == 0)
}

/// Refresh stays in its folder: traversal ids and colliding files are spec errors; a deleted
/// chart fails --check; a CRLF spec is valid; a held lock makes a second run fail clearly.
@Test func refreshIsConfinedAndChecksCharts() throws {
  let folder = try refreshScratch()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let head = "[[input]]\nid = \"panel\"\npath = \"panel.csv\"\n\n"
  let growth = "indicator = \"growth\"\ninput = \"panel\"\nvalue = \"value\"\nperiod = \"year\"\nby = [\"region\"]\ncollapse = \"sum\"\n"
  for (body, message) in [
    ("[[output]]\nid = \"../../elsewhere/x\"\n" + growth + "chart = \"bar\"\n", "line 6: output id '../../elsewhere/x' must be a plain name"),
    ("[[output]]\nid = \"x\"\nfile = \"manifest.json\"\n" + growth, "line 5: output 'x' would write manifest.json, which the manifest writes too"),
    ("[[output]]\nid = \"a\"\nfile = \"same.csv\"\n" + growth + "\n[[output]]\nid = \"b\"\nfile = \"same.csv\"\n" + growth,
     "line 15: output 'b' would write same.csv, which the output at line 5 writes too"),
    ("[[output]]\nid = \"a\"\nfile = \"b.svg\"\n" + growth + "\n[[output]]\nid = \"b\"\n" + growth + "chart = \"line\"\n",
     "line 15: output 'b' would write b.svg, which the output at line 5 writes too"),
  ] {
    try (head + body).write(toFile: folder + "/bad.toml", atomically: true, encoding: .utf8)
    let result = try runCifra(["refresh", folder + "/bad.toml"])
    #expect(result.status == 1)
    #expect(result.standardError.contains(folder + "/bad.toml, " + message), "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
  }
  // CRLF line endings are valid.
  let good = head + "[[output]]\nid = \"g\"\n" + growth + "chart = \"bar\"\n"
  try good.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: folder + "/crlf.toml", atomically: true, encoding: .utf8)
  #expect(try runCifra(["refresh", folder + "/crlf.toml", "--quiet"]).status == 0)
  // A chart is recorded in the manifest and checked.
  #expect(try runCifra(["refresh", folder + "/crlf.toml", "--check", "--quiet"]).status == 0)
  try FileManager.default.removeItem(atPath: folder + "/out/g.svg")
  let check = try runCifra(["refresh", folder + "/crlf.toml", "--check"])
  #expect(check.status == 1)
  #expect(check.standardError.contains("g.csv (missing)"))
  #expect(try runCifra(["refresh", folder + "/crlf.toml", "--quiet"]).status == 0)  // recomputes the chart
  #expect(FileManager.default.fileExists(atPath: folder + "/out/g.svg"))
  // A second refresh on the same folder fails clearly while the first holds the lock.
  let descriptor = open(folder + "/.out.cifra-lock", O_RDWR | O_CREAT, 0o644)
  defer { close(descriptor) }
  #expect(flock(descriptor, LOCK_EX) == 0)
  let locked = try runCifra(["refresh", folder + "/crlf.toml", "--force"])
  #expect(locked.status == 1)
  #expect(locked.standardError.contains("another refresh is publishing to \(folder)/out"))
}
