import Columnar
import Indicators
import TableIO

/// A refresh spec: inputs (files with their CSV options) and outputs (an indicator, its typed
/// options, a format). Option keys are spelled exactly like the long command-line options.
///
/// ```toml
/// [refresh]
/// out = "../out"                      # relative to the spec file
///
/// [[input]]
/// id = "remesas"
/// path = "mexico_remittances/remesas_mensuales.csv"
/// optional = true                     # outputs are skipped (not failed) when it is absent
/// null-token = [".."]                 # CSV options, as on the command line
///
/// [[output]]
/// id = "remittances-yoy"
/// indicator = "growth"
/// input = "remesas"                   # input roles name [[input]] ids (weights = "…", non-working = ["…"])
/// value = "VALOR_USD"                 # the indicator's options
/// period = "PERIODO"
/// period-freq = "M"
/// by = ["FLUJO"]
/// method = "yoy"
/// where = ["FLUJO=Ingresos"]
/// format = "csv"                      # csv | json | sdmx | opensdg (and the output keys decimals, ref-area, …)
/// file = "remittances-yoy.csv"        # default: <id>.<format extension>
/// chart = "bar"                       # also write <id>.svg
/// ```
/// Every output is decoded and validated when the spec is read: unknown keys, wrong types,
/// unknown inputs, invalid combinations and duplicate ids are errors naming the line.
public struct RefreshSpec: Sendable {
  public struct Input: Sendable {
    public let id: String
    public let path: String
    public let optional: Bool
    public let csv: CSVSettings
    /// The CSV keys as written, for the content key.
    public let csvEntries: [String]
    public let line: Int
  }

  public struct Output: Sendable {
    public let id: String
    public let indicator: any Indicator.Type
    /// Input ids by role, in order.
    public let inputs: [(role: String, ids: [String])]
    public let options: any IndicatorOptions
    /// The option and role entries as written (`key = value`), sorted: the content key.
    public let entries: [String]
    public let settings: OutputSettings
    public let format: OutputFormat
    public let file: String
    public let chart: SVGChart.Kind?
    public let line: Int

    /// Every input id the output reads.
    public var inputIDs: [String] { inputs.flatMap(\.ids) }
  }

  public let path: String
  public let outDirectory: String
  public let inputs: [Input]
  public let outputs: [Output]

  static let outputKeys: Set<String> = ["id", "indicator", "format", "file", "chart"]

