/// A refresh spec: inputs (files with CSV options) and outputs (indicator, arguments, format).
///
/// ```toml
/// [refresh]
/// out = "../out"                      # relative to the spec file
///
/// [[input]]
/// id = "remesas"
/// path = "../../shared/realdata/mexico_remittances/remesas_mensuales.csv"
/// optional = true                     # outputs are skipped (not failed) when it is absent
/// csv = ["--null-token", ".."]        # CSV options, as on the command line
///
/// [[output]]
/// id = "remittances-yoy"
/// indicator = "growth"
/// input = "remesas"                   # its path is the first argument, or replaces {input}
/// extra_inputs = ["gdp"]              # their paths replace {gdp} in args; hashed too
/// args = ["--value", "VALOR_USD", "--period", "PERIODO", "--method", "yoy"]
/// format = "csv"                      # csv | json | sdmx | opensdg
/// file = "remittances-yoy.csv"        # default: <id>.<format extension>
/// ```
/// Unknown keys, wrong types, unknown inputs or duplicate ids are errors naming the line.
public struct RefreshSpec: Sendable, Equatable {
  public struct Input: Sendable, Equatable {
    public let id: String
    public let path: String
    public let optional: Bool
    public let csv: [String]
    public let line: Int
  }

  public struct Output: Sendable, Equatable {
    public let id: String
    public let indicator: String
    public let input: String?
    public let extraInputs: [String]
    public let args: [String]
    public let format: String
    public let file: String
    public let chart: String?
    public let line: Int
  }

  public let path: String
  public let outDirectory: String
  public let inputs: [Input]
  public let outputs: [Output]

  /// Parses spec text; `path` is used for messages and to resolve relative paths.
  /// - Parameter indicators: the indicator names the engine knows.
  public init(text: String, path: String, indicators: Set<String>, formats: Set<String>) throws(RefreshError) {
    let tables: [TOMLTable]
    do { tables = try TOMLSubset.parse(text) } catch { throw .spec(file: path, line: error.line, message: error.message) }
    self.path = path
    let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    func resolve(_ relative: String) -> String { relative.hasPrefix("/") ? relative : folder + "/" + relative }
    var out = resolve("out")
    var inputs: [Input] = []
    var outputs: [Output] = []
    for table in tables {
      var reader = EntryReader(table: table, file: path)
      switch table.name {
      case "":
        try reader.finish()
      case "refresh":
        if let value = try reader.string("out") { out = resolve(value) }
        try reader.finish()
      case "input":
        let id = try reader.required("id")
        guard !inputs.contains(where: { $0.id == id }) else { throw .spec(file: path, line: table.line, message: "input id '\(id)' is used twice") }
        inputs.append(
          Input(
            id: id, path: resolve(try reader.required("path")), optional: try reader.bool("optional") ?? false,
            csv: try reader.strings("csv") ?? [], line: table.line))
        try reader.finish()
      case "output":
        let id = try reader.required("id")
        guard !outputs.contains(where: { $0.id == id }) else { throw .spec(file: path, line: table.line, message: "output id '\(id)' is used twice") }
        let indicator = try reader.required("indicator")
        guard indicators.contains(indicator) else {
          throw .spec(file: path, line: reader.line(of: "indicator"), message: "unknown indicator '\(indicator)' (known: \(indicators.sorted().joined(separator: ", ")))")
        }
        let input = try reader.string("input")
        if let input, !inputs.contains(where: { $0.id == input }) {
          throw .spec(file: path, line: reader.line(of: "input"), message: "unknown input '\(input)' (declare it in an [[input]] table above)")
        }
        let extra = try reader.strings("extra_inputs") ?? []
        for name in extra where !inputs.contains(where: { $0.id == name }) {
          throw .spec(file: path, line: reader.line(of: "extra_inputs"), message: "unknown input '\(name)'")
        }
        let format = try reader.string("format") ?? "csv"
        guard formats.contains(format) else {
          throw .spec(file: path, line: reader.line(of: "format"), message: "unknown format '\(format)' (known: \(formats.sorted().joined(separator: ", ")))")
        }
        let file = try reader.string("file") ?? id + (format == "json" ? ".json" : ".csv")
        guard !file.contains("/"), !file.hasPrefix(".") else {
          throw .spec(file: path, line: reader.line(of: "file"), message: "file '\(file)' must be a plain name inside the output folder")
        }
        outputs.append(
          Output(
            id: id, indicator: indicator, input: input, extraInputs: extra, args: try reader.strings("args") ?? [], format: format,
            file: file, chart: try reader.string("chart"), line: table.line))
        try reader.finish()
      default:
        throw .spec(file: path, line: table.line, message: "unknown table [\(table.name)] (known: [refresh], [[input]], [[output]])")
      }
    }
    self.outDirectory = out
    self.inputs = inputs
    self.outputs = outputs
  }
}

