import Columnar

extension SQLDialect {
  /// The `where` filters as one SQL condition (`TRUE` when there are none).
  ///
  /// SQL compares the column's text (`CAST(col AS text)`), which equals Cifra's comparison by
  /// type for text, integer, boolean and ISO date columns; `COL=` keeps the null rows and
  /// `COL!=VALUE` keeps them too, as in Cifra; `~` is a case-sensitive `POSITION(…) > 0`.
  /// Decimal numbers are refused: `1.50` and `1.5` are one number to Cifra but two texts.
  /// - Throws: ``OptionError`` (`where`) for a decimal value.
  public func condition(_ filters: [RowFilter]) throws(OptionError) -> String {
    guard !filters.isEmpty else { return "TRUE" }
    return try filters.map { filter throws(OptionError) in
      let column = identifier(filter.column)
      if filter.value.isEmpty, filter.comparison != .contains {
        return filter.comparison == .notEquals ? "\(column) IS NOT NULL" : "\(column) IS NULL"
      }
      if filter.comparison != .contains, Int64(filter.value) == nil, Double(filter.value) != nil {
        throw OptionError("where", "\(filter) compares a decimal number, which SQL would compare as text (1.50 is not 1.5 there): filter on a text or integer column")
      }
      let text = asText(column)
      switch filter.comparison {
      case .equals: return "\(text) = \(literal(filter.value))"
      case .notEquals: return "(\(column) IS NULL OR \(text) <> \(literal(filter.value)))"
      case .contains: return "POSITION(\(literal(filter.value)) IN \(text)) > 0"
      }
    }.map { "(\($0))" }.joined(separator: " AND ")
  }
}
