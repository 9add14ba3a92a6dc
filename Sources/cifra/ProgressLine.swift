import Foundation
import TableIO

/// Reads a CSV file, showing a progress line on stderr when the read takes more than about a
/// second, stderr is a terminal and `--quiet` was not given.
func readCSV(_ file: String, options: CSVOptions, quiet: Bool = false) throws -> CSVReadResult {
  guard !quiet, FileHandleOutput.standardErrorIsTerminal else { return try CSVReader.read(file, options: options) }
  var options = options
  let progress = CSVProgress()
  options.progress = progress
  let line = ProgressLine(label: file.split(separator: "/").last.map(String.init) ?? file, progress: progress)
  line.start()
  defer { line.stop() }
  return try CSVReader.read(file, options: options)
}

/// A progress line (percent, rows/s or MB/s) redrawn every quarter of a second after a
/// one-second delay, erased when done.
final class ProgressLine: @unchecked Sendable {
  let label: String
  let progress: CSVProgress
  private let lock = NSLock()
  private var running = true
  private var shown = false
  private var thread: Thread?

  init(label: String, progress: CSVProgress) {
    self.label = label
    self.progress = progress
  }

  func start() {
    let started = Date()
    let thread = Thread { [self] in
      while true {
        Thread.sleep(forTimeInterval: 0.25)
        lock.lock()
        let keepGoing = running
        lock.unlock()
        guard keepGoing else { return }
        let elapsed = Date().timeIntervalSince(started)
        guard elapsed >= 1 else { continue }
        let percent = Int(progress.fraction * 100)
        let speed: String
        if let rows = progress.rows {
          speed = String(format: "%.1f M rows/s", Double(rows) / elapsed / 1e6)
        } else {
          speed = String(format: "%.0f MB/s", Double(progress.bytes) * progress.fraction / 0.6 / elapsed / 1e6)
        }
        lock.lock()
        if running {
          FileHandleOutput.standardError("\rcifra: reading \(label): \(percent)%  \(speed)   ")
          shown = true
        }
        lock.unlock()
      }
    }
    self.thread = thread
    thread.start()
  }

  func stop() {
    lock.lock()
    running = false
    if shown { FileHandleOutput.standardError("\r\u{1B}[K") }
    lock.unlock()
  }
}
