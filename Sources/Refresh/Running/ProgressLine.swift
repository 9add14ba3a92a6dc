import Foundation
import TableIO

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
          StandardStreams.error("\rcifra: reading \(label): \(percent)%  \(speed)   ")
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
    if shown { StandardStreams.error("\r\u{1B}[K") }
    lock.unlock()
  }
}
