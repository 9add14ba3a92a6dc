import Foundation
import _TestSupport

/// Runs the debug `cifra` binary and captures its exit code and output.
struct CLIResult {
  let status: Int32
  let standardOutput: String
  let standardError: String
}

/// Runs `cifra` with `arguments`; `input` is its standard input (none: /dev/null, so a command
/// reading `-` never waits on the test runner's terminal).
func runCifra(_ arguments: [String], directory: String? = nil, input: Data? = nil) throws -> CLIResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: TestPaths.cifraBinary)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  let feed = input.map { _ in Pipe() }
  process.standardInput = feed ?? FileHandle.nullDevice
  try process.run()
  if let feed, let input {
    // Written from another thread, so a large input cannot deadlock against a full stdout pipe.
    let writer = feed.fileHandleForWriting
    Thread.detachNewThread {
      writer.write(input)
      try? writer.close()
    }
  }
  let outData = output.fileHandleForReading.readDataToEndOfFile()
  let errData = error.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CLIResult(
    status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
    standardError: String(decoding: errData, as: UTF8.self))
}
