/// Field boundaries of the records of one chunk of a CSV buffer.
///
/// For record `r`, `starts[r]` is the absolute offset of its first byte and
/// `ends[r * fieldCount + f]` the offset, relative to `starts[r]`, one past the last byte of
/// field `f` (quotes included; a trailing CR is excluded). Field `f > 0` starts one byte after
/// the end of field `f − 1`.
struct TokenizedChunk {
  var starts: [Int] = []
  var ends: [UInt32] = []
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
    var chunk = TokenizedChunk()
    chunk.starts.reserveCapacity(expectedRecords)
    chunk.ends.reserveCapacity(expectedRecords * fieldCount)
    var fieldEnds = [UInt32](repeating: 0, count: max(fieldCount, 1))
    var position = from
    while position < until {
      // Blank line: skip.
      if base[position] == Tokenizer.newline {
        position += 1
        continue
      }
      if base[position] == Tokenizer.carriageReturn, position + 1 < limit, base[position + 1] == Tokenizer.newline {
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
                return chunk
              }
              scan += 1
            }
            if scan >= limit {
              chunk.error = .unterminatedQuote(offset: position)
              return chunk
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
              return chunk
            }
          } else {
            atRecordEnd = true
          }
        } else {
          var scan = position
          while scan < limit {
            let byte = base[scan]
            if byte == delimiter || byte == Tokenizer.newline { break }
            if byte == Tokenizer.quote { chunk.sawStrayQuote = true }
            if byte == 0 {
              chunk.error = .nulByte(offset: scan)
              return chunk
            }
            scan += 1
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
        if field < fieldCount { fieldEnds[field] = UInt32(truncatingIfNeeded: fieldEnd - recordStart) }
        field += 1
        // A delimiter as the very last byte opens one more (empty) field.
        if !atRecordEnd, position >= limit {
          if field < fieldCount { fieldEnds[field] = UInt32(truncatingIfNeeded: position - recordStart) }
          field += 1
          atRecordEnd = true
        }
      }
      if field != fieldCount {
        chunk.ragged.append((chunk.starts.count, field))
        let lastEnd = field > 0 ? fieldEnds[min(field, fieldCount) - 1] : 0
        for missing in min(field, fieldCount)..<fieldCount { fieldEnds[missing] = lastEnd }
      }
      chunk.starts.append(recordStart)
      chunk.ends.append(contentsOf: fieldEnds[0..<fieldCount])
    }
    return chunk
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
