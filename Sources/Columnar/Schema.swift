/// A named, typed column slot of a ``Table``.
public struct Field: Hashable, Sendable {
  /// Column name (unique within a schema).
  public let name: String
  /// Column type.
  public let type: DataType

  /// A field.
  public init(_ name: String, _ type: DataType) {
    self.name = name
    self.type = type
  }
}

/// The ordered fields of a ``Table``; names are unique.
public struct Schema: Hashable, Sendable {
  /// Fields in column order.
  public let fields: [Field]

  /// A schema; duplicate names throw.
  public init(_ fields: [Field]) throws(ColumnError) {
    var seen = Set<String>()
    for field in fields where !seen.insert(field.name).inserted { throw .duplicateColumn(field.name) }
    self.fields = fields
  }

  /// Column names in order.
  public var names: [String] { fields.map(\.name) }

  /// Index of the column named `name`.
  public func index(of name: String) throws(ColumnError) -> Int {
    guard let index = fields.firstIndex(where: { $0.name == name }) else {
      throw .unknownColumn(name, available: names)
    }
    return index
  }
}
