/// Field boundaries of the records of one chunk of a CSV buffer.
///
/// For record `r`, `starts[r]` is the absolute offset of its first byte and
/// `ends[r * fieldCount + f]` the offset, relative to `starts[r]`, one past the last byte of
/// field `f` (quotes included; a trailing CR is excluded). Field `f > 0` starts one byte after
/// the end of field `f − 1`.
struct TokenizedChunk {
  var starts = GrowableBuffer<Int>(capacity: 16)
  var ends = GrowableBuffer<UInt32>(capacity: 16)
  /// Records whose field count differs from the header (index into `starts`, count found).
  var ragged: [(record: Int, fields: Int)] = []
  /// A literal quote inside an unquoted field (RFC 4180 forbids it; accepted as text).
  var sawStrayQuote = false
  /// The first structural error, at an absolute byte offset.
  var error: TokenizerError?

  var recordCount: Int { starts.count }
}

enum TokenizerError: Equatable {
  case unterminatedQuote(offset: Int)
  case textAfterQuote(offset: Int, field: Int)
  case nulByte(offset: Int)
}

/// RFC 4180 tokenizer: quoted fields with doubled quotes and line breaks inside, CRLF or LF,
/// blank lines skipped, no final newline required.
struct Tokenizer {
  let base: UnsafePointer<UInt8>
  let delimiter: UInt8
  let fieldCount: Int

  static let quote = UInt8(ascii: "\"")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  /// Tokenizes the records that start in `[from, until)`; records may run past `until`
  /// up to `limit` (the end of the data).
  func tokenize(from: Int, until: Int, limit: Int, expectedRecords: Int = 0) -> TokenizedChunk {
    if let fast = tokenizeUnquoted(from: from, until: until, limit: limit, expectedRecords: expectedRecords) {
      return fast
    }
    return tokenizeGeneral(from: from, until: until, limit: limit, expectedRecords: expectedRecords)
  }

  /// Fast path for text without quotes or NUL bytes: one pass over 8-byte words, each
  /// delimiter or LF found by SWAR masks is a field end. Returns `nil` at the first quote or
  /// NUL so the general tokenizer redoes the chunk (same result, by construction).
  func tokenizeUnquoted(from: Int, until: Int, limit: Int, expectedRecords: Int) -> TokenizedChunk? {
    var state = UnquotedState(
      base: base, delimiter: delimiter, fieldCount: fieldCount, until: until, recordStart: from, expectedRecords: expectedRecords)
    state.done = from >= until
    let raw = UnsafeRawPointer(base)
    let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
    var index = from
    scan: while !state.done, index + 8 <= limit {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if Tokenizer.eqMask(word, 0x2222_2222_2222_2222) | Tokenizer.eqMask(word, 0) != 0 {
        state.abandon()
        return nil
      }
      var hits = Tokenizer.eqMask(word, delimiters) | Tokenizer.eqMask(word, 0x0A0A_0A0A_0A0A_0A0A)
      while hits != 0 {
        state.handle(index + hits.trailingZeroBitCount >> 3)
        hits &= hits &- 1
        if state.done { break scan }
      }
      index += 8
    }
    while !state.done, index < limit {
      let byte = base[index]
      if byte == Tokenizer.quote || byte == 0 {
        state.abandon()
        return nil
      }
      if byte == delimiter || byte == Tokenizer.newline { state.handle(index) }
      index += 1
    }
    if !state.done, state.recordStart < limit {
      // Last record without a final newline; a trailing delimiter already opened its field.
      state.finishRecord(end: limit, next: limit)
    }
    var chunk = TokenizedChunk()
    chunk.ragged = state.ragged
    chunk.starts = GrowableBuffer(adopting: state.starts)
    chunk.ends = GrowableBuffer(adopting: state.ends)
    return chunk
  }

