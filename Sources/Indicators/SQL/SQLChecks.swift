/// The checks a query makes before it gives a result, so that it stops where Cifra stops: each
/// `WHEN condition THEN stop(message)` goes into one aggregate, `cifra_checks.cifra_bad`, over a
/// relation; the result's `FROM` joins it (``join``) and keeps rows only while it is 0
/// (``passed``), so that no engine prunes the checks. PostgreSQL has no function that stops a
/// query: there every check is left out (``SQLDialect/stopExpression(_:)`` is `nil`).
struct SQLChecks {
  let dialect: SQLDialect
  private(set) var cases: [String] = []

  init(_ dialect: SQLDialect) { self.dialect = dialect }

  /// Stops the query with `message` when `condition` holds for a row.
  mutating func add(_ condition: String, _ message: String) {
    if let stop = dialect.stopExpression(message) { cases.append("WHEN \(condition) THEN \(dialect.asInteger(stop))") }
  }

  var isEmpty: Bool { cases.isEmpty }

  /// `,\ncifra_checks AS (…)` over `relation`, or nothing without checks.
  func cte(over relation: String) -> String {
    isEmpty ? "" : ",\ncifra_checks AS (\n  SELECT COUNT(CASE \(cases.joined(separator: "\n    ")) END) AS cifra_bad\n  FROM \(relation)\n)"
  }

  /// `, cifra_checks` for the result's `FROM`, or nothing.
  var join: String { isEmpty ? "" : ", cifra_checks" }
  /// The condition the result's rows need: `cifra_bad = 0`, or nothing.
  var passed: [String] { isEmpty ? [] : ["cifra_bad = 0"] }
}
