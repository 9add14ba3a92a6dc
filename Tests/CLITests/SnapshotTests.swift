import Foundation
import Testing
import _TestSupport

/// Compares `text` with `Snapshots/<name>.txt`; with RECORD_SNAPSHOTS=1 the file is rewritten
/// and the test fails (so a recording never passes silently).
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let path = TestPaths.packageRoot + "/Tests/CLITests/Snapshots/\(name).txt"
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    Issue.record("Recorded snapshot \(name); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
    return
  }
  guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
    Issue.record("No snapshot \(name): run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
    return
  }
  #expect(text == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}

/// Every command's help: the registered indicators' commands (read from the registry, so a new
/// indicator gets its snapshot) and the other commands.
let helpCommands: [[String]] =
  [[], ["describe"], ["sdg"], ["sdg", "list"], ["calendar", "add"], ["calendar", "count"], ["diff"], ["plot"], ["refresh"], ["generate"]]
  + registeredCommands

/// The command paths of the registry, from `cifra sdg list --format json`.
let registeredCommands: [[String]] = {
  guard let result = try? runCifra(["sdg", "list", "--format", "json"]),
    let rows = try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
  else { return [] }
  return rows.compactMap { ($0["command"] as? String)?.split(separator: " ").dropFirst().map(String.init) }
}()

@Test(arguments: helpCommands)
func helpTextSnapshot(command: [String]) throws {
  let result = try runCifra(command + ["--help"])
  #expect(result.status == 0)
  try assertSnapshot(result.standardOutput, named: "help-" + (command.isEmpty ? "cifra" : command.joined(separator: "-")))
}

@Test func errorMessagesSnapshot() throws {
  let fixture = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/malformed/"
  var lines: [String] = []
  for arguments in [
    ["describe", "Tests/TableIOTests/Fixtures/malformed/ragged-short-row.csv"],
    ["growth", "Tests/TableIOTests/Fixtures/csv/mixed.csv", "--value", "value", "--period", "nope"],
    ["growth", "Tests/TableIOTests/Fixtures/csv/mixed.csv", "--value", "value", "--period", "year", "--method", "index"],
    ["sdg", "10.7.3", "Tests/TableIOTests/Fixtures/csv/mixed.csv"],
    ["calendar", "add", "2025-02-30", "5"],
    ["growth", "--value"],
    ["growth", "Tests/TableIOTests/Fixtures/csv/mixed.csv", "--value", "value", "--period", "year", "--null-token", "..", "--where", "year=1800"],
    ["describe", "Tests/TableIOTests/Fixtures/csv/mixed.csv", "--format", "sdmx"],
    ["crosstab", "Tests/TableIOTests/Fixtures/csv/mixed.csv", "--rows", "year", "--cols", "year", "--format", "sdmx"],
    ["proportion", "5", "4"],
  ] {
    let result = try runCifra(arguments, directory: TestPaths.packageRoot)
    lines.append("$ cifra \(arguments.joined(separator: " "))\nexit \(result.status)\n\(result.standardError)")
  }
  _ = fixture
  try assertSnapshot(lines.joined(separator: "\n"), named: "errors")
}

@Test func versionPrints() throws {
  let result = try runCifra(["--version"])
  #expect(result.status == 0)
  #expect(result.standardOutput == "0.1.0\n")
}

@Test func completionScriptGenerates() throws {
  let result = try runCifra(["--generate-completion-script", "bash"])
  #expect(result.status == 0)
  #expect(result.standardOutput.contains("_cifra"))
}
