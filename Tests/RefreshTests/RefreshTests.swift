import Refresh
import Testing
import _TestSupport

/// FIPS 180-4 / NIST test vectors.
@Test func sha256MatchesNISTVectors() {
  #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  #expect(SHA256.hex(String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  for length in [55, 56, 63, 64, 65] { #expect(SHA256.hex(String(repeating: "x", count: length)).count == 64) }
}

let indicators: Set<String> = ["growth", "sdg-10.7.3"]
let formats: Set<String> = ["csv", "json", "sdmx", "opensdg"]

func spec(_ text: String) throws -> RefreshSpec {
  try RefreshSpec(text: text, path: "datasets/spec.toml", indicators: indicators, formats: formats)
}

@Test func specParsesInputsAndOutputs() throws {
  let parsed = try spec(
    """
    # comment
    [refresh]
    out = "../out"

    [[input]]
    id = "a"
    path = "a.csv"   # trailing comment
    csv = ["--null-token", ".."]

    [[output]]
    id = "x"
    indicator = "growth"
    input = "a"
    args = [
      "--value", "v",
      "--period", "p",
    ]
    format = "sdmx"
    """)
  #expect(parsed.outDirectory == "datasets/../out")
  #expect(parsed.inputs.map(\.path) == ["datasets/a.csv"])
  #expect(parsed.inputs[0].csv == ["--null-token", ".."])
  #expect(parsed.outputs[0].args == ["--value", "v", "--period", "p"])
  #expect(parsed.outputs[0].file == "x.csv")
}

/// A bad spec is an error naming the spec line: unknown key, unknown indicator, missing input,
/// wrong type, bad syntax, duplicate id.
@Test(arguments: [
  ("[[input]]\nid = \"a\"\npath = \"a.csv\"\ncolour = \"red\"\n", "datasets/spec.toml, line 4: unknown key 'colour' in [input]"),
  ("[[output]]\nid = \"x\"\nindicator = \"sdg-99\"\n", "datasets/spec.toml, line 3: unknown indicator 'sdg-99' (known: growth, sdg-10.7.3)"),
  ("[[output]]\nid = \"x\"\nindicator = \"growth\"\ninput = \"nope\"\n", "datasets/spec.toml, line 4: unknown input 'nope' (declare it in an [[input]] table above)"),
  ("[[input]]\nid = \"a\"\npath = 3\n", "datasets/spec.toml, line 3: 'path' must be a string, found an integer"),
  ("[[input]]\nid = \"a\"\npath = \"a.csv\"\noptional = \"yes\"\n", "datasets/spec.toml, line 4: 'optional' must be true or false, found a string"),
  ("[refresh]\nout = ../out\n", "datasets/spec.toml, line 2: cannot read '../out' as a value (strings need quotes)"),
  ("[[input]]\nid = \"a\"\npath = \"a.csv\"\n[[input]]\nid = \"a\"\npath = \"b.csv\"\n", "datasets/spec.toml, line 4: input id 'a' is used twice"),
  ("[[output]]\nid = \"x\"\nindicator = \"growth\"\nformat = \"xlsx\"\n", "datasets/spec.toml, line 4: unknown format 'xlsx' (known: csv, json, opensdg, sdmx)"),
  ("[outputs]\n", "datasets/spec.toml, line 1: unknown table [outputs] (known: [refresh], [[input]], [[output]])"),
  ("[[output]]\nid = \"x\"\n", "datasets/spec.toml, line 1: [[output]] needs 'indicator = \"…\"'"),
  ("args = [\"a\",\n", "datasets/spec.toml, line 1: array is never closed with ']'"),
])
func badSpecNamesTheLine(text: String, message: String) {
  do {
    _ = try spec(text)
    Issue.record("accepted: \(text)")
  } catch {
    #expect("\(error)" == message)
  }
}
