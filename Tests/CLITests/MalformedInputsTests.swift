import Foundation
import Testing
import _TestSupport

/// One line of Tests/CLITests/Malformed/cases.tsv: a malformed input for one of the readers
/// (refresh and audit specs, growth periods, MMP counts, case files, RPW sheets, calendars,
/// vintages) and the exact error it must produce.
struct MalformedInput: Sendable, CustomStringConvertible {
  let file: String
  let arguments: [String]
  let expected: String
  var description: String { file }
}

/// The registry's ids in order (from `cifra sdg list`), as error messages list them.
let registeredIDs: String = {
  guard let result = try? runCifra(["sdg", "list", "--format", "json"]),
    let rows = try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
  else { return "" }
  return rows.compactMap { $0["id"] as? String }.joined(separator: ", ")
}()

let malformedInputs: [MalformedInput] = {
  let folder = TestPaths.packageRoot + "/Tests/CLITests/Malformed"
  guard let text = try? String(contentsOfFile: folder + "/cases.tsv", encoding: .utf8) else { return [] }
  let path = "Tests/CLITests/Malformed/"
  return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
    let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    let file = path + parts[0]
    return MalformedInput(
      file: parts[0], arguments: parts[1].split(separator: " ").map { $0 == "{file}" ? file : String($0) },
      expected: "cifra: error: "
        + parts[2].replacingOccurrences(of: "{file}", with: file).replacingOccurrences(of: "{indicators}", with: registeredIDs) + "\n")
  }
}()

@Test func malformedCorpusHasAtLeastSixtyFilesInAll() {
  #expect(malformedInputs.count + malformedCases.count >= 60)
}

@Test(arguments: malformedInputs)
func malformedInputGivesItsExactError(input: MalformedInput) throws {
  let result = try runCifra(input.arguments + ["--format", "csv"].filter { _ in !input.arguments.contains("refresh") && !input.arguments.contains("calendar") }, directory: TestPaths.packageRoot)
  #expect(result.status == 1)
  #expect(result.standardOutput.isEmpty)
  // One readable line; argument errors from a spec add ArgumentParser's usage lines after it.
  let first = result.standardError.split(separator: "\n", maxSplits: 1).first.map { String($0) + "\n" }
  #expect(first == input.expected)
}