  func tokenizeGeneral(from: Int, until: Int, limit: Int, expectedRecords: Int) -> TokenizedChunk {
    var chunk = TokenizedChunk()
    var starts = RawBuffer<Int>(capacity: expectedRecords + 16)
    var ends = RawBuffer<UInt32>(capacity: (expectedRecords + 16) * max(fieldCount, 1))
    var position = from
    records: while position < until {
      // Blank line: skip.
      if base[position] == Tokenizer.newline {
        position += 1
        continue
      }
      if base[position] == Tokenizer.carriageReturn, position + 1 == limit || base[position + 1] == Tokenizer.newline {
        position += 2
        continue
      }
      let recordStart = position
      var field = 0
      var atRecordEnd = false
      while !atRecordEnd {
        var fieldEnd: Int
        if position < limit, base[position] == Tokenizer.quote {
          // Quoted field: find the closing quote (a doubled quote is an escaped quote).
          var scan = position + 1
          while true {
            while scan < limit, base[scan] != Tokenizer.quote {
              if base[scan] == 0 {
                chunk.error = .nulByte(offset: scan)
                break records
              }
              scan += 1
            }
            if scan >= limit {
              chunk.error = .unterminatedQuote(offset: position)
              break records
            }
            if scan + 1 < limit, base[scan + 1] == Tokenizer.quote {
              scan += 2
              continue
            }
            break
          }
          fieldEnd = scan + 1
          position = fieldEnd
          if position < limit {
            let next = base[position]
            if next == delimiter {
              position += 1
            } else if next == Tokenizer.newline {
              position += 1
              atRecordEnd = true
            } else if next == Tokenizer.carriageReturn, position + 1 < limit, base[position + 1] == Tokenizer.newline {
              position += 2
              atRecordEnd = true
            } else {
              chunk.error = .textAfterQuote(offset: position, field: field)
              break records
            }
          } else {
            atRecordEnd = true
          }
        } else {
          var scan = scanUnquoted(from: position, limit: limit)
          while scan < limit, base[scan] == Tokenizer.quote || base[scan] == 0 {
            if base[scan] == 0 {
              chunk.error = .nulByte(offset: scan)
              break records
            }
            chunk.sawStrayQuote = true
            scan = scanUnquoted(from: scan + 1, limit: limit)
          }
          fieldEnd = scan
          if scan < limit, base[scan] == delimiter {
            position = scan + 1
          } else {
            if scan > position, base[scan - 1] == Tokenizer.carriageReturn { fieldEnd = scan - 1 }
            position = scan + 1
            atRecordEnd = true
          }
        }
        if field < fieldCount { ends.append(UInt32(truncatingIfNeeded: fieldEnd - recordStart)) }
        field += 1
        // A delimiter as the very last byte opens one more (empty) field.
        if !atRecordEnd, position >= limit {
          if field < fieldCount { ends.append(UInt32(truncatingIfNeeded: position - recordStart)) }
          field += 1
          atRecordEnd = true
        }
      }
      if field != fieldCount {
        chunk.ragged.append((starts.count, field))
        let stored = min(field, fieldCount)
        let lastEnd = stored > 0 ? ends.last : 0
        for _ in stored..<fieldCount { ends.append(lastEnd) }
      }
      starts.append(recordStart)
    }
    chunk.starts = GrowableBuffer(adopting: starts)
    chunk.ends = GrowableBuffer(adopting: ends)
    return chunk
  }

  /// The first offset at or after `from` holding the delimiter, LF, a quote or NUL (or `limit`).
  ///
  /// Eight bytes at a time (SWAR): a byte equal to a pattern byte sets its high bit in
  /// `eqMask`, exactly (no false positives).
  @inline(__always)
  func scanUnquoted(from: Int, limit: Int) -> Int {
    var index = from
    let raw = UnsafeRawPointer(base)
    let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
    while index + 8 <= limit {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let hits =
        Tokenizer.eqMask(word, delimiters) | Tokenizer.eqMask(word, 0x0A0A_0A0A_0A0A_0A0A)
        | Tokenizer.eqMask(word, 0x2222_2222_2222_2222) | Tokenizer.eqMask(word, 0)
      if hits != 0 { return index + hits.trailingZeroBitCount >> 3 }
      index += 8
    }
    while index < limit {
      let byte = base[index]
      if byte == delimiter || byte == Tokenizer.newline || byte == Tokenizer.quote || byte == 0 { return index }
      index += 1
    }
    return limit
  }

  @inline(__always)
  static func eqMask(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let x = word ^ pattern
    return ~(((x & low7) &+ low7) | x | low7)
  }

  /// The offset after the first newline outside quotes at or after `position − 1`, given the
  /// quote parity of the bytes before `position − 1`; `limit` when there is none.
  func recordBoundary(after position: Int, inQuotes: Bool, limit: Int) -> Int {
    var inside = inQuotes
    var index = position - 1
    while index < limit {
      let byte = base[index]
      if byte == Tokenizer.quote {
        inside.toggle()
      } else if byte == Tokenizer.newline, !inside {
        return index + 1
      }
      index += 1
    }
    return limit
  }

