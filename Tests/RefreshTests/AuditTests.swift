import Foundation
import Indicators
import Refresh
import Testing
import _TestSupport

func loadSpec(_ name: String) throws -> AuditSpec {
  let path = TestPaths.packageRoot + "/datasets/audit/" + name
  return try AuditSpec(text: String(decoding: try readBytes(path), as: UTF8.self), path: path)
}

func readBytes(_ path: String) throws -> [UInt8] {
  guard let data = FileManager.default.contents(atPath: path) else { throw RefreshError.io("cannot open \(path)") }
  return [UInt8](data)
}

/// `cifra audit` on the seed specs reports exactly the documented slips (142 vs 144, 993 vs 994,
/// 1,112,161 vs the parts, 92.39 % vs 92.40 %, …) and no false alarm.
@Test(arguments: ["seed-003.toml", "seed-001-vds.toml"])
func seedAuditFindsExactlyTheDocumentedSlips(file: String) throws {
  let spec = try loadSpec(file)
  #expect(!spec.items.isEmpty)
  for item in spec.items {
    let finding = TableAudit.evaluate(item)
    #expect(item.expectedSlip != nil, "\(item.label): every seed claim says slip = true or false")
    #expect(finding.ok == (item.expectedSlip == false), "\(item.label): \(finding)")
  }
}

@Test func seed003SlipsAreTheKnownOnes() throws {
  let findings = try loadSpec("seed-003.toml").items.map(TableAudit.evaluate)
  let mismatched = findings.filter { !$0.ok }
  #expect(mismatched.count == 11)
  let byLine = Dictionary(grouping: mismatched, by: { $0.item.line! })
  #expect(byLine[1013]?.first?.recomputed == 144)
  #expect(byLine[6747]?.first?.recomputed == 994)
  #expect(byLine[8782]?.first?.recomputed == 854_254)
  #expect(byLine[9147]?.first?.note == "truncated instead of rounded (rounds to 92.4)")
}

@Test func toleranceFollowsTheStatedDecimals() {
  // 92.3994 stated with 2 decimals: 92.40 passes, 92.39 fails; with 1 decimal 92.4 passes.
  func ratio(_ stated: Double, _ decimals: Int) -> Bool {
    TableAudit.evaluate(AuditItem(label: "x", line: nil, check: .ratio(stated: stated, numerator: 282256, denominator: 305474, scale: 100), decimals: decimals)).ok
  }
  #expect(ratio(92.40, 2))
  #expect(!ratio(92.39, 2))
  #expect(ratio(92.4, 1))
  // Shares of 1 decimal may add to 100 ± n·0.05.
  #expect(TableAudit.evaluate(AuditItem(label: "s", line: nil, check: .sharesSum(shares: [33.3, 33.3, 33.3]), decimals: 1)).ok)
  #expect(!TableAudit.evaluate(AuditItem(label: "s", line: nil, check: .sharesSum(shares: [33.3, 33.3, 33.0]), decimals: 1)).ok)
}

@Test func badAuditSpecNamesTheLine() {
  do {
    _ = try AuditSpec(text: "[[sum]]\nlabel = \"x\"\ntotal = \"ten\"\n", path: "a.toml")
    Issue.record("accepted")
  } catch {
    #expect("\(error)" == "a.toml, line 3: 'total' must be a number, found a string")
  }
}
