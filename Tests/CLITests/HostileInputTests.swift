import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Testing
import _TestSupport

/// Classes of hostile input from issue 13 that used to crash, hang or print a meaningless
/// number: each is now an error naming the option, or the file, line and column.
@Test func hostileInputsGiveClearErrorsNotCrashesOrHangs() throws {
  let folder = NSTemporaryDirectory() + "cifra-hostile-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  func file(_ name: String, _ text: String) throws -> String {
    try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    return folder + "/" + name
  }
  let growth = try file("g.csv", "p,v\n2015,1\n2016,2\n2017,3\n2018,4\n")
  let nonFinite = try file("n.csv", "p,v\n2015,1\n2016,NaN\n2017,inf\n")
  let deep = try file("deep.toml", "x = " + String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000) + "\n")
  let unclosed = try file("unclosed.toml", "x = " + String(repeating: "[", count: 100_000) + "\n")
  let audit = try file("a.toml", "[[sum]]\nlabel = \"a\"\ntotal = 3\nparts = [1, 2]\ndecimals = 1e20\n")
  let fifo = folder + "/fifo"
  #expect(mkfifo(fifo, 0o644) == 0)
  let cases: [([String], Int32, String)] = [
    (["growth", growth, "--value", "v", "--period", "p", "--from", "2018", "--to", "2015"], 2, "cifra: error: --from: 2018 is after to 2015\n"),
    (["precision", "125000", "9800", "--level", "1"], 2, "cifra: error: --level: must be between 0 and 1 (exclusive), got 1.0\n"),
    (["rate", "5", "100", "--per", "0"], 2, "cifra: error: --per: must be a finite number > 0, got 0.0\n"),
    (["proportion", "45", "60", "--level", "nan"], 2, "cifra: error: --level: must be between 0 and 1 (exclusive), got nan\n"),
    (["calendar", "add", "2025-03-03", "9223372036854775807"], 2, "cifra: error: N: must be in 0...36500, got 9223372036854775807\n"),
    (["calendar", "count", "2025-05-09", "2025-03-03"], 2, "cifra: error: TO: 2025-03-03 is before FROM 2025-05-09\n"),
    (["audit", audit], 1, "cifra: error: \(audit), line 5: 'decimals' must be a whole number in 0...15, got 1e+20\n"),
    (["refresh", deep], 1, "cifra: error: \(deep), line 1: arrays nest deeper than 16 levels\n"),
    (["refresh", unclosed], 1, "cifra: error: \(unclosed), line 1: array is never closed with ']'\n"),
    (["describe", fifo], 1, "cifra: error: \(fifo): cannot read: a FIFO (named pipe), not a regular file\n"),
    (["describe", folder], 1, "cifra: error: \(folder): cannot read: a folder, not a file\n"),
    (
      ["growth", nonFinite, "--value", "v", "--period", "p"], 1,
      "cifra: error: \(nonFinite), line 3, column 'v': cannot read 'NaN' as a finite number (NaN and inf are not data: the option null-token NaN reads them as null)\n"
    ),
    (["growth", growth, "--value", "v", "--period", "p", "--jobs", "0"], 2, "cifra: error: --jobs: must be in 1...1024, got 0\n"),
    (["describe", growth, "--skip-rows=-1"], 2, "cifra: error: --skip-rows: must be in 0...1000000, got -1\n"),
  ]
  for (arguments, status, message) in cases {
    let started = Date()
    let result = try runCifra(arguments)
    #expect(Date().timeIntervalSince(started) < 20, "\(arguments) took too long")
    #expect(result.status == status, "\(arguments): \(result.standardError)")
    #expect(result.standardError.hasPrefix(message), "\(arguments): \(result.standardError)")
  }
}

