/// A cell address of a worksheet: column and row, both from 1 (`C17` is column 3, row 17).
public struct CellReference: Sendable, Equatable, CustomStringConvertible {
  public let column: Int
  public let row: Int

  public init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }

  /// Parses `C17` (letters, then digits; `$` anchors allowed); `nil` when it is not one.
  public init?(_ text: some StringProtocol) {
    var utf8 = String(text)
    guard let parsed = utf8.withUTF8({ CellReference(bytes: $0[...]) }) else { return nil }
    self = parsed
  }

  /// ``init(_:)`` from UTF-8 bytes (the worksheet scanner's attribute values).
  init?(bytes: Slice<UnsafeBufferPointer<UInt8>>) {
    var column = 0
    var row = 0
    var sawDigit = false
    for ascii in bytes where ascii != UInt8(ascii: "$") {
      switch ascii {
      case 65...90, 97...122:
        guard !sawDigit else { return nil }
        column = column * 26 + Int(ascii & 0x1F)
        guard column <= 16_384 else { return nil }
      case 48...57:
        sawDigit = true
        row = row * 10 + Int(ascii - 48)
        guard row <= 1_048_576 else { return nil }
      default:
        return nil
      }
    }
    guard column > 0, row > 0 else { return nil }
    self.init(column: column, row: row)
  }

  /// The letters of a column number (3 → `C`, 27 → `AA`).
  public static func letters(_ column: Int) -> String {
    var number = column
    var letters: [Character] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      letters.insert(Character(UnicodeScalar(UInt8(65 + remainder))), at: 0)
      number = (number - 1) / 26
    }
    return String(letters)
  }

  public var description: String { CellReference.letters(column) + String(row) }
}

/// A rectangle of cells (`A1:F200`).
public struct CellRange: Sendable, Equatable, CustomStringConvertible {
  public let first: CellReference
  public let last: CellReference

  /// Parses `A1:F200` (or a single cell); `nil` when malformed or reversed.
  public init?(_ text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let first = CellReference(parts[0]), let last = CellReference(parts[parts.count - 1]) else {
      return nil
    }
    guard first.column <= last.column, first.row <= last.row else { return nil }
    self.first = first
    self.last = last
  }

  public func contains(_ cell: CellReference) -> Bool {
    (first.column...last.column).contains(cell.column) && (first.row...last.row).contains(cell.row)
  }

  public var description: String { first == last ? first.description : "\(first):\(last)" }
}
