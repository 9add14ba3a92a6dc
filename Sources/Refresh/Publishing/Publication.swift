import CPlatform
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Publishes the files of a refresh into the out folder all at once.
///
/// The new generation is assembled in a staging folder beside the out folder (same file
/// system): every entry of the current out folder is hard-linked into it (user files and
/// subfolders included, so nothing of theirs is lost), then the new files are written there
/// (fsync'ed). One `renameat2(RENAME_EXCHANGE)` swaps the staging folder and the out folder, so
/// after a kill at any moment the out folder is wholly the old generation or wholly the new
/// one. The old generation, now at the staging path, is removed: it holds Cifra's old files and
/// second links of the user's. Folders Cifra staged carry a marker file; the next run removes
/// marked staging folders an interrupted run left behind (and empty unmarked ones), nothing else. A lock file beside
/// the out folder makes a second refresh on the same folder fail clearly instead of racing.
struct Publication {
  /// The marker in every folder Cifra stages (and so in the out folder it publishes).
  static let marker = ".cifra-generation"

  let out: String
  let parent: String
  let name: String
  private var lockDescriptor: Int32 = -1

  init(out: String) {
    let trimmed = out.hasSuffix("/") && out.count > 1 ? String(out.dropLast()) : out
    self.out = trimmed
    let url = URL(fileURLWithPath: trimmed)
    parent = url.deletingLastPathComponent().path
    name = url.lastPathComponent
  }

  var lockPath: String { parent + "/." + name + ".cifra-lock" }
  var stagingPrefix: String { "." + name + ".cifra-staging-" }

  /// Takes the lock (or fails naming the other run), then removes what an interrupted run left.
  mutating func begin() throws(RefreshError) {
    do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
      throw .io("cannot create \(parent): \(error.localizedDescription)")
    }
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .io("cannot open the lock \(lockPath): \(String(cString: strerror(errno)))") }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw .io("another refresh is publishing to \(out) (it holds \(lockPath)); wait for it to finish")
    }
    lockDescriptor = descriptor
    try recover()
  }

  /// Releases the lock.
  mutating func end() {
    if lockDescriptor >= 0 { close(lockDescriptor) }
    lockDescriptor = -1
  }

  /// Removes staging folders of interrupted runs (only those with Cifra's marker).
  func recover() throws(RefreshError) {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
    for entry in entries where entry.hasPrefix(stagingPrefix) {
      let path = parent + "/" + entry
      guard FileManager.default.fileExists(atPath: path + "/" + Self.marker) else {
        // Killed between creating the folder and writing its marker: an empty folder holds
        // nothing of anyone's, and rmdir removes only empty folders.
        _ = rmdir(path)
        continue
      }
      do { try removeGeneration(path) } catch {
        throw .io("cannot remove the staging folder \(path) of an interrupted run: \(error.localizedDescription)")
      }
    }
  }

  /// Removes a staged (or swapped-out) generation with its marker last, so a kill halfway
  /// leaves a folder the next run still recognises as Cifra's and finishes removing.
  func removeGeneration(_ path: String) throws {
    for entry in try FileManager.default.contentsOfDirectory(atPath: path) where entry != Self.marker {
      try FileManager.default.removeItem(atPath: path + "/" + entry)
    }
    _ = unlink(path + "/" + Self.marker)
    guard rmdir(path) == 0 else { throw RefreshError.io("cannot remove \(path): \(String(cString: strerror(errno)))") }
  }

  /// Publishes `files` (name → bytes) as the new generation: every other entry of the out
  /// folder is kept as it is.
  func publish(_ files: [(name: String, bytes: [UInt8])]) throws(RefreshError) {
    let staging = parent + "/" + stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    do {
      try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
      try write(Array("Folder published by cifra refresh; do not edit.\n".utf8), to: staging + "/" + Self.marker)
      let replaced = Set(files.map(\.name) + [Self.marker])
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isFolder)
      if exists {
        guard isFolder.boolValue else { throw RefreshError.io("\(out) exists and is not a folder") }
        for entry in try FileManager.default.contentsOfDirectory(atPath: out) where !replaced.contains(entry) {
          try mirror(out + "/" + entry, to: staging + "/" + entry)
        }
      }
      for file in files { try write(file.bytes, to: staging + "/" + file.name) }
      try syncFolder(staging)
      if !exists {
        guard rename(staging, out) == 0 else { throw RefreshError.io("cannot publish \(out): \(String(cString: strerror(errno)))") }
      } else {
        guard cifra_exchange_paths(staging, out) == 0 else {
          throw RefreshError.io("cannot swap \(staging) with \(out) atomically: \(String(cString: strerror(errno)))")
        }
        // The old generation is now at `staging`: Cifra's old files and second links of the rest.
        try removeGeneration(staging)
      }
      try syncFolder(parent)
    } catch let error as RefreshError {
      try? removeGeneration(staging)
      throw error
    } catch {
      try? removeGeneration(staging)
      throw .io("cannot publish \(out): \(error.localizedDescription)")
    }
  }

  /// A second link of `source` at `target`; folders are recreated and mirrored entry by
  /// entry, symbolic links copied as links.
  func mirror(_ source: String, to target: String) throws {
    var info = stat()
    guard lstat(source, &info) == 0 else { throw RefreshError.io("cannot read \(source): \(String(cString: strerror(errno)))") }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
      for entry in try FileManager.default.contentsOfDirectory(atPath: source) { try mirror(source + "/" + entry, to: target + "/" + entry) }
    case S_IFLNK:
      try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: try FileManager.default.destinationOfSymbolicLink(atPath: source))
    default:
      guard link(source, target) == 0 else { throw RefreshError.io("cannot link \(source) into the new generation: \(String(cString: strerror(errno)))") }
    }
  }

  func write(_ bytes: [UInt8], to path: String) throws(RefreshError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .io("cannot create \(path): \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { throw .io("cannot write \(path): \(String(cString: strerror(errno)))") }
      offset += written
    }
    guard fsync(descriptor) == 0 else { throw .io("cannot write \(path): \(String(cString: strerror(errno)))") }
  }

  func syncFolder(_ path: String) throws(RefreshError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    _ = fsync(descriptor)
  }
}
