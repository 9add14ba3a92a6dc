/// Which rows of a column hold a value: bit `row` is set when the row is valid.
///
/// Invariant: bits at or beyond `count` are zero, so a full word of ones always means
/// 64 valid rows. A column whose validity is `nil` has no null rows.
public struct Validity: Equatable, Hashable, Sendable {
  /// Packed bits, 64 rows per word, bit `row % 64` of word `row / 64`.
  public private(set) var words: [UInt64]
  /// Number of rows covered.
  public let count: Int

  /// A mask with every row valid (`true`) or every row null (`false`).
  public init(repeating valid: Bool, count: Int) {
    precondition(count >= 0, "Validity: negative count \(count)")
    self.count = count
    let wordCount = (count + 63) >> 6
    words = [UInt64](repeating: valid ? .max : 0, count: wordCount)
    if valid, count & 63 != 0 { words[wordCount - 1] = (1 << UInt64(count & 63)) - 1 }
  }

  /// A mask from one flag per row (`true` = valid).
  public init<S: Sequence>(_ flags: S) where S.Element == Bool {
    var words: [UInt64] = []
    var count = 0
    var word: UInt64 = 0
    for flag in flags {
      if flag { word |= 1 << UInt64(count & 63) }
      count += 1
      if count & 63 == 0 {
        words.append(word)
        word = 0
      }
    }
    if count & 63 != 0 { words.append(word) }
    self.words = words
    self.count = count
  }

  /// A mask over raw words; bits past `count` are cleared.
  public init(words: [UInt64], count: Int) {
    precondition(words.count == (count + 63) >> 6, "Validity: \(words.count) words for \(count) rows")
    self.words = words
    self.count = count
    if count & 63 != 0, !words.isEmpty { self.words[words.count - 1] &= (1 << UInt64(count & 63)) - 1 }
  }

  /// Whether `row` holds a value.
  @inlinable
  public func isValid(_ row: Int) -> Bool {
    words[row >> 6] & (1 << UInt64(row & 63)) != 0
  }

  /// Marks `row` as null.
  public mutating func setNull(_ row: Int) {
    precondition(row >= 0 && row < count, "Validity.setNull: row \(row) out of 0..<\(count)")
    words[row >> 6] &= ~(1 << UInt64(row & 63))
  }

  /// Marks `row` as valid.
  public mutating func setValid(_ row: Int) {
    precondition(row >= 0 && row < count, "Validity.setValid: row \(row) out of 0..<\(count)")
    words[row >> 6] |= 1 << UInt64(row & 63)
  }

  /// Number of null rows.
  public var nullCount: Int {
    count - words.reduce(0) { $0 + $1.nonzeroBitCount }
  }

  /// Calls `body` with each valid row in order, 64 rows at a time when a word is all-valid
  /// or all-null.
  @inlinable
  public func forEachValidRow(_ body: (Int) -> Void) {
    for (wordIndex, word) in words.enumerated() {
      let base = wordIndex &* 64
      if word == .max {
        for row in base..<(base + 64) { body(row) }
      } else if word != 0 {
        var bits = word
        while bits != 0 {
          body(base + bits.trailingZeroBitCount)
          bits &= bits &- 1
        }
      }
    }
  }

  /// Rows valid in both masks; `nil` stands for "all valid".
  public static func intersect(_ lhs: Validity?, _ rhs: Validity?) -> Validity? {
    switch (lhs, rhs) {
    case (nil, nil): return nil
    case (let mask?, nil), (nil, let mask?): return mask
    case (let left?, let right?):
      precondition(left.count == right.count, "Validity.intersect: counts \(left.count) and \(right.count) differ")
      return Validity(words: zip(left.words, right.words).map { $0 & $1 }, count: left.count)
    }
  }

  /// `nil` when no row is null, else `self` (normal form used by columns).
  public var normalized: Validity? { nullCount == 0 ? nil : self }
}
