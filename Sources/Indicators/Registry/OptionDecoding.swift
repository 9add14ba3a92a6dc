/// A `CodingKey` whose string is the option's spec key and long option (`period-freq`).
public struct OptionKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
  public let stringValue: String
  public init(_ name: String) { stringValue = name }
  public init(stringLiteral value: String) { stringValue = value }
  public init?(stringValue: String) { self.stringValue = stringValue }
  public var intValue: Int? { nil }
  public init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where K == OptionKey {
  /// The value of `key`, or `fallback` when the key is absent.
  public func value<T: Decodable>(_ key: OptionKey, _ fallback: T) throws -> T {
    try decodeIfPresent(T.self, forKey: key) ?? fallback
  }

  /// The value of `key`, or `nil`.
  public func optional<T: Decodable>(_ key: OptionKey) throws -> T? { try decodeIfPresent(T.self, forKey: key) }

  /// The value of a required `key`.
  public func required<T: Decodable>(_ key: OptionKey) throws -> T { try decode(T.self, forKey: key) }
}

extension Decoder {
  /// The keyed container of an options table.
  public func options() throws -> KeyedDecodingContainer<OptionKey> { try container(keyedBy: OptionKey.self) }
}

/// Checks shared by many options.
public enum OptionCheck {
  /// A confidence level in (0, 1).
  public static func level(_ value: Double, field: String = "level") throws(OptionError) {
    guard value > 0, value < 1, value.isFinite else { throw OptionError(field, "must be between 0 and 1 (exclusive), got \(value)") }
  }

  /// A whole number within `range`.
  public static func within(_ value: Int, _ range: ClosedRange<Int>, field: String) throws(OptionError) {
    guard range.contains(value) else { throw OptionError(field, "must be in \(range.lowerBound)...\(range.upperBound), got \(value)") }
  }

  /// A finite number > 0.
  public static func positive(_ value: Double, field: String) throws(OptionError) {
    guard value > 0, value.isFinite else { throw OptionError(field, "must be a finite number > 0, got \(value)") }
  }
}
