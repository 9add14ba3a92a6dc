#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file atomically: bytes go to a temporary file in the same folder, which is
/// flushed (`fsync`) and renamed over the target. A reader sees the old complete file or the
/// new complete file, never a partial one; a failure leaves the old file untouched.
public enum AtomicFile {
  /// Writes `bytes` to `path` atomically.
  /// - Throws: ``TableIOError/writeFailed(file:reason:)``.
  public static func write(_ bytes: [UInt8], to path: String) throws(TableIOError) {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw .writeFailed(file: path, reason: String(cString: strerror(errno))) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
      if written < 0 {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        unlink(temporary)
        throw .writeFailed(file: path, reason: reason)
      }
      offset += written
    }
    if fsync(descriptor) != 0 || close(descriptor) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .writeFailed(file: path, reason: reason)
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .writeFailed(file: path, reason: reason)
    }
  }

  /// Writes UTF-8 `text` to `path` atomically.
  public static func write(_ text: String, to path: String) throws(TableIOError) {
    try write(Array(text.utf8), to: path)
  }
}
