import Columnar
import Foundation
import Indicators
import TableIO

/// Runs a refresh: recomputes the outputs whose inputs, options or engine version changed,
/// writes each output atomically, and records everything in `manifest.json`.
///
/// Indicators run through the registry (``IndicatorRun``), never through a command line, so a
/// Swift program can refresh without the executable. The key of an output is the SHA-256 of
/// the engine version, its spec entries, and the SHA-256 and CSV options of every input. An
/// output is up to date when the manifest has the same key and the file (and its chart) on
/// disk still have the recorded SHA-256; otherwise it is recomputed (always, with `force`).
/// With `check`, every output is recomputed in memory and compared with the files (charts
/// included); nothing is written. The outputs to compute run in parallel, up to `jobs` at a time
/// (each with `jobs` threads for its reads), all of them before the first file is written (an
/// output that fails leaves the folder untouched; the first failure in spec order is reported),
/// and are then taken in spec order, so the files, the manifest and the warnings do not depend
/// on the thread count. An input that several outputs read the same way is read and parsed once
/// per run (``TableCache``).
public struct Refresher {
  public struct Outcome: Sendable, Equatable {
    public enum Status: String, Sendable { case computed, unchanged, skipped, differs, missing, same }
    public let output: String
    public let file: String
    public let status: Status
    public let rows: Int?
    public let note: String?
  }

  /// The summary table of a run: output, status, rows, file, note.
  public static func summary(_ outcomes: [Outcome]) -> Table {
    do {
      return try Table([
        ("output", .string(StringColumn(outcomes.map(\.output)))),
        ("status", .string(StringColumn(outcomes.map(\.status.rawValue)))),
        ("rows", .int64(Column(optionals: outcomes.map { $0.rows.map(Int64.init) }, placeholder: 0))),
        ("file", .string(StringColumn(outcomes.map(\.file)))),
        ("note", .string(StringColumn(outcomes.map(\.note)))),
      ])
    } catch {
      preconditionFailure("one summary row per outcome")
    }
  }

  public let spec: RefreshSpec
  public let engineVersion: String
  /// Threads per computation (results are identical for any value).
  public var jobs = 1
  /// Called with each output's warnings (for stderr).
  public var warn: @Sendable (String, IndicatorWarning) -> Void = { _, _ in }
  /// The tables read in the current run: an input used by several outputs is read once per run.
  public let tables = TableCache()

  public init(spec: RefreshSpec, engineVersion: String) {
    self.spec = spec
    self.engineVersion = engineVersion
  }

  struct ResolvedInput {
    let input: RefreshSpec.Input
    let sha256: String?
  }

  func hashInputs() throws(RefreshError) -> [String: ResolvedInput] {
    var resolved: [String: ResolvedInput] = [:]
    for input in spec.inputs {
      guard let data = FileManager.default.contents(atPath: input.path) else {
        if input.optional {
          resolved[input.id] = ResolvedInput(input: input, sha256: nil)
          continue
        }
        throw .missingInput(file: spec.path, line: input.line, id: input.id, path: input.path)
      }
      resolved[input.id] = ResolvedInput(input: input, sha256: ContentHash.sha256(data))
    }
    return resolved
  }

  func key(_ output: RefreshSpec.Output, _ inputs: [String: ResolvedInput]) -> String {
    var parts = [engineVersion, output.file] + output.entries
    for id in output.inputIDs {
      parts.append(id + ":" + (inputs[id]?.sha256 ?? "absent") + ":" + inputs[id]!.input.csvEntries.joined(separator: "\u{1F}"))
    }
    return ContentHash.sha256(parts.joined(separator: "\u{1E}"))
  }

  /// The files of one output: its main file and extras (a chart), with their bytes.
  struct Computed {
    let files: [(name: String, bytes: [UInt8])]
    let rows: Int
    let warnings: [IndicatorWarning]
  }

  func compute(_ output: RefreshSpec.Output, _ inputs: [String: ResolvedInput]) throws(IndicatorRun.Failure) -> Computed {
    var files: [String: [InputFile]] = [:]
    for (role, ids) in output.inputs {
      files[role] = ids.map { id in
        var file = InputFile(inputs[id]!.input.path, csv: inputs[id]!.input.csv.options)
        file.cacheID = id
        return file
      }
    }
    var run = IndicatorRun(output.indicator, options: output.options, inputs: files, jobs: jobs)
    run.cache = tables
    let result = try run.compute()
    var written = [(name: output.file, bytes: Array(try output.settings.render(result, format: output.format).utf8))]
    if let kind = output.chart {
      let source = output.inputIDs.first.map { inputs[$0]!.input.path } ?? ""
      written.append((output.id + ".svg", Array(try OutputSettings.chart(result, kind: kind, title: output.id, source: source).utf8)))
    }
    return Computed(files: written, rows: result.table.rowCount, warnings: result.warnings)
  }

