import Columnar
import Foundation
import TableIO

/// Runs a refresh: recomputes the outputs whose inputs, arguments or engine version changed,
/// writes each output atomically, and records everything in `manifest.json`.
///
/// The key of an output is the SHA-256 of the engine version, indicator, format, arguments and
/// the SHA-256 of every input file. An output is up to date when the manifest has the same key
/// and the file on disk still has the recorded SHA-256; otherwise it is recomputed (or always,
/// with `force`). With `check`, every output is recomputed in memory and compared with the
/// file; nothing is written. Outputs are computed one after another in spec order, so the
/// files and the manifest's entries do not depend on the thread count.
public struct Refresher {
  /// What the engine computes for one output: the bytes and their row count.
  public typealias Compute = (RefreshSpec.Output, _ arguments: [String]) throws -> Computed

  /// An output's bytes, row count, and extra files (e.g. a chart) written beside it.
  public struct Computed {
    public let bytes: [UInt8]
    public let rows: Int
    public let extras: [String: [UInt8]]
    public init(bytes: [UInt8], rows: Int, extras: [String: [UInt8]] = [:]) {
      self.bytes = bytes
      self.rows = rows
      self.extras = extras
    }
  }

  public struct Outcome: Sendable, Equatable {
    public enum Status: String, Sendable { case computed, unchanged, skipped, differs, missing, same }
    public let output: String
    public let file: String
    public let status: Status
    public let rows: Int?
    public let note: String?
  }

  public let spec: RefreshSpec
  public let engineVersion: String

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
      resolved[input.id] = ResolvedInput(input: input, sha256: data.withUnsafeBytes { SHA256.hex($0) })
    }
    return resolved
  }

  /// Command-line arguments of an output: the input path first (or in place of `{input}`),
  /// extra inputs in place of `{id}`, then the input's CSV options.
  func arguments(_ output: RefreshSpec.Output, _ inputs: [String: ResolvedInput]) -> [String] {
    var args = output.args
    if let id = output.input, let input = inputs[id] {
      if args.contains("{input}") {
        args = args.map { $0 == "{input}" ? input.input.path : $0 }
      } else {
        args.insert(input.input.path, at: 0)
      }
      args += input.input.csv
    }
    for id in output.extraInputs {
      args = args.map { $0 == "{\(id)}" ? inputs[id]!.input.path : $0 }
    }
    return args
  }

  func key(_ output: RefreshSpec.Output, _ inputs: [String: ResolvedInput]) -> String {
    var parts = [engineVersion, output.indicator, output.format, output.chart ?? ""] + output.args
    for id in ([output.input].compactMap { $0 } + output.extraInputs) {
      parts.append(id + ":" + (inputs[id]?.sha256 ?? "absent") + ":" + inputs[id]!.input.csv.joined(separator: "\u{1F}"))
    }
    return SHA256.hex(parts.joined(separator: "\u{1E}"))
  }

  /// Refreshes; returns one outcome per output. `check` writes nothing.
  public func run(force: Bool, check: Bool, compute: Compute) throws(RefreshError) -> [Outcome] {
    let inputs = try hashInputs()
    let manifestPath = spec.outDirectory + "/manifest.json"
    let previous = Manifest.read(manifestPath)
    if !check {
      do {
        try FileManager.default.createDirectory(atPath: spec.outDirectory, withIntermediateDirectories: true)
        // Temporary files left by an interrupted refresh (never outputs): remove them.
        for name in try FileManager.default.contentsOfDirectory(atPath: spec.outDirectory) where name.contains(".tmp-") {
          try? FileManager.default.removeItem(atPath: spec.outDirectory + "/" + name)
        }
      } catch {
        throw .io("cannot prepare \(spec.outDirectory): \(error.localizedDescription)")
      }
    }
    var outcomes: [Outcome] = []
    var entries: [Manifest.Entry] = []
    for output in spec.outputs {
      let path = spec.outDirectory + "/" + output.file
      let needed = [output.input].compactMap { $0 } + output.extraInputs
      if let absent = needed.first(where: { inputs[$0]?.sha256 == nil }) {
        outcomes.append(Outcome(output: output.id, file: output.file, status: .skipped, rows: nil, note: "input '\(absent)' is absent (optional)"))
        if let old = previous?.entries.first(where: { $0.id == output.id }) { entries.append(old) }
        continue
      }
      let key = key(output, inputs)
      let existing = FileManager.default.contents(atPath: path)
      let existingHash = existing.map { data in data.withUnsafeBytes { SHA256.hex($0) } }
      if !check, !force, let old = previous?.entries.first(where: { $0.id == output.id }), old.key == key, old.sha256 == existingHash {
        outcomes.append(Outcome(output: output.id, file: output.file, status: .unchanged, rows: old.rows, note: nil))
        entries.append(old)
        continue
      }
      let result: Computed
      do {
        result = try compute(output, arguments(output, inputs))
      } catch {
        throw .computation(file: spec.path, line: output.line, output: output.id, message: "\(error)")
      }
      if check {
        let status: Outcome.Status = existing == nil ? .missing : (SHA256.hex(result.bytes) == existingHash ? .same : .differs)
        outcomes.append(Outcome(output: output.id, file: output.file, status: status, rows: result.rows, note: nil))
        continue
      }
      do {
        try AtomicFile.write(result.bytes, to: path)
        for (name, bytes) in result.extras.sorted(by: { $0.key < $1.key }) {
          try AtomicFile.write(bytes, to: spec.outDirectory + "/" + name)
        }
      } catch {
        throw .io("\(error)")
      }
      outcomes.append(Outcome(output: output.id, file: output.file, status: .computed, rows: result.rows, note: nil))
      entries.append(
        Manifest.Entry(
          id: output.id, file: output.file, indicator: output.indicator, format: output.format, arguments: output.args,
          inputs: needed.map { Manifest.InputHash(id: $0, path: inputs[$0]!.input.path, sha256: inputs[$0]!.sha256!) },
          engineVersion: engineVersion, key: key, sha256: SHA256.hex(result.bytes), rows: result.rows,
          computedAt: Manifest.timestamp()))
    }
    if !check {
      let manifest = Manifest(spec: spec.path, engineVersion: engineVersion, entries: entries)
      do { try AtomicFile.write(manifest.json().text(indent: 2) + "\n", to: manifestPath) } catch { throw .io("\(error)") }
    }
    return outcomes
  }
}
