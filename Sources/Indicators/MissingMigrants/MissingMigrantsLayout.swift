import Columnar

/// Where each field of an IOM Missing Migrants Project export lives, for every known layout.
///
/// Header spellings differ between exports (2019/2020 website: `Number Dead`, `Reported Year`;
/// HDX Global Figures: `Number of Dead`, `Incident year`; 2026 website: `Year`, no total
/// column); the first alias present wins.
public struct MissingMigrantsLayout: Sendable, Equatable {
  public let id: String
  public let incidentType: String?
  public let region: String?
  public let date: String?
  public let year: String
  public let month: String?
  public let dead: String
  public let missing: String
  public let total: String?
  public let route: String?
  public let cause: String?
  public let countryOfIncident: String?
  public let countryOfOrigin: String?

  static let aliases: [String: [String]] = [
    "id": ["Incident ID", "Web ID", "Main ID"],
    "type": ["Incident Type"],
    "region": ["Region of Incident", "Region"],
    "date": ["Incident Date", "Reported Date"],
    "year": ["Incident year", "Incident Year", "Reported Year", "Year"],
    "month": ["Reported Month", "Month"],
    "dead": ["Number of Dead", "Number Dead"],
    "missing": ["Minimum Estimated Number of Missing"],
    "total": ["Total Number of Dead and Missing", "Total Dead and Missing"],
    "route": ["Migration route", "Migration Route"],
    "cause": ["Cause of Death"],
    "countryOfIncident": ["Country of Incident"],
    "countryOfOrigin": ["Country of Origin"],
  ]

  /// Finds the layout of `table`; required fields: an id, a year, dead and missing counts.
  /// - Throws: ``MissingMigrantsError/notAnExport(missing:)`` naming what is absent.
  public init(_ table: Table) throws(MissingMigrantsError) {
    try self.init(columns: table.schema.names)
  }

  /// Finds the layout of a table with these column names (a header; the SQL form reads no rows).
  public init(columns: [String]) throws(MissingMigrantsError) {
    let names = Set(columns)
    func find(_ field: String) -> String? { MissingMigrantsLayout.aliases[field]!.first { names.contains($0) } }
    guard let id = find("id"), let year = find("year"), let dead = find("dead"), let missing = find("missing") else {
      let absent = ["id", "year", "dead", "missing"].filter { find($0) == nil }
        .map { MissingMigrantsLayout.aliases[$0]!.joined(separator: " / ") }
      throw .notAnExport(missing: absent)
    }
    self.id = id
    self.year = year
    self.dead = dead
    self.missing = missing
    incidentType = find("type")
    region = find("region")
    date = find("date")
    month = find("month")
    total = find("total")
    route = find("route")
    cause = find("cause")
    countryOfIncident = find("countryOfIncident")
    countryOfOrigin = find("countryOfOrigin")
  }
}

/// Errors reading a Missing Migrants export.
public enum MissingMigrantsError: Error, Equatable, Sendable, CustomStringConvertible {
  case notAnExport(missing: [String])
  case badCount(row: Int, incident: String, column: String, text: String)
  case negativeCount(row: Int, incident: String, column: String, value: Int64)
  case noPeriod(row: Int, incident: String)
  case unavailable(String)
  case column(ColumnError)

  public var description: String {
    switch self {
    case .notAnExport(let missing):
      "not an IOM Missing Migrants export: no column \(missing.map { "'\($0)'" }.joined(separator: ", "))"
    case .badCount(let row, let incident, let column, let text):
      "data row \(row + 1) (incident \(incident)), column '\(column)': cannot read '\(text)' as a count"
    case .negativeCount(let row, let incident, let column, let value):
      "data row \(row + 1) (incident \(incident)), column '\(column)': negative count \(value) (option negative: keep uses it as published, exclude drops the incident)"
    case .noPeriod(let row, let incident):
      "data row \(row + 1) (incident \(incident)): no usable date, year or month to place the incident"
    case .unavailable(let detail): detail
    case .column(let error): error.description
    }
  }
}