  /// Parses spec text; `path` is used for messages and to resolve relative paths. Every
  /// output's options are decoded and validated here, before anything is computed.
  public init(text: String, path: String) throws(RefreshError) {
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
        let location = try reader.required("path")
        let optional = try reader.bool("optional") ?? false
        let csvEntries = table.entries.filter { CSVSettings.keys.contains($0.key) }
        let decoder = TOMLOptionsDecoder(entries: csvEntries)
        let csv: CSVSettings
        do { csv = try decoder.decode(CSVSettings.self) } catch { throw decoder.specError(error, file: path, line: table.line) }
        do { try csv.validate() } catch {
          throw .spec(file: path, line: decoder.line(of: [OptionKey(error.field)]) ?? table.line, message: "'\(error.field)' \(error.message)")
        }
        for key in CSVSettings.keys { _ = reader.value(key) }
        try reader.finish()
        inputs.append(
          Input(id: id, path: resolve(location), optional: optional, csv: csv, csvEntries: csvEntries.map(Self.canonical).sorted(), line: table.line))
      case "output":
        outputs.append(try Self.output(table, reader: &reader, inputs: inputs, outputs: outputs, file: path))
      default:
        throw .spec(file: path, line: table.line, message: "unknown table [\(table.name)] (known: [refresh], [[input]], [[output]])")
      }
    }
    // Every file a refresh writes has one owner: outputs, charts and the manifest never collide.
    var owners: [String: Int] = ["manifest.json": 0]
    for output in outputs {
      for name in [output.file] + (output.chart == nil ? [] : [output.id + ".svg"]) {
        if let other = owners[name] {
          let first = other == 0 ? "the manifest" : "the output at line \(other)"
          throw .spec(file: path, line: output.line, message: "output '\(output.id)' would write \(name), which \(first) writes too")
        }
        owners[name] = output.line
      }
    }
    self.outDirectory = out
    self.inputs = inputs
    self.outputs = outputs
  }

  /// A file name that stays inside the out folder: letters, digits, `.`, `_`, `-`, not
  /// starting with `.`, at most 200 bytes.
  static func isPlainName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first != ".", name.utf8.count <= 200 else { return false }
    return name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || ".-_".unicodeScalars.contains($0) }
  }

  static func canonical(_ entry: TOMLEntry) -> String { entry.key + " = " + render(entry.value) }

  static func render(_ value: TOMLValue) -> String {
    switch value {
    case .string(let text): "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    case .integer(let number): String(number)
    case .float(let number): String(number)
    case .bool(let flag): String(flag)
    case .array(let items): "[" + items.map(render).joined(separator: ", ") + "]"
    }
  }

  static func output(
    _ table: TOMLTable, reader: inout EntryReader, inputs: [Input], outputs: [Output], file path: String
  ) throws(RefreshError) -> Output {
    let id = try reader.required("id")
    guard !outputs.contains(where: { $0.id == id }) else { throw .spec(file: path, line: table.line, message: "output id '\(id)' is used twice") }
    guard isPlainName(id) else {
      throw .spec(
        file: path, line: reader.line(of: "id"),
        message: "output id '\(id)' must be a plain name (letters, digits, '.', '_', '-'; not starting with '.'): it names files inside the out folder")
    }
    let name = try reader.required("indicator")
    guard let indicator = IndicatorCatalog.indicator(name) else {
      throw .spec(
        file: path, line: reader.line(of: "indicator"),
        message: "unknown indicator '\(name)' (known: \(IndicatorCatalog.specs.map(\.id).joined(separator: ", ")))")
    }
    let spec = indicator.spec
    let formatName = try reader.string("format") ?? "csv"
    guard let format = OutputFormat(rawValue: formatName), format != .table else {
      throw .spec(file: path, line: reader.line(of: "format"), message: "unknown format '\(formatName)' (known: csv, json, sdmx, opensdg)")
    }
    let file = try reader.string("file") ?? id + (format == .json ? ".json" : ".csv")
    guard isPlainName(file) else {
      throw .spec(
        file: path, line: reader.line(of: "file"),
        message: "file '\(file)' must be a plain name inside the out folder (letters, digits, '.', '_', '-'; not starting with '.')")
    }
    let chartName = try reader.string("chart")
    let chart = try chartName.map { text throws(RefreshError) in
      guard let kind = SVGChart.Kind(rawValue: text) else {
        throw .spec(file: path, line: reader.line(of: "chart"), message: "chart must be \"line\" or \"bar\" (got '\(text)')")
      }
      return kind
    }
    // Input roles: their values are [[input]] ids.
    var roles: [(role: String, ids: [String])] = []
    for role in spec.inputs {
      guard let ids = try reader.stringOrStrings(role.name) else { continue }
      guard role.repeatable || ids.count == 1 else {
        throw .spec(file: path, line: reader.line(of: role.name), message: "'\(role.name)' takes one input id")
      }
      for inputID in ids where !inputs.contains(where: { $0.id == inputID }) {
        throw .spec(file: path, line: reader.line(of: role.name), message: "unknown input '\(inputID)' (declare it in an [[input]] table above)")
      }
      roles.append((role.name, ids))
    }
    let roleNames = Set(spec.inputs.map(\.name))
    let optionEntries = table.entries.filter { !outputKeys.contains($0.key) && !roleNames.contains($0.key) && !OutputSettings.keys.contains($0.key) }
    let settingEntries = table.entries.filter { OutputSettings.keys.contains($0.key) }
    let settingsDecoder = TOMLOptionsDecoder(entries: settingEntries)
    var settings: OutputSettings
    do { settings = try settingsDecoder.decode(OutputSettings.self) } catch { throw settingsDecoder.specError(error, file: path, line: table.line) }
    settings.format = format
    let decoder = TOMLOptionsDecoder(entries: optionEntries)
    let options: any IndicatorOptions
    do { options = try decoder.decodeOptions(indicator.optionsType) } catch { throw decoder.specError(error, file: path, line: table.line) }
    if let unknown = optionEntries.first(where: { !decoder.used.contains($0.key) }) {
      let known = (decoder.used.sorted() + spec.inputs.map(\.name) + OutputSettings.keys + outputKeys.sorted()).joined(separator: ", ")
      throw .spec(file: path, line: unknown.line, message: "unknown key '\(unknown.key)' for indicator \(spec.id) (known: \(known))")
    }
    func located(_ error: OptionError) -> RefreshError {
      let line = table.entries.first { $0.key == error.field }?.line ?? table.line
      return .spec(file: path, line: line, message: "'\(error.field)' \(error.message)")
    }
    do {
      try settings.validate()
      try settings.check(spec, format: format)
    } catch { throw located(error) }
    let run = IndicatorRun(indicator, options: options, inputs: Dictionary(uniqueKeysWithValues: roles.map { ($0.role, [InputFile("")]) }))
    do { try run.validate() } catch {
      if case .option(let option) = error { throw located(option) }
      throw .spec(file: path, line: table.line, message: error.description)
    }
    for key in table.entries.map(\.key) { _ = reader.value(key) }
    try reader.finish()
    let entries = table.entries.filter { !["id", "file"].contains($0.key) }.map(canonical).sorted()
    return Output(
      id: id, indicator: indicator, inputs: roles, options: options, entries: entries, settings: settings, format: format, file: file,
      chart: chart, line: table.line)
  }
}

extension Indicator {
  /// The options type, for decoding through an existential.
  public static var optionsType: Options.Type { Options.self }
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
    case .float(let number) where number.isFinite: return number
    case .float: throw .spec(file: file, line: entry.line, message: "'\(entry.key)' must be a finite number")
    default: throw typeError(entry, "a number")
    }
  }

  /// A whole number within `range` (an integer, or a float with no fraction).
  mutating func wholeNumber(_ key: String, in range: ClosedRange<Int>) throws(RefreshError) -> Int? {
    guard let number = try number(key) else { return nil }
    guard number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
      throw .spec(file: file, line: line(of: key), message: "'\(key)' must be a whole number in \(range.lowerBound)...\(range.upperBound), got \(number)")
    }
    return Int(number)
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
      case .float(let number) where number.isFinite: result.append(number)
      default: throw typeError(entry, "an array of numbers")
      }
    }
    return result
  }

  /// A string or an array of strings (one input id, or several).
  mutating func stringOrStrings(_ key: String) throws(RefreshError) -> [String]? {
    if case .string(let text)? = table.entries.first(where: { $0.key == key })?.value {
      used.insert(key)
      return [text]
    }
    return try strings(key)
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
