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

  /// Standard input read to its end (a pipe or a redirected file), owned.
  static func standardInput() throws(TableIOError) -> FileBytes {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(file: "<stdin>", reason: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    guard !bytes.isEmpty else { throw .emptyFile(file: "<stdin>") }
    return owned(bytes)
  }

  /// What bytes that are not CSV text are, known by their signature.
  enum ContentKind: Equatable {
    /// An .xlsx workbook: a ZIP archive that has an `xl/workbook` part (read by ``WorkbookReader``).
    case workbook
    /// Anything else that is plainly not CSV text: what it is, and the fix.
    case foreign(what: String, fix: String)
  }

  /// What the bytes are when they are plainly not CSV text: a workbook, another archive, a PDF,
  /// UTF-16 text (by signature; `nil` when they may be text).
  static func contentKind(_ base: UnsafePointer<UInt8>, _ count: Int) -> ContentKind? {
    func starts(_ signature: [UInt8]) -> Bool { count >= signature.count && signature.indices.allSatisfy { base[$0] == signature[$0] } }
    func foreign(_ what: String, _ fix: String) -> ContentKind { .foreign(what: what, fix: fix) }
    if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
      // A workbook names its parts in the archive: look for xl/workbook.xml.
      let name = Array("xl/workbook".utf8)
      var index = 0
      while index + name.count <= count {
        if base[index] == name[0], name.indices.allSatisfy({ base[index + $0] == name[$0] }) { return .workbook }
        index += 1
      }
      return foreign("a ZIP archive, not CSV text", "unzip it and pass the CSV file inside")
    }
    if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      return foreign("a legacy Excel workbook (.xls, OLE2), not CSV text", "save the sheet as CSV UTF-8 and pass that file")
    }
    if starts(Array("%PDF-".utf8)) { return foreign("a PDF document, not CSV text", "export the table as CSV from its source") }
    if starts([0x1F, 0x8B]) { return foreign("gzip-compressed, not CSV text", "decompress it first (gunzip -k FILE, or pipe: zcat FILE | cifra … -)") }
    if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) {
      return foreign("UTF-16 text (byte-order mark \(base[0] == 0xFF ? "FF FE" : "FE FF"))", "convert it to UTF-8: iconv -f UTF-16 -t UTF-8 FILE > FILE.csv")
    }
    // UTF-16 without a mark: a NUL at every other byte of the first line.
    let probe = min(count, 64)
    if probe >= 8 {
      let evenNULs = stride(from: 0, to: probe, by: 2).filter { base[$0] == 0 }.count
      let oddNULs = stride(from: 1, to: probe, by: 2).filter { base[$0] == 0 }.count
      if max(evenNULs, oddNULs) * 4 >= probe * 2 - 4, min(evenNULs, oddNULs) == 0 {
        return foreign("UTF-16 text (no byte-order mark)", "convert it to UTF-8: iconv -f UTF-16LE -t UTF-8 FILE > FILE.csv")
      }
    }
    return nil
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
