import Columnar

extension IndicatorCatalog {
  /// Languages of the catalog's names and definitions.
  public enum Language: String, Sendable, CaseIterable { case es, en }

  /// The registry as a table (`cifra sdg list`): id, command, SDG code, series codes, unit,
  /// name and definition in `language`, formats, null policy, reference and guide.
  public static func table(_ language: Language) -> Table {
    let specs = self.specs
    let spanish = language == .es
    do {
      return try Table([
        ("id", .string(StringColumn(specs.map(\.id)))),
        ("command", .string(StringColumn(specs.map { "cifra " + $0.command.joined(separator: " ") }))),
        ("sdg", .string(StringColumn(specs.map(\.sdgCode)))),
        ("series", .string(StringColumn(specs.map { $0.seriesCodes.isEmpty ? nil : $0.seriesCodes.joined(separator: " ") }))),
        ("unit", .string(StringColumn(specs.map(\.unit)))),
        ("name", .string(StringColumn(specs.map { spanish ? $0.nameES : $0.nameEN }))),
        ("definition", .string(StringColumn(specs.map { spanish ? $0.definitionES : $0.definitionEN }))),
        ("formats", .string(StringColumn(specs.map { OutputFormat.allCases.filter($0.formats.contains).map(\.rawValue).joined(separator: " ") }))),
        ("nulls", .string(StringColumn(specs.map(\.nulls.rawValue)))),
        ("reference", .string(StringColumn(specs.map(\.reference)))),
        ("guide", .string(StringColumn(specs.map(\.guide)))),
      ])
    } catch {
      preconditionFailure("catalog columns have one row per indicator")
    }
  }
}
