import Foundation
import TableIO

/// `manifest.json` of an output folder: per output, its inputs and their SHA-256, arguments,
/// engine version, the output's own SHA-256, row count and the time it was computed.
struct Manifest {
  struct InputHash: Equatable {
    let id: String
    let path: String
    let sha256: String
  }

  struct Entry: Equatable {
    let id: String
    let file: String
    let indicator: String
    let format: String
    let arguments: [String]
    let inputs: [InputHash]
    let engineVersion: String
    let key: String
    let sha256: String
    let rows: Int
    let computedAt: String
  }

  let spec: String
  let engineVersion: String
  let entries: [Entry]

  func json() -> JSONValue {
    .object([
      ("spec", .string(spec)),
      ("engine_version", .string(engineVersion)),
      (
        "outputs",
        .array(
          entries.map { entry in
            .object([
              ("id", .string(entry.id)), ("file", .string(entry.file)), ("indicator", .string(entry.indicator)),
              ("format", .string(entry.format)), ("arguments", .array(entry.arguments.map { .string($0) })),
              (
                "inputs",
                .array(entry.inputs.map { .object([("id", .string($0.id)), ("path", .string($0.path)), ("sha256", .string($0.sha256))]) })
              ),
              ("engine_version", .string(entry.engineVersion)), ("key", .string(entry.key)), ("sha256", .string(entry.sha256)),
              ("rows", .int(Int64(entry.rows))), ("computed_at", .string(entry.computedAt)),
            ])
          })
      ),
    ])
  }

  /// Reads a manifest written by ``json()``; a missing or unreadable file reads as none.
  static func read(_ path: String) -> Manifest? {
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let outputs = object["outputs"] as? [[String: Any]]
    else { return nil }
    let entries = outputs.compactMap { item -> Entry? in
      guard let id = item["id"] as? String, let file = item["file"] as? String, let key = item["key"] as? String,
        let sha = item["sha256"] as? String
      else { return nil }
      let inputs = (item["inputs"] as? [[String: Any]] ?? []).compactMap { input -> InputHash? in
        guard let id = input["id"] as? String, let path = input["path"] as? String, let sha = input["sha256"] as? String else { return nil }
        return InputHash(id: id, path: path, sha256: sha)
      }
      return Entry(
        id: id, file: file, indicator: item["indicator"] as? String ?? "", format: item["format"] as? String ?? "",
        arguments: item["arguments"] as? [String] ?? [], inputs: inputs, engineVersion: item["engine_version"] as? String ?? "",
        key: key, sha256: sha, rows: item["rows"] as? Int ?? 0, computedAt: item["computed_at"] as? String ?? "")
    }
    return Manifest(spec: object["spec"] as? String ?? "", engineVersion: object["engine_version"] as? String ?? "", entries: entries)
  }

  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }
}
