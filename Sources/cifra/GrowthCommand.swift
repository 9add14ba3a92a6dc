import ArgumentParser

/// Placeholder until the growth engine lands (issue 3).
struct GrowthCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "growth", abstract: "Growth of a series (not yet available).")
  func run() throws { throw CLIError("growth is not implemented yet") }
}
