/// The engine version written into manifests and `--version`.
enum EngineVersion {
  static let current = "0.1.0"
}
