#if canImport(Glibc)
  import Glibc
#endif

/// Writes to standard output and error with `write(2)`, reporting failures.
public enum StandardStreams {
  /// A write to a stream failed (full disk, closed pipe).
  public struct WriteFailure: Error, CustomStringConvertible {
    public let stream: String
    public let code: Int32
    public var description: String { "cannot write to \(stream): \(String(cString: strerror(code)))" }
    /// The reader went away (`| head`): the process should exit quietly.
    public var isBrokenPipe: Bool { code == EPIPE }
  }

  public static func output(_ text: String) throws(WriteFailure) { try write(1, text, "standard output") }
  public static func error(_ text: String) { try? write(2, text, "standard error") }

  static func write(_ descriptor: Int32, _ text: String, _ name: String) throws(WriteFailure) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0, errno == EINTR { continue }
      if written <= 0 { throw WriteFailure(stream: name, code: written < 0 ? errno : EIO) }
      offset += written
    }
  }

  /// Inputs are memory-mapped, and a file truncated while it is read raises SIGBUS: this makes
  /// the process print one line and exit 1 instead of dying on the signal (call it once, at start).
  public static func exitCleanlyOnTruncatedInput() {
    signal(SIGBUS) { _ in
      let message = "cifra: error: an input file shrank while it was being read (truncated or replaced?); nothing was written\n"
      _ = message.withCString { Glibc.write(2, $0, strlen($0)) }
      _exit(1)
    }
  }

  public static var outputIsTerminal: Bool { isatty(1) != 0 }
  public static var errorIsTerminal: Bool { isatty(2) != 0 }
}
