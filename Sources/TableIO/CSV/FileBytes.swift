#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of a file: memory-mapped read-only, or an owned buffer after transcoding.
final class FileBytes: @unchecked Sendable {
  let base: UnsafePointer<UInt8>
  let count: Int
  private let release: () -> Void

  private init(base: UnsafePointer<UInt8>, count: Int, release: @escaping () -> Void) {
    self.base = base
    self.count = count
    self.release = release
  }

  deinit { release() }

  /// Maps `path` read-only. Only regular files are mapped: a FIFO, a device or a folder is
  /// refused by `stat` before it is opened (opening a FIFO would wait for a writer).
  ///
  /// Mapped, not read: reading the 245 MB benchmark file with `read(2)` instead measured 1.36×
  /// the wall time of mapping it (whole `describe` process, median of 5, 2026-12-01), so the
  /// mapping stays. A file truncated while it is mapped raises SIGBUS on the next access; the
  /// `cifra` executable turns that signal into a clean error exit (see `Main`).
  static func map(_ path: String) throws(TableIOError) -> FileBytes {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT { throw .fileNotFound(file: path) }
      throw .unreadable(file: path, reason: String(cString: strerror(code)))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(file: path, reason: kind(info.st_mode)) }
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    guard fstat(fd, &info) == 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(file: path, reason: kind(info.st_mode)) }
    let size = Int(info.st_size)
    guard size > 0 else { throw .emptyFile(file: path) }
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
      throw .unreadable(file: path, reason: String(cString: strerror(errno)))
    }
    _ = madvise(mapped, size, MADV_SEQUENTIAL)
    let pointer = UnsafePointer(mapped.assumingMemoryBound(to: UInt8.self))
    return FileBytes(base: pointer, count: size) { _ = munmap(mapped, size) }
  }

  /// What a file that is not regular is, for the message.
  static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: "a FIFO (named pipe), not a regular file"
    case S_IFDIR: "a folder, not a file"
    case S_IFCHR, S_IFBLK: "a device, not a regular file"
    case S_IFSOCK: "a socket, not a regular file"
    default: "not a regular file"
    }
  }

  /// Takes ownership of `bytes`.
  static func owned(_ bytes: [UInt8]) -> FileBytes {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
    bytes.withUnsafeBufferPointer { source in
      if let address = source.baseAddress { buffer.initialize(from: address, count: bytes.count) }
    }
    return FileBytes(base: UnsafePointer(buffer), count: bytes.count) { buffer.deallocate() }
  }

  /// 1-based physical line of byte `offset` (number of LF bytes before it, plus one).
  func line(at offset: Int) -> Int {
    var lines = 1
    for index in 0..<min(offset, count) where base[index] == 10 { lines += 1 }
    return lines
  }
}