  /// Number of quote bytes in `[from, until)`.
  func quoteCount(from: Int, until: Int) -> Int {
    var count = 0
    for index in from..<until where base[index] == Tokenizer.quote { count += 1 }
    return count
  }
}

/// An append-only buffer without per-append uniqueness checks (the tokenizer's hot path).
/// Reference semantics: the tokenizer fills it once, readers only read it afterwards.
final class GrowableBuffer<T>: @unchecked Sendable {
  private let pointer: UnsafeMutablePointer<T>
  private(set) var count: Int

  init(capacity: Int) {
    pointer = .allocate(capacity: max(capacity, 16))
    count = 0
  }

  /// Takes ownership of a filled raw buffer (no copy).
  init(adopting raw: RawBuffer<T>) {
    pointer = raw.pointer
    count = raw.count
  }

  deinit {
    pointer.deinitialize(count: count)
    pointer.deallocate()
  }

  @inline(__always)
  subscript(index: Int) -> T { pointer[index] }

  var last: T { pointer[count - 1] }

  /// Drops the last `n` elements.
  func removeLast(_ n: Int) {
    precondition(n <= count, "GrowableBuffer.removeLast: \(n) > \(count)")
    (pointer + count - n).deinitialize(count: n)
    count -= n
  }

}

/// A growable buffer held in a local variable while the tokenizer fills it (a value type,
/// so the hot loop pays no dynamic exclusivity checks); then adopted by ``GrowableBuffer``.
struct RawBuffer<T> {
  private(set) var pointer: UnsafeMutablePointer<T>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    pointer = .allocate(capacity: self.capacity)
  }

  @inline(__always)
  mutating func append(_ value: T) {
    if count == capacity { grow() }
    (pointer + count).initialize(to: value)
    count += 1
  }

  var last: T { pointer[count - 1] }

  /// Frees the memory (when the buffer is abandoned).
  func release() {
    pointer.deinitialize(count: count)
    pointer.deallocate()
  }

  private mutating func grow() {
    let bigger = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: pointer, count: count)
    pointer.deallocate()
    pointer = bigger
    capacity *= 2
  }
}

/// Mutable state of the unquoted fast path (a value type in a local: no heap boxes).
struct UnquotedState {
  let base: UnsafePointer<UInt8>
  let delimiter: UInt8
  let fieldCount: Int
  let until: Int
  var recordStart: Int
  var field = 0
  var done = false
  var starts: RawBuffer<Int>
  var ends: RawBuffer<UInt32>
  var ragged: [(record: Int, fields: Int)] = []

  init(base: UnsafePointer<UInt8>, delimiter: UInt8, fieldCount: Int, until: Int, recordStart: Int, expectedRecords: Int) {
    self.base = base
    self.delimiter = delimiter
    self.fieldCount = fieldCount
    self.until = until
    self.recordStart = recordStart
    starts = RawBuffer(capacity: expectedRecords + 16)
    ends = RawBuffer(capacity: (expectedRecords + 16) * max(fieldCount, 1))
  }

  @inline(__always)
  mutating func handle(_ position: Int) {
    if base[position] == Tokenizer.newline {
      finishRecord(end: position, next: position + 1)
    } else {
      if field < fieldCount { ends.append(UInt32(truncatingIfNeeded: position - recordStart)) }
      field += 1
    }
  }

  @inline(__always)
  mutating func finishRecord(end: Int, next: Int) {
    var fieldEnd = end
    if fieldEnd > recordStart, base[fieldEnd - 1] == Tokenizer.carriageReturn { fieldEnd -= 1 }
    if !(field == 0 && fieldEnd == recordStart) {  // a blank line (LF or CR LF) is not a record
      if field < fieldCount { ends.append(UInt32(truncatingIfNeeded: fieldEnd - recordStart)) }
      field += 1
      if field != fieldCount {
        ragged.append((starts.count, field))
        let stored = min(field, fieldCount)
        let lastEnd = stored > 0 ? ends.last : 0
        for _ in stored..<fieldCount { ends.append(lastEnd) }
      }
      starts.append(recordStart)
    }
    field = 0
    recordStart = next
    if recordStart >= until { done = true }
  }

  func abandon() {
    starts.release()
    ends.release()
  }
}
