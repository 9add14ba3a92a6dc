/// A dictionary-encoded string column: one `Int32` code per row into `dictionary`.
///
/// Invariants: every valid row's code is in `0..<dictionary.count`; dictionary entries are
/// distinct. Codes under null rows are placeholders (0).
public struct StringColumn: Sendable, Equatable {
  /// Row codes into `dictionary`.
  public var codes: Column<Int32>
  /// The distinct strings, in order of first appearance when built by the readers.
  public var dictionary: [String]

  /// A column over given codes and dictionary.
  public init(codes: Column<Int32>, dictionary: [String]) {
    self.codes = codes
    self.dictionary = dictionary
  }

  /// Encodes strings; `nil` entries become null rows. Codes follow first appearance.
  public init(_ strings: [String?]) {
    var lookup: [String: Int32] = [:]
    var dictionary: [String] = []
    var codes = [Int32](repeating: 0, count: strings.count)
    var flags = [Bool](repeating: true, count: strings.count)
    for (row, string) in strings.enumerated() {
      guard let string else {
        flags[row] = false
        continue
      }
      if let code = lookup[string] {
        codes[row] = code
      } else {
        let code = Int32(dictionary.count)
        lookup[string] = code
        dictionary.append(string)
        codes[row] = code
      }
    }
    self.init(codes: Column(codes, validity: Validity(flags)), dictionary: dictionary)
  }

  /// Number of rows.
  public var count: Int { codes.count }
  /// Number of null rows.
  public var nullCount: Int { codes.nullCount }

  /// The string at `row`, or `nil` when null.
  public subscript(row: Int) -> String? {
    codes[row].map { dictionary[Int($0)] }
  }

  /// The code of `string`, if present in the dictionary.
  public func code(of string: String) -> Int32? {
    dictionary.firstIndex(of: string).map { Int32($0) }
  }

  /// Rank of every dictionary entry in ascending string order (for sorting by codes).
  public func sortRanks() -> [Int32] {
    let order = dictionary.indices.sorted { dictionary[$0] < dictionary[$1] }
    var ranks = [Int32](repeating: 0, count: dictionary.count)
    for (rank, code) in order.enumerated() { ranks[code] = Int32(rank) }
    return ranks
  }

  /// Rows in `indices` order; the dictionary is kept as is.
  public func take(_ indices: [Int]) -> StringColumn {
    StringColumn(codes: codes.take(indices), dictionary: dictionary)
  }
}

extension StringColumn {
  /// Two string columns are equal when they hold the same strings row by row.
  public static func == (lhs: StringColumn, rhs: StringColumn) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for row in 0..<lhs.count where lhs[row] != rhs[row] { return false }
    return true
  }
}
