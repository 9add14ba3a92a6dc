import Columnar

/// An indicator of the registry: its catalog entry, typed options and computation.
///
/// The CLI maps its flags onto ``Options``; a refresh spec decodes them from the keys of its
/// `[[output]]` table (the key of a field is its long option name, `period-freq`). Both call
/// ``IndicatorOptions/validate()`` before reading any input, then ``compute(_:options:)``.
/// Adding an indicator: a type conforming to this protocol, its entry in
/// ``IndicatorCatalog/all``, a guide and a golden folder (CONTRIBUTING.md).
public protocol Indicator: Sendable {
  associatedtype Options: IndicatorOptions
  /// Catalog entry: codes, names, definitions, unit, inputs, formats.
  static var spec: IndicatorSpec { get }
  /// How the tables of input `role` should be read under `options` (projection, types).
  static func reading(_ role: String, options: Options) -> InputReading
  /// Checks which inputs were given (by role) before any is read.
  static func checkInputs(_ given: Set<String>, options: Options) throws(OptionError)
  /// Computes the indicator.
  /// - Throws: ``IndicatorError``: an option that does not fit the data, or bad input data.
  static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult
  /// The indicator as one SQL query (CTEs, one final `SELECT`) of `request.dialect` over
  /// `request.source`, with Cifra's semantics and output columns (docs/scale-out.md). The
  /// default: no SQL form (``IndicatorSpec/hasSQLForm`` is false).
  /// - Throws: ``OptionError`` naming the option whose value SQL cannot express.
  static func sql(_ request: SQLRequest, options: Options) throws(OptionError) -> String
}

extension Indicator {
  public static func sql(_ request: SQLRequest, options: Options) throws(OptionError) -> String {
    throw OptionError("dialect", "\(spec.id) has no SQL form (indicators with one: \(IndicatorCatalog.specs.filter(\.hasSQLForm).map(\.id).joined(separator: ", ")))")
  }

  public static func reading(_ role: String, options: Options) -> InputReading { InputReading() }

  /// Default: every given role is declared, and `input` is given when declared.
  public static func checkInputs(_ given: Set<String>, options: Options) throws(OptionError) {
    try checkDeclared(given)
    if spec.inputs.contains(where: { $0.name == "input" }), !given.contains("input") { throw OptionError("input", "is required") }
  }

  /// Every given role is one of ``IndicatorSpec/inputs``.
  public static func checkDeclared(_ given: Set<String>) throws(OptionError) {
    for role in given.sorted() where !spec.inputs.contains(where: { $0.name == role }) {
      throw OptionError(role, "is not an input of \(spec.id) (inputs: \(spec.inputs.map(\.name).joined(separator: ", ")))")
    }
  }
}

/// Options of an indicator: `Decodable` from a refresh spec, with defaults for every optional
/// field, and checked for ranges and combinations before any work.
public protocol IndicatorOptions: Decodable, Sendable {
  /// Checks ranges and combinations; throws naming the field (its spec key / long option).
  func validate() throws(OptionError)
}

/// How an input table should be read: which columns, which types, which separators. The
/// reader (TableIO, through Refresh) applies it on top of the user's CSV options.
public struct InputReading: Sendable, Hashable {
  /// A column's type, forced at read time.
  public enum ColumnRead: Sendable, Hashable {
    case type(DataType)
    /// Periods with the frequency of their labels.
    case anyPeriod
    /// A number (int64 or double as the values say); a value that is no number is an error
    /// naming its line or cell.
    case anyNumber
  }

  /// Columns to convert (projection); `nil` = all.
  public var columns: [String]?
  /// Columns of the projection that may be absent (read when present).
  public var optionalColumns: Set<String> = []
  /// Types forced on columns, unless the user forced one.
  public var types: [String: ColumnRead]
  /// Thousands separator to strip when the user gave none (`1,022` in MMP exports).
  public var thousandsSeparator: UInt8?

  public init(columns: [String]? = nil, types: [String: ColumnRead] = [:], thousandsSeparator: UInt8? = nil) {
    self.columns = columns
    self.types = types
    self.thousandsSeparator = thousandsSeparator
  }
}

/// The inputs of one computation, by role (``InputRole/name``).
public struct IndicatorInputs: Sendable {
  /// Tables by role, in the order given (a repeatable role may hold several).
  public var tables: [String: [Table]]
  /// Audit claims read from audit specs, in order.
  public var auditItems: [AuditItem]

  public init(tables: [String: [Table]] = [:], auditItems: [AuditItem] = []) {
    self.tables = tables
    self.auditItems = auditItems
  }

  /// The one table of `role`, or `nil` when it was not given.
  public func table(_ role: String) -> Table? { tables[role]?.first }

  /// The one table of `role`; its absence is an option error naming the role.
  public func required(_ role: String) throws(IndicatorError) -> Table {
    guard let table = table(role) else { throw .option(OptionError(role, "is required")) }
    return table
  }
}