  /// Refreshes; returns one outcome per output. `check` writes nothing.
  public func run(force: Bool, check: Bool) throws(RefreshError) -> [Outcome] {
    var publication = Publication(out: spec.outDirectory)
    if !check { try publication.begin() }
    defer { publication.end() }
    tables.clear()
    let inputs = try hashInputs()
    let manifestPath = spec.outDirectory + "/manifest.json"
    let previous = try Manifest.read(manifestPath)
    func hash(_ name: String) -> String? { FileManager.default.contents(atPath: spec.outDirectory + "/" + name).map { ContentHash.sha256($0) } }
    var outcomes: [Outcome] = []
    var entries: [Manifest.Entry] = []
    var pending: [Computed] = []
    // First the outputs that need no computation, then the others computed in parallel (up to
    // `jobs` at a time), then everything taken in spec order: the files, the manifest and the
    // order of warnings do not depend on the thread count.
    enum Plan {
      case skipped(absentInput: String, old: Manifest.Entry?)
      case unchanged(Manifest.Entry)
      case compute(key: String)
    }
    let plans = spec.outputs.map { output -> Plan in
      let old = previous?.outputs.first(where: { $0.id == output.id })
      if let absent = output.inputIDs.first(where: { inputs[$0]?.sha256 == nil }) { return .skipped(absentInput: absent, old: old) }
      let key = key(output, inputs)
      if !check, !force, let old, old.key == key, old.sha256 == hash(old.file), old.extras.allSatisfy({ hash($0.file) == $0.sha256 }) {
        return .unchanged(old)
      }
      return .compute(key: key)
    }
    let toCompute = plans.indices.filter { if case .compute = plans[$0] { true } else { false } }
    let results = SlotBuffer<Result<Computed, IndicatorRun.Failure>>(count: toCompute.count)
    parallelFor(jobs: jobs, taskCount: toCompute.count) { slot in
      results[slot] = Result { () throws(IndicatorRun.Failure) in try compute(spec.outputs[toCompute[slot]], inputs) }
    }
    var computed: [Int: Result<Computed, IndicatorRun.Failure>] = [:]
    for (slot, index) in toCompute.enumerated() { computed[index] = results[slot] }
    for (index, output) in spec.outputs.enumerated() {
      let key: String
      switch plans[index] {
      case .skipped(let absent, let old):
        outcomes.append(Outcome(output: output.id, file: output.file, status: .skipped, rows: nil, note: "input '\(absent)' is absent (optional)"))
        if let old { entries.append(old) }
        continue
      case .unchanged(let old):
        outcomes.append(Outcome(output: output.id, file: output.file, status: .unchanged, rows: old.rows, note: nil))
        entries.append(old)
        continue
      case .compute(let computedKey):
        key = computedKey
      }
      let result: Computed
      do { result = try computed[index]!.get() } catch {
        throw .computation(file: spec.path, line: output.line, output: output.id, message: error.description)
      }
      for warning in result.warnings { warn(output.id, warning) }
      if check {
        let differing = result.files.filter { hash($0.name) != ContentHash.sha256($0.bytes) }
        let missing = result.files.contains { hash($0.name) == nil }
        let status: Outcome.Status = missing ? .missing : (differing.isEmpty ? .same : .differs)
        let note = differing.isEmpty ? nil : differing.map(\.name).joined(separator: ", ")
        outcomes.append(Outcome(output: output.id, file: output.file, status: status, rows: result.rows, note: note))
        continue
      }
      pending.append(result)
      outcomes.append(Outcome(output: output.id, file: output.file, status: .computed, rows: result.rows, note: nil))
      entries.append(
        Manifest.Entry(
          id: output.id, file: output.file, indicator: output.indicator.spec.id, format: output.format.rawValue, options: output.entries,
          inputs: output.inputIDs.map { Manifest.InputHash(id: $0, path: inputs[$0]!.input.path, sha256: inputs[$0]!.sha256!) },
          engineVersion: engineVersion, key: key, sha256: ContentHash.sha256(result.files[0].bytes), rows: result.rows,
          computedAt: Manifest.timestamp(),
          extras: result.files.dropFirst().map { Manifest.Extra(file: $0.name, sha256: ContentHash.sha256($0.bytes)) }))
    }
    guard !check else { return outcomes }
    // Every output was computed before anything is published: a failing output leaves the folder as it was.
    for (id, input) in inputs.sorted(by: { $0.key < $1.key }) where input.sha256 != nil {
      let now = FileManager.default.contents(atPath: input.input.path).map { ContentHash.sha256($0) }
      guard now == input.sha256 else {
        throw .io("input '\(id)' (\(input.input.path)) changed while the refresh ran; nothing was published: run it again")
      }
    }
    let manifest = Manifest(spec: spec.path, engineVersion: engineVersion, outputs: entries)
    let text: String
    do { text = try manifest.json() } catch { throw .io("cannot write the manifest: \(error)") }
    try publication.publish(pending.flatMap(\.files) + [("manifest.json", Array(text.utf8))])
    return outcomes
  }
}
