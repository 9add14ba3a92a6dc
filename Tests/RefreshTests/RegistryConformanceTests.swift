import Foundation
import Indicators
import Refresh
import Testing
import _TestSupport

/// Every registered indicator has what a registered indicator must have: a guide in
/// docs/indicators/, a golden folder with a README giving its provenance, a help snapshot, and
/// at least one output in datasets/refresh.toml. The test names what is missing.
@Test func everyRegisteredIndicatorHasGuideGoldensHelpAndAnOutput() throws {
  let root = TestPaths.packageRoot
  let specPath = root + "/datasets/refresh.toml"
  let refresh = try RefreshSpec(text: String(contentsOfFile: specPath, encoding: .utf8), path: specPath)
  let refreshed = Set(refresh.outputs.map { $0.indicator.spec.id })
  var missing: [String] = []
  for spec in IndicatorCatalog.specs {
    if !TestPaths.fileExists(root + "/" + spec.guide) { missing.append("\(spec.id): guide \(spec.guide)") }
    let golden = "Tests/IndicatorsTests/Golden/\(spec.id)/README.md"
    if !TestPaths.fileExists(root + "/" + golden) { missing.append("\(spec.id): golden folder with \(golden)") }
    let snapshot = "Tests/CLITests/Snapshots/help-\(spec.command.joined(separator: "-")).txt"
    if !TestPaths.fileExists(root + "/" + snapshot) { missing.append("\(spec.id): help snapshot \(snapshot)") }
    if !refreshed.contains(spec.id) { missing.append("\(spec.id): an output in datasets/refresh.toml") }
  }
  #expect(missing.isEmpty, "missing: \(missing.joined(separator: "; "))")
}

/// The options of every indicator decode from an empty table where they have defaults, and
/// the spec keys are the long option names of the command (the help snapshot lists them).
@Test func optionKeysAreTheCommandsLongOptions() throws {
  let root = TestPaths.packageRoot
  for spec in IndicatorCatalog.specs {
    let snapshot = root + "/Tests/CLITests/Snapshots/help-\(spec.command.joined(separator: "-")).txt"
    guard let help = try? String(contentsOfFile: snapshot, encoding: .utf8) else { continue }
    for role in spec.inputs where role.name != "input" && role.name != "specs" {
      #expect(help.contains("--\(role.name) "), "\(spec.id): input role \(role.name) has no --\(role.name) option")
    }
    #expect(help.contains("--where "), "\(spec.id): no --where option")
    #expect(help.contains("--format "), "\(spec.id): no --format option")
  }
}
