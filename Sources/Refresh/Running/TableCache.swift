import Columnar
import Foundation
import Indicators
import TableIO

/// The tables a refresh has read, so that an input used by several outputs is read and parsed
/// once: keyed by the input's id in the spec and the reading the indicator asked for
/// (projection, forced types, thousands separator — two outputs reading different columns of
/// a file are two readings), and whether the role reads it with the spec's CSV options or as an
/// auxiliary table (defaults). The input's bytes do not change during a run: the refresh hashes
/// every input before computing and again before publishing, and publishes nothing if one
/// changed. Tables are values; an indicator cannot change the cached one.
public final class TableCache: @unchecked Sendable {
  struct Key: Hashable {
    let input: String
    let auxiliary: Bool
    let reading: InputReading
  }

  private let lock = NSLock()
  /// Held while a file is read: two outputs that need the same table at once read it once (reads
  /// of different files wait for each other too; each read is parallel itself).
  private let loading = NSLock()
  private var tables: [Key: Table] = [:]
  private var parsed = 0

  public init() {}

  /// How many times a file was read and parsed since the cache was made (the rest were served
  /// from the cache).
  public var reads: Int { lock.withLock { parsed } }

  /// Forgets every table (a refresh starts with an empty cache: its inputs may have changed).
  func clear() { lock.withLock { tables = [:] } }

  /// The table of `input` read as `reading`, read by `load` the first time.
  func table(input: String, auxiliary: Bool, reading: InputReading, load: () throws(TableIOError) -> Table) throws(TableIOError) -> Table {
    let key = Key(input: input, auxiliary: auxiliary, reading: reading)
    if let table = lock.withLock({ tables[key] }) { return table }
    loading.lock()
    defer { loading.unlock() }
    if let table = lock.withLock({ tables[key] }) { return table }
    let table = try load()
    lock.withLock {
      tables[key] = table
      parsed += 1
    }
    return table
  }
}
