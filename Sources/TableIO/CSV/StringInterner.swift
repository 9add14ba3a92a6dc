/// Assigns dense `Int32` codes to byte strings in order of first appearance.
///
/// Open addressing with linear probing over an FNV-1a hash; the bytes live in one arena.
struct StringInterner {
  private var arena: [UInt8] = []
  private var offsets: [Int] = [0]
  private var hashes: [UInt64] = []
  private var slots: [Int32]
  private var mask: Int

  init(capacity: Int = 64) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
  }

  var count: Int { hashes.count }

  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    // FNV-1a style mixing over 8-byte words, then the tail bytes; then a final avalanche.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(end - start)
    var index = start
    let raw = UnsafeRawPointer(p)
    while index + 8 <= end {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01B3
      hash ^= hash >> 29
      index += 8
    }
    while index < end {
      hash = (hash ^ UInt64(p[index])) &* 0x0000_0100_0000_01B3
      index += 1
    }
    hash ^= hash >> 32
    hash = hash &* 0xD6E8_FEB8_6659_FD93
    return hash ^ (hash >> 32)
  }

  /// The code of the bytes `[start, end)`, adding them when new.
  @inline(__always)
  mutating func intern(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
    let hash = StringInterner.hash(p, start, end)
    var slot = Int(truncatingIfNeeded: hash) & mask
    let length = end - start
    while true {
      let code = slots[slot]
      if code < 0 { break }
      let entry = Int(code)
      if hashes[entry] == hash, offsets[entry + 1] - offsets[entry] == length,
        arena.withUnsafeBufferPointer({ memcmpBytes($0.baseAddress! + offsets[entry], p + start, length) })
      {
        return code
      }
      slot = (slot + 1) & mask
    }
    let code = Int32(hashes.count)
    arena.append(contentsOf: UnsafeBufferPointer(start: p + start, count: length))
    offsets.append(arena.count)
    hashes.append(hash)
    slots[slot] = code
    if hashes.count * 2 > slots.count { grow() }
    return code
  }

  /// Interns an owned byte string (used for unescaped quoted fields).
  mutating func intern(_ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else {
        return withUnsafePointer(to: UInt8(0)) { intern($0, 0, 0) }
      }
      return intern(base, 0, buffer.count)
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
    for (entry, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(entry)
    }
  }

  /// The strings in code order.
  func strings() -> [String] {
    arena.withUnsafeBufferPointer { buffer in
      (0..<hashes.count).map { entry in
        String(decoding: UnsafeBufferPointer(rebasing: buffer[offsets[entry]..<offsets[entry + 1]]), as: UTF8.self)
      }
    }
  }
}

@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  var index = 0
  let ra = UnsafeRawPointer(a)
  let rb = UnsafeRawPointer(b)
  while index + 8 <= count {
    if ra.loadUnaligned(fromByteOffset: index, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
      return false
    }
    index += 8
  }
  while index < count {
    if a[index] != b[index] { return false }
    index += 1
  }
  return true
}