/// Inputs that cannot be trusted are errors naming the column and row: impossible negatives,
/// repeated units, unknown outcome codes, a second total row. Codes are normalised (case, spaces).
@Test func untrustworthyInputsAreErrors() throws {
  let folder = NSTemporaryDirectory() + "cifra-untrusted-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  func file(_ name: String, _ text: String) throws -> String {
    try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    return folder + "/" + name
  }
  let refugees = try file("r.csv", "origin,year,refugees,population\nHND,2022,-5,1000\n")
  let decisions = try file(
    "d.csv",
    "Year,Country of asylum (ISO),Cases / Persons,Recognized decisions,Complementary protection,Rejected decisions,Otherwise closed,Total decisions\n2022,MEX,P,10,0,-2,0,8\n")
  let mmp = try file("m.csv", "Main ID,Incident Year,Number of Dead,Minimum Estimated Number of Missing\na1,2020,3,1\na2,2020,2,0\na1,2021,5,2\n")
  let header = "case_id,filed,resolved,outcome,extended\n"
  let cases = try file("c.csv", header + "1,2025-03-03,2025-05-08,recognized,false\n2,2025-03-03,2025-05-09,RECOGNIZED ,false\n3,2025-03-03,,,false\n")
  let repeated = try file("c2.csv", header + "1,2025-03-03,2025-05-08,recognized,false\n1,2025-03-03,2025-05-09,rejected,false\n")
  let unknown = try file("c3.csv", header + "1,2025-03-03,2025-05-08,recognized,false\n2,2025-03-03,2025-05-09,granted,false\n")
  let totals = try file("t.csv", "state,men,women\nA,1,2\nTotal,1,2\nTotal,1,2\n")
  for (arguments, message) in [
    (["sdg", "10.7.4", refugees, "--refugees", "refugees", "--population", "population"], "\(refugees): column 'refugees', data row 1: -5 is negative, and a count of people cannot be"),
    (["sdg", "recognition", decisions, "--by", "Year"], "\(decisions): column 'Rejected decisions', data row 1: -2 is negative, and a count of decisions cannot be"),
    (["sdg", "10.7.3", mmp], "\(mmp): column 'Main ID': 1 repeated incident id(s), e.g. 'a1' (data rows 1 and 3)"),
    (["sdg", "refugee-in-time", repeated], "\(repeated): column 'case_id': 1 repeated case id(s), e.g. '1' (data rows 1 and 2)"),
    (["sdg", "refugee-in-time", unknown], "\(unknown): column 'outcome', data row 2: outcome 'granted' is not a known code (known: complementary, recognized, rejected, abandoned, withdrawn; blank = pending)"),
    (["audit", totals, "--total-row", "Total", "--label-column", "state"], "\(totals): column 'state': 2 rows are labelled 'Total' (data rows 2, 3)"),
  ] {
    let result = try runCifra(arguments + ["--format", "csv"])
    #expect(result.status == 1, "\(arguments)")
    #expect(result.standardError.hasPrefix("cifra: error: " + message), "\(arguments): \(result.standardError)")
  }
  // Outcome codes are compared trimmed and case-insensitively: 'RECOGNIZED ' is recognized.
  let inTime = try runCifra(["sdg", "refugee-in-time", cases, "--format", "csv"])
  #expect(inTime.status == 0, "\(inTime.standardError)")
  #expect(inTime.standardOutput.contains("2025,2,1,1,"), "\(inTime.standardOutput)")
  // With duplicates = drop, repeats are dropped and counted.
  let dropped = try runCifra(["sdg", "10.7.3", mmp, "--duplicates", "drop", "--format", "csv"])
  #expect(dropped.status == 0)
  #expect(dropped.standardError.contains("1 row(s) repeat an incident id and were dropped"))
}

/// A failed write to standard output is an error (exit 1), not a silent success.
@Test func writingToAFullDeviceFails() throws {
  guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: TestPaths.cifraBinary)
  process.arguments = ["proportion", "45", "60", "--ci", "all"]
  process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
  let error = Pipe()
  process.standardError = error
  try process.run()
  let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  #expect(process.terminationStatus == 1)
  #expect(message == "cifra: error: cannot write to standard output: No space left on device\n")
}

