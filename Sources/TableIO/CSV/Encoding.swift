/// UTF-8 validation and Windows-1252 → UTF-8 transcoding over raw bytes.
enum Encoding {
  /// Offset of the first byte that does not start a valid UTF-8 sequence, or `nil`.
  ///
  /// ASCII runs are skipped eight bytes at a time; multi-byte sequences are checked fully
  /// (no overlongs, no surrogates, nothing above U+10FFFF).
  static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
    var i = start
    let raw = UnsafeRawPointer(p)
    while i < end {
      if i + 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
      }
      let b0 = p[i]
      if b0 < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var minimum: UInt32
      var scalar: UInt32
      switch b0 {
      case 0xC2...0xDF:
        length = 2
        minimum = 0x80
        scalar = UInt32(b0 & 0x1F)
      case 0xE0...0xEF:
        length = 3
        minimum = 0x800
        scalar = UInt32(b0 & 0x0F)
      case 0xF0...0xF4:
        length = 4
        minimum = 0x10000
        scalar = UInt32(b0 & 0x07)
      default: return i
      }
      guard i + length <= end else { return i }
      for k in 1..<length {
        let byte = p[i + k]
        guard byte & 0xC0 == 0x80 else { return i }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
      minimum = 0
      i += length
    }
    return nil
  }

  /// Unicode scalars of Windows-1252 bytes 0x80–0x9F (`0` = undefined byte).
  static let cp1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// Transcodes Windows-1252 to UTF-8; returns the offset of an undefined byte on failure.
  static func transcodeCP1252(_ p: UnsafePointer<UInt8>, _ count: Int) -> Result<[UInt8], CP1252Failure> {
    var out: [UInt8] = []
    out.reserveCapacity(count + count / 8)
    for i in 0..<count {
      let byte = p[i]
      if byte < 0x80 {
        out.append(byte)
        continue
      }
      let scalar: UInt32 = byte < 0xA0 ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
      if scalar == 0 { return .failure(CP1252Failure(offset: i)) }
      appendUTF8(scalar, to: &out)
    }
    return .success(out)
  }

  struct CP1252Failure: Error { let offset: Int }

  static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80: out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
      out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// Hex rendering of up to four bytes at `offset`, e.g. `0xED 0x61`.
  static func hex(_ p: UnsafePointer<UInt8>, _ offset: Int, _ count: Int) -> String {
    let digits = Array("0123456789ABCDEF")
    return (offset..<min(offset + 4, count)).map { "0x" + String(digits[Int(p[$0] >> 4)]) + String(digits[Int(p[$0] & 15)]) }
      .joined(separator: " ")
  }
}
