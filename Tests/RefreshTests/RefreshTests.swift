import Crypto
import Foundation
import Indicators
import Refresh
import Testing
import _TestSupport

/// FIPS 180-4 / NIST test vectors, through swift-crypto.
@Test func contentHashMatchesNISTVectors() {
  #expect(ContentHash.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  #expect(ContentHash.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  #expect(ContentHash.sha256(String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}

func spec(_ text: String) throws -> RefreshSpec { try RefreshSpec(text: text, path: "datasets/spec.toml") }

/// The registry's ids, as error messages list them.
let registeredIDs = IndicatorCatalog.specs.map(\.id).joined(separator: ", ")

let inputA = "[[input]]\nid = \"a\"\npath = \"a.csv\"\n"

@Test func specParsesTypedOptions() throws {
  let parsed = try spec(
    """
    # comment
    [refresh]
    out = "../out"

    [[input]]
    id = "a"
    path = "a.csv"   # trailing comment
    null-token = [".."]
    skip-rows = 2

    [[output]]
    id = "x"
    indicator = "growth"
    input = "a"
    value = "VALOR_USD"
    period = "PERIODO"
    period-freq = "M"
    by = ["FLUJO"]
    method = "yoy"
    where = ["FLUJO=Ingresos"]
    format = "opensdg"

    [[output]]
    id = "deaths"
    indicator = "sdg-10.7.3"
    input = "a"
    by = ["year", "cause"]
    negative = "keep"
    where = ["route~Mexico"]
    format = "sdmx"
    ref-area = "1"

    [[output]]
    id = "p"
    indicator = "proportion"
    input = "a"
    successes = "in_time"
    trials = "cases"
    by = "year"
    ci = "clopper-pearson"
    level = 0.9
    """)
  #expect(parsed.outDirectory == "datasets/../out")
  #expect(parsed.inputs.map(\.path) == ["datasets/a.csv"])
  #expect(parsed.inputs[0].csv.nullTokens == [".."])
  #expect(parsed.inputs[0].csv.skipRows == 2)
  let growth = try #require(parsed.outputs[0].options as? GrowthOptions)
  #expect(growth.value == "VALOR_USD" && growth.periodFrequency == .monthly && growth.by == ["FLUJO"] && growth.method == .yoy)
  #expect(growth.filters.map(\.description) == ["FLUJO=Ingresos"])
  #expect(parsed.outputs[0].file == "x.csv")
  #expect(parsed.outputs[1].settings.refArea == "1")
  let deaths = try #require(parsed.outputs[1].options as? MissingMigrantsIndicator.Options)
  #expect(deaths.by == [.year, .cause] && deaths.negative == .keep)
  let proportion = try #require(parsed.outputs[2].options as? ProportionIndicator.Options)
  #expect(proportion.by == ["year"] && proportion.ci == .clopperPearson && proportion.level == 0.9)
}

/// A bad spec is an error naming the spec line: unknown key, unknown indicator, missing input,
/// wrong type, bad syntax, duplicate id, an option out of range or in a bad combination.
@Test(arguments: [
  ("[[input]]\nid = \"a\"\npath = \"a.csv\"\ncolour = \"red\"\n", "datasets/spec.toml, line 4: unknown key 'colour' in [input]"),
  ("[[output]]\nid = \"x\"\nindicator = \"sdg-99\"\n", "datasets/spec.toml, line 3: unknown indicator 'sdg-99' (known: \(registeredIDs))"),
  ("[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"nope\"\n", "datasets/spec.toml, line 4: unknown input 'nope' (declare it in an [[input]] table above)"),
  ("[[input]]\nid = \"a\"\npath = 3\n", "datasets/spec.toml, line 3: 'path' must be a string, found an integer"),
  ("[[input]]\nid = \"a\"\npath = \"a.csv\"\noptional = \"yes\"\n", "datasets/spec.toml, line 4: 'optional' must be true or false, found a string"),
  ("[[input]]\nid = \"a\"\npath = \"a.csv\"\nskip-rows = -1\n", "datasets/spec.toml, line 4: 'skip-rows' must be in 0...1000000, got -1"),
  ("[refresh]\nout = ../out\n", "datasets/spec.toml, line 2: cannot read '../out' as a value (strings need quotes)"),
  ("[[input]]\nid = \"a\"\npath = \"a.csv\"\n[[input]]\nid = \"a\"\npath = \"b.csv\"\n", "datasets/spec.toml, line 4: input id 'a' is used twice"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"a\"\nvalue = \"v\"\nperiod = \"p\"\nformat = \"xlsx\"\n", "datasets/spec.toml, line 10: unknown format 'xlsx' (known: csv, json, sdmx, opensdg)"),
  ("[outputs]\n", "datasets/spec.toml, line 1: unknown table [outputs] (known: [refresh], [[input]], [[output]])"),
  ("[[output]]\nid = \"x\"\n", "datasets/spec.toml, line 1: [[output]] needs 'indicator = \"…\"'"),
  ("args = [\"a\",\n", "datasets/spec.toml, line 1: array is never closed with ']'"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"a\"\nvalue = \"v\"\nperiod = \"p\"\ncolour = 1\n", "datasets/spec.toml, line 10: unknown key 'colour' for indicator growth (known: aggregate, base, by, collapse, component, fill-absent, freq, from, keep-incomplete, lag, method, period, period-freq, to, value, where, ytd, input, decimals, sdmx-version, dataflow, ref-area, extra-columns, chart, file, format, id, indicator)"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"a\"\nvalue = \"v\"\nperiod = \"p\"\nlag = \"two\"\n", "datasets/spec.toml, line 10: 'lag' must be an integer, found a string"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"a\"\nvalue = \"v\"\nperiod = \"p\"\nlag = 0\n", "datasets/spec.toml, line 10: 'lag' must be at least 1, got 0"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"a\"\nvalue = \"v\"\nperiod = \"p\"\nmethod = \"index\"\n", "datasets/spec.toml, line 4: 'base' method index needs the base period (= 100)"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"a\"\nperiod = \"p\"\n", "datasets/spec.toml, line 4: 'value' is required"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"growth\"\nvalue = \"v\"\nperiod = \"p\"\n", "datasets/spec.toml, line 4: 'input' is required"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"a\"\nvalue = \"v\"\nperiod = \"p\"\nmethod = \"fast\"\n", "datasets/spec.toml, line 10: 'method': Cannot initialize GrowthMethod from invalid String value fast"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"a\"\nvalue = \"v\"\nperiod = \"p\"\nwhere = [\"FLUJO\"]\n", "datasets/spec.toml, line 10: 'where': filter 'FLUJO' must be COL=VALUE, COL!=VALUE or COL~TEXT"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"proportion\"\ninput = \"a\"\nsuccesses = \"s\"\ntrials = \"t\"\nlevel = 1\n", "datasets/spec.toml, line 10: 'level' must be between 0 and 1 (exclusive), got 1.0"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"crosstab\"\ninput = \"a\"\nrows = \"r\"\ncols = \"c\"\nformat = \"sdmx\"\n", "datasets/spec.toml, line 10: 'format' crosstab does not write sdmx (it writes csv, json, table)"),
  (inputA + "[[output]]\nid = \"x\"\nindicator = \"sdg-10.7.3\"\ninput = \"a\"\nweights = \"a\"\n", "datasets/spec.toml, line 8: unknown key 'weights' for indicator sdg-10.7.3 (known: by, duplicates, negative, where, input, decimals, sdmx-version, dataflow, ref-area, extra-columns, chart, file, format, id, indicator)"),
])
func badSpecNamesTheLine(text: String, message: String) {
  do {
    _ = try spec(text)
    Issue.record("accepted: \(text)")
  } catch {
    #expect("\(error)" == message)
  }
}

/// Issue 16, item 3: an input several outputs read the same way is read and parsed once per
/// run (``TableCache``); another reading of it (other columns) is a second read; every run
/// starts afresh; the files are those of runs without the cache (each output alone), and the
/// same when outputs are computed four at a time.
@Test func anInputIsReadOncePerReading() throws {
  let folder = NSTemporaryDirectory() + "cifra-cache-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  try "year,value,other\n2019,100,5\n2020,110,6\n2021,121,8\n".write(toFile: folder + "/a.csv", atomically: true, encoding: .utf8)
  let outputs = [
    ("pop", "value", "pop"), ("cagr", "value", "cagr"), ("trend", "value", "least-squares"), ("other", "other", "pop"),
  ]
  var text = "[refresh]\nout = \"out\"\n\n[[input]]\nid = \"a\"\npath = \"a.csv\"\n"
  for (id, value, method) in outputs {
    text += "\n[[output]]\nid = \"\(id)\"\nindicator = \"growth\"\ninput = \"a\"\nvalue = \"\(value)\"\nperiod = \"year\"\nmethod = \"\(method)\"\n"
  }
  let parsed = try RefreshSpec(text: text, path: folder + "/spec.toml")
  let refresher = Refresher(spec: parsed, engineVersion: "test")
  let outcomes = try refresher.run(force: true, check: false)
  #expect(outcomes.map(\.status) == [.computed, .computed, .computed, .computed])
  #expect(refresher.tables.reads == 2, "one reading of 'value' and one of 'other'")
  _ = try refresher.run(force: true, check: false)
  #expect(refresher.tables.reads == 4, "a new run reads again")
  let together = try outputs.map { try String(contentsOfFile: folder + "/out/\($0.0).csv", encoding: .utf8) }
  // Outputs computed in parallel: the same reads, the same files, the same manifest outputs.
  let manifest = try String(contentsOfFile: folder + "/out/manifest.json", encoding: .utf8)
  var parallel = Refresher(spec: parsed, engineVersion: "test")
  parallel.jobs = 4
  #expect(try parallel.run(force: true, check: false).map(\.output) == outputs.map(\.0))
  #expect(parallel.tables.reads == 2)
  #expect(try outputs.map { try String(contentsOfFile: folder + "/out/\($0.0).csv", encoding: .utf8) } == together)
  let stripped = { (text: String) in text.split(separator: "\n").filter { !$0.contains("computed_at") && !$0.contains("computedAt") } }
  #expect(stripped(try String(contentsOfFile: folder + "/out/manifest.json", encoding: .utf8)) == stripped(manifest))
  for (index, output) in outputs.enumerated() {
    var alone = "[refresh]\nout = \"alone-\(output.0)\"\n\n[[input]]\nid = \"a\"\npath = \"a.csv\"\n"
    alone += "\n[[output]]\nid = \"\(output.0)\"\nindicator = \"growth\"\ninput = \"a\"\nvalue = \"\(output.1)\"\nperiod = \"year\"\nmethod = \"\(output.2)\"\n"
    _ = try Refresher(spec: try RefreshSpec(text: alone, path: folder + "/alone.toml"), engineVersion: "test").run(force: true, check: false)
    #expect(try String(contentsOfFile: folder + "/alone-\(output.0)/\(output.0).csv", encoding: .utf8) == together[index])
  }
}
