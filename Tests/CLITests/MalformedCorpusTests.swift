import Foundation
import Testing
import _TestSupport

/// One line of Tests/TableIOTests/Fixtures/malformed/cases.tsv.
struct MalformedCase: Sendable, CustomStringConvertible {
  let file: String
  let options: [String]
  let expected: String
  var description: String { file }
}

let corpusFolder = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/malformed"

let malformedCases: [MalformedCase] = {
  guard let text = try? String(contentsOfFile: corpusFolder + "/cases.tsv", encoding: .utf8) else { return [] }
  return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
    let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    return MalformedCase(file: parts[0], options: parts[1].split(separator: " ").map(String.init), expected: parts[2])
  }
}()

@Test func corpusHasAtLeastTwentyFiveFiles() {
  #expect(malformedCases.count >= 25)
}

/// Every malformed file makes `cifra describe` exit 1 with the exact message on stderr
/// (file, line, column, the offending text, what was expected) and print nothing on stdout.
@Test(arguments: malformedCases)
func malformedFileGivesItsExactError(testCase: MalformedCase) throws {
  let path = "Tests/TableIOTests/Fixtures/malformed/" + testCase.file
  let result = try runCifra(["describe", path, "--format", "json"] + testCase.options, directory: TestPaths.packageRoot)
  #expect(result.status == 1)
  #expect(result.standardOutput.isEmpty)
  let expected = "cifra: error: " + testCase.expected.replacingOccurrences(of: "{file}", with: path) + "\n"
  #expect(result.standardError == expected)
}

@Test func missingFileIsAnError() throws {
  let result = try runCifra(["describe", "no/such/file.csv"])
  #expect(result.status == 1)
  #expect(result.standardError == "cifra: error: no/such/file.csv: no such file\n")
}

@Test func usageErrorExitsTwo() throws {
  let result = try runCifra(["describe", "x.csv", "--jobs", "0"])
  #expect(result.status == 2)
  #expect(result.standardError.hasPrefix("cifra: error: --jobs: must be in 1...1024, got 0\n"))
}

@Test func describeJSONReportsRowsTypesAndNulls() throws {
  let path = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/csv/mixed.csv"
  let result = try runCifra(["describe", path, "--format", "json", "--null-token", ".."])
  #expect(result.status == 0)
  let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
  #expect(json["rows"] as? Int == 3)
  let columns = json["columns"] as! [[String: Any]]
  #expect(columns.map { $0["name"] as! String } == ["region", "year", "value", "when"])
  #expect(columns.map { $0["type"] as! String } == ["string", "int64", "double", "date"])
  #expect(columns.map { $0["nulls"] as! Int } == [0, 0, 2, 1])
}

@Test func describeOutputIsIdenticalForAnyJobCount() throws {
  guard TestPaths.hasRealdata else { return }
  let path = TestPaths.realdata + "/missing_migrants/Missing_Migrants_Global_Figures.csv"
  let one = try runCifra(["describe", path, "--format", "json", "--jobs", "1"])
  let two = try runCifra(["describe", path, "--format", "json", "--jobs", "2"])
  let eight = try runCifra(["describe", path, "--format", "json", "--jobs", "8"])
  #expect(one.status == 0)
  #expect(one.standardOutput == two.standardOutput)
  #expect(one.standardOutput == eight.standardOutput)
}
