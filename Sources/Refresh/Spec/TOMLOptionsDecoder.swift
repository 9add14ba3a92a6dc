import Indicators

/// Decodes an indicator's `Options` (or ``OutputSettings``) from the entries of one spec
/// table, and records which keys were read so that the others can be reported as unknown.
///
/// A scalar given where an array is expected reads as a one-element array (`by = "FLUJO"`).
/// Integers read as doubles; nothing else converts.
final class TOMLOptionsDecoder {
  let entries: [TOMLEntry]
  private(set) var used = Set<String>()

  init(entries: [TOMLEntry]) { self.entries = entries }

  func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: Node(owner: self, value: nil, codingPath: [])) }

  func decodeOptions<T: IndicatorOptions>(_ type: T.Type) throws -> any IndicatorOptions { try decode(type) }

  func entry(_ key: String) -> TOMLEntry? {
    used.insert(key)
    return entries.first { $0.key == key }
  }

  /// The line of the entry named by the first key of `path`.
  func line(of path: [any CodingKey]) -> Int? { path.first.flatMap { key in entries.first { $0.key == key.stringValue }?.line } }

  struct Node: Decoder {
    let owner: TOMLOptionsDecoder
    /// `nil` for the table itself.
    let value: TOMLValue?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
      guard value == nil else { throw mismatch("a table", codingPath) }
      return KeyedDecodingContainer(Table<Key>(owner: owner, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
      guard let value else { throw mismatch("an array", codingPath) }
      if case .array(let items) = value { return Items(owner: owner, items: items, codingPath: codingPath) }
      return Items(owner: owner, items: [value], codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
      guard let value else { throw mismatch("a value", codingPath) }
      return Scalar(value: value, codingPath: codingPath)
    }
  }

  struct Table<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let owner: TOMLOptionsDecoder
    let codingPath: [any CodingKey]
    var allKeys: [Key] { owner.entries.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { owner.entry(key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { owner.entry(key.stringValue) == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      guard let entry = owner.entry(key.stringValue) else {
        throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "'\(key.stringValue)' is required"))
      }
      return try T(from: Node(owner: owner, value: entry.value, codingPath: codingPath + [key]))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
      throw mismatch("a table", codingPath + [key])
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
      try Node(owner: owner, value: owner.entry(key.stringValue)?.value, codingPath: codingPath + [key]).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { Node(owner: owner, value: nil, codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { Node(owner: owner, value: nil, codingPath: codingPath) }
  }

  struct Items: UnkeyedDecodingContainer {
    let owner: TOMLOptionsDecoder
    let items: [TOMLValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(owner: TOMLOptionsDecoder, items: [TOMLValue], codingPath: [any CodingKey]) {
      self.owner = owner
      self.items = items
      self.codingPath = codingPath
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
      guard !isAtEnd else { throw mismatch("more items", codingPath) }
      defer { currentIndex += 1 }
      return try T(from: Node(owner: owner, value: items[currentIndex], codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
      throw mismatch("a value", codingPath)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw mismatch("a value", codingPath) }
    mutating func superDecoder() throws -> any Decoder { Node(owner: owner, value: nil, codingPath: codingPath) }
  }

  struct Scalar: SingleValueDecodingContainer {
    let value: TOMLValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool {
      guard case .bool(let flag) = value else { throw mismatch("true or false", codingPath, found: value) }
      return flag
    }
    func decode(_ type: String.Type) throws -> String {
      guard case .string(let text) = value else { throw mismatch("a string", codingPath, found: value) }
      return text
    }
    func decode(_ type: Double.Type) throws -> Double {
      switch value {
      case .float(let number): return number
      case .integer(let number): return Double(number)
      default: throw mismatch("a number", codingPath, found: value)
      }
    }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int {
      guard case .integer(let number) = value else { throw mismatch("an integer", codingPath, found: value) }
      return number
    }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(try decode(Int.self)) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(try decode(Int.self)) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(try decode(Int.self)) }
    func decode(_ type: Int64.Type) throws -> Int64 { Int64(try decode(Int.self)) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(try decode(Int.self)) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(try decode(Int.self)) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(try decode(Int.self)) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(try decode(Int.self)) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(try decode(Int.self)) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: Node(owner: TOMLOptionsDecoder(entries: []), value: value, codingPath: codingPath)) }

    func narrow<T: FixedWidthInteger>(_ number: Int) throws -> T {
      guard let narrowed = T(exactly: number) else { throw mismatch("an integer in \(T.min)...\(T.max)", codingPath) }
      return narrowed
    }
  }
}

func mismatch(_ expected: String, _ path: [any CodingKey], found: TOMLValue? = nil) -> DecodingError {
  .typeMismatch(Any.self, .init(codingPath: path, debugDescription: "must be \(expected)" + (found.map { ", found \($0.typeName)" } ?? "")))
}

extension TOMLOptionsDecoder {
  /// A decoding error as a spec error: the key, its line (else `line`), and what was wrong.
  func specError(_ error: any Error, file: String, line: Int) -> RefreshError {
    switch error {
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return .spec(file: file, line: self.line(of: context.codingPath) ?? line, message: "'\(context.codingPath.first?.stringValue ?? "?")' \(context.debugDescription)")
    case DecodingError.keyNotFound(let key, _):
      return .spec(file: file, line: line, message: "'\(key.stringValue)' is required")
    case DecodingError.dataCorrupted(let context):
      let key = context.codingPath.first?.stringValue ?? "?"
      return .spec(file: file, line: self.line(of: context.codingPath) ?? line, message: "'\(key)': \(context.debugDescription)")
    default:
      return .spec(file: file, line: line, message: "\(error)")
    }
  }
}