/// A chart is valid XML whatever its labels and values: control characters and markup in
/// labels, values near the limits of Double.
@Test func chartsParseAsXMLForAnyLabelAndValue() throws {
  let folder = NSTemporaryDirectory() + "cifra-svg-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let data = "p,v,s\n2020,1e308,\"a<b&\u{01}c\"\n2021,-1e308,\"a<b&\u{01}c\"\n2022,5,\"]]>\u{1B}\"\n"
  try data.write(toFile: folder + "/d.csv", atomically: true, encoding: .utf8)
  for kind in ["line", "bar"] {
    let chart = folder + "/\(kind).svg"
    let result = try runCifra([
      "plot", folder + "/d.csv", "--value", "v", "--period", "p", "--by", "s", "--kind", kind, "--title", "T\u{07}<x>", "--output", chart,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: chart)))
    #expect(parser.parse(), "\(kind): \(parser.parserError.map { "\($0)" } ?? "")")
    let text = try String(contentsOfFile: chart, encoding: .utf8)
    #expect(!text.contains("inf") && !text.contains("nan"))
  }
}

/// Spreadsheet-formula policy: machine formats are data and are never altered, so a text cell
/// starting with =, +, - or @ is written as it is (quoted only by the RFC 4180 rules). Open
/// such files in a spreadsheet as text (docs/robustness.md).
@Test func csvTextCellsAreWrittenAsTheyAre() throws {
  let folder = NSTemporaryDirectory() + "cifra-formula-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  try "label,x\n=1+1,1\n+A1,2\n-B2,3\n@SUM(A1),4\n".write(toFile: folder + "/f.csv", atomically: true, encoding: .utf8)
  let result = try runCifra(["crosstab", folder + "/f.csv", "--rows", "label", "--cols", "x", "--format", "csv"])
  #expect(result.status == 0)
  for cell in ["=1+1", "+A1", "-B2", "@SUM(A1)"] { #expect(result.standardOutput.contains("\n" + cell + ",")) }
}

/// A file truncated while `describe` reads it ends with a clean exit, never a signal.
@Test func truncatedWhileReadingExitsCleanly() throws {
  let folder = NSTemporaryDirectory() + "cifra-truncate-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let path = folder + "/big.csv"
  #expect(try runCifra(["generate", "regional", "--rows", "1000000", "--seed", "3", "--output", path]).status == 0)
  for delay in [0.02, 0.05, 0.1, 0.2] {
    let copy = folder + "/copy.csv"
    try? FileManager.default.removeItem(atPath: copy)
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TestPaths.cifraBinary)
    process.arguments = ["describe", copy, "--format", "json", "--quiet"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: delay)
    #expect(truncate(copy, 1000) == 0)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus) after \(delay) s")
  }
}

/// Issue 13, item 4: a warning is one readable line — count, three examples, the fix — and
/// `--verbose` lists every item it counts, one per line, after it. Ten years with six months
/// each, asked as annual: ten incomplete years.
@Test func warningsAreOneLineAndVerboseListsEveryItem() throws {
  var csv = "region,month,value\n"
  for year in 2000...2009 { for month in 1...6 { csv += "Zacatecas,\(year)-\(month < 10 ? "0" : "")\(month),\(year - 1990 + month)\n" } }
  let arguments = ["growth", "-", "--value", "value", "--period", "month", "--by", "region", "--freq", "A", "--collapse", "sum", "--keep-incomplete", "--format", "csv"]
  let plain = try runCifra(arguments, input: Data(csv.utf8))
  #expect(plain.status == 0, "\(plain.standardError)")
  let lines = plain.standardError.split(separator: "\n")
  #expect(lines.count == 1, "\(plain.standardError)")
  #expect(lines.allSatisfy { $0.count <= 200 }, "\(lines.map(\.count))")
  #expect(lines[0].hasPrefix("cifra: warning: 10 incomplete periods kept (complete = false), e.g. region=Zacatecas 2000 (6 of 12); region=Zacatecas 2001 (6 of 12); region=Zacatecas 2002 (6 of 12); …"), "\(lines[0])")
  let verbose = try runCifra(arguments + ["--verbose"], input: Data(csv.utf8))
  let listed = verbose.standardError.split(separator: "\n").dropFirst()
  #expect(listed.map(String.init) == (2000...2009).map { "cifra:   region=Zacatecas \($0) (6 of 12)" }, "\(verbose.standardError)")
  #expect(verbose.standardOutput == plain.standardOutput)
  // --verbose belongs to the commands that compute; elsewhere it is a usage error.
  let describe = try runCifra(["describe", "-", "--verbose"], input: Data(csv.utf8))
  #expect(describe.status == 2)
}
