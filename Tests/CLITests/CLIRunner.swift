import Foundation
import _TestSupport

/// Runs the debug `cifra` binary and captures its exit code and output.
struct CLIResult {
  let status: Int32
  let standardOutput: String
  let standardError: String
}

func runCifra(_ arguments: [String], directory: String? = nil) throws -> CLIResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: TestPaths.cifraBinary)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  try process.run()
  let outData = output.fileHandleForReading.readDataToEndOfFile()
  let errData = error.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CLIResult(
    status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
    standardError: String(decoding: errData, as: UTF8.self))
}
