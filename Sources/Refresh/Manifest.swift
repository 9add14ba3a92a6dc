import Foundation

/// `manifest.json` of an output folder: per output, its inputs and their SHA-256, its spec
/// entries, engine version, the output's own SHA-256, row count and the time it was computed.
/// Written with sorted keys; a manifest that cannot be read is an error, never read as empty.
struct Manifest: Codable, Equatable {
  struct InputHash: Codable, Equatable {
    let id: String
    let path: String
    let sha256: String
  }

  /// Another file written for an output (a chart), verified by `--check` like the output.
  struct Extra: Codable, Equatable {
    let file: String
    let sha256: String
  }

  struct Entry: Codable, Equatable {
    let id: String
    let file: String
    let indicator: String
    let format: String
    /// The output's spec entries (`key = value`, sorted).
    let options: [String]
    let inputs: [InputHash]
    let engineVersion: String
    let key: String
    let sha256: String
    let rows: Int
    let computedAt: String
    let extras: [Extra]

    enum CodingKeys: String, CodingKey {
      case id, file, indicator, format, options, inputs, key, sha256, rows, extras
      case engineVersion = "engine_version"
      case computedAt = "computed_at"
    }
  }

  let spec: String
  let engineVersion: String
  let outputs: [Entry]

  enum CodingKeys: String, CodingKey {
    case spec, outputs
    case engineVersion = "engine_version"
  }

  /// The JSON text (two-space indent, sorted keys, trailing newline).
  func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }

  /// The manifest at `path`; `nil` when there is none.
  /// - Throws: ``RefreshError/io(_:)`` when the file exists but is not a manifest.
  static func read(_ path: String) throws(RefreshError) -> Manifest? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    do {
      return try JSONDecoder().decode(Manifest.self, from: data)
    } catch {
      throw .io("\(path) is not a manifest Cifra can read (\(error)); move it away or remove it to recompute everything")
    }
  }

  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }
}