/// Reads typed entries from a table and rejects the ones nobody asked for.
struct EntryReader {
  let table: TOMLTable
  let file: String
  var used = Set<String>()

  init(table: TOMLTable, file: String) {
    self.table = table
    self.file = file
  }

  func line(of key: String) -> Int { table.entries.first { $0.key == key }?.line ?? table.line }

  mutating func value(_ key: String) -> TOMLEntry? {
    used.insert(key)
    return table.entries.first { $0.key == key }
  }

  mutating func string(_ key: String) throws(RefreshError) -> String? {
    guard let entry = value(key) else { return nil }
    guard case .string(let text) = entry.value else { throw typeError(entry, "a string") }
    return text
  }

  mutating func required(_ key: String) throws(RefreshError) -> String {
    guard let text = try string(key) else {
      throw .spec(file: file, line: table.line, message: "[[\(table.name)]] needs '\(key) = \"…\"'")
    }
    return text
  }

  mutating func bool(_ key: String) throws(RefreshError) -> Bool? {
    guard let entry = value(key) else { return nil }
    guard case .bool(let flag) = entry.value else { throw typeError(entry, "true or false") }
    return flag
  }

  mutating func number(_ key: String) throws(RefreshError) -> Double? {
    guard let entry = value(key) else { return nil }
    switch entry.value {
    case .integer(let number): return Double(number)
    case .float(let number): return number
    default: throw typeError(entry, "a number")
    }
  }

  mutating func requiredNumber(_ key: String) throws(RefreshError) -> Double {
    guard let number = try number(key) else {
      throw .spec(file: file, line: table.line, message: "[[\(table.name)]] needs '\(key) = <number>'")
    }
    return number
  }

  mutating func numbers(_ key: String) throws(RefreshError) -> [Double]? {
    guard let entry = value(key) else { return nil }
    guard case .array(let items) = entry.value else { throw typeError(entry, "an array of numbers") }
    var result: [Double] = []
    for item in items {
      switch item {
      case .integer(let number): result.append(Double(number))
      case .float(let number): result.append(number)
      default: throw typeError(entry, "an array of numbers")
      }
    }
    return result
  }

  mutating func strings(_ key: String) throws(RefreshError) -> [String]? {
    guard let entry = value(key) else { return nil }
    guard case .array(let items) = entry.value else { throw typeError(entry, "an array of strings") }
    var result: [String] = []
    for item in items {
      switch item {
      case .string(let text): result.append(text)
      case .integer(let number): result.append(String(number))
      case .float(let number): result.append(String(number))
      default: throw typeError(entry, "an array of strings")
      }
    }
    return result
  }

  func typeError(_ entry: TOMLEntry, _ expected: String) -> RefreshError {
    .spec(file: file, line: entry.line, message: "'\(entry.key)' must be \(expected), found \(entry.value.typeName)")
  }

  func finish() throws(RefreshError) {
    if let unknown = table.entries.first(where: { !used.contains($0.key) }) {
      let place = table.name.isEmpty ? "the top level" : "[\(table.name)]"
      throw .spec(file: file, line: unknown.line, message: "unknown key '\(unknown.key)' in \(place)")
    }
  }
}

/// Errors of a refresh.
public enum RefreshError: Error, Equatable, Sendable, CustomStringConvertible {
  case spec(file: String, line: Int, message: String)
  case missingInput(file: String, line: Int, id: String, path: String)
  case computation(file: String, line: Int, output: String, message: String)
  case io(String)

  public var description: String {
    switch self {
    case .spec(let file, let line, let message): "\(file), line \(line): \(message)"
    case .missingInput(let file, let line, let id, let path): "\(file), line \(line): input '\(id)': no such file \(path)"
    case .computation(let file, let line, let output, let message): "\(file), line \(line) (output '\(output)'): \(message)"
    case .io(let message): message
    }
  }
}

extension RefreshSpec {
  /// The same spec writing to `directory`.
  public func withOutDirectory(_ directory: String) -> RefreshSpec {
    RefreshSpec(path: path, outDirectory: directory, inputs: inputs, outputs: outputs)
  }

  init(path: String, outDirectory: String, inputs: [Input], outputs: [Output]) {
    self.path = path
    self.outDirectory = outDirectory
    self.inputs = inputs
    self.outputs = outputs
  }
}
