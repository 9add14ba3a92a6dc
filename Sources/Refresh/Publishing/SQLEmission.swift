import Foundation
import Columnar
import Indicators

/// `cifra refresh SPEC --emit-sql DIR`: the spec's outputs as SQL, one `.sql` file per output
/// whose indicator and options have a SQL form, so a whole refresh runs on an engine
/// (`spark-sql -f`, `duckdb < file`). docs/scale-out.md.
///
/// DuckDB queries read each input file with `read_csv` (its path as the spec resolves it).
/// Spark and PostgreSQL queries read a table named after the input id (`banxico_monthly`);
/// for Spark, `inputs.sql` creates those as temporary views over the CSV files (RFC 4180:
/// quoted fields may hold newlines, a quote is doubled; Spark's defaults are neither). An output is
/// skipped, with the reason, when its indicator has no SQL form, when its options have none,
/// when it is written in another format than the plain CSV table (SDMX, Open SDG, rounded),
/// or when its input is read with options the engine's CSV reader would not apply the same way
/// (null tokens, thousands separators, a workbook, …). Business-day calendars (the in-time
/// share, 1990–2050 with the output's agency files) are tables made by `calendar.sql`, to be
/// run first. Files are written atomically inside DIR; nothing else there is touched.
public enum SQLEmission {
  /// What became of one output.
  public struct Outcome: Sendable, Equatable {
    public let output: String
    /// The file written (relative to DIR), or `nil` when skipped.
    public let file: String?
    /// Why the output was skipped.
    public let reason: String?
  }

  /// The table name an input has in Spark and PostgreSQL queries.
  public static func tableName(of input: String) -> String {
    String(input.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  /// Writes the queries of `spec` for `dialect` into `directory` (created if absent).
  /// - Throws: ``RefreshError`` when the folder cannot be created or a file written.
  public static func emit(_ spec: RefreshSpec, dialect: SQLDialect, into directory: String) throws(RefreshError) -> [Outcome] {
    let inputs = Dictionary(spec.inputs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var outcomes: [Outcome] = []
    var files: [(String, String)] = []
    var used: [RefreshSpec.Input] = []
    var calendars: [(table: String, script: String)] = []
    // Each input's header is read once, however many outputs read the input.
    var headers: [String: (columns: [String], encoding: String?)?] = [:]
    func header(_ input: RefreshSpec.Input) -> (columns: [String], encoding: String?)? {
      if let known = headers[input.id] { return known }
      let read = try? SQLSourceFile.header(input.path)
      headers[input.id] = read
      return read
    }
    for output in spec.outputs {
      guard output.indicator.spec.hasSQLForm else {
        outcomes.append(Outcome(output: output.id, file: nil, reason: "\(output.indicator.spec.id) has no SQL form"))
        continue
      }
      guard output.format == .csv, output.settings.decimals == nil else {
        let what = output.format == .csv ? "rounds to decimals" : "is written as \(output.format.rawValue)"
        outcomes.append(Outcome(output: output.id, file: nil, reason: "\(what); the query gives the indicator's table (emit a csv output)"))
        continue
      }
      let main = output.inputs.filter { $0.role == "input" }
      let calendarIDs = output.inputs.filter { $0.role == "non-working" }.flatMap(\.ids)
      guard main.count == 1, main[0].ids.count == 1, let input = inputs[main[0].ids[0]],
        output.inputs.allSatisfy({ $0.role == "input" || $0.role == "non-working" })
      else {
        outcomes.append(Outcome(output: output.id, file: nil, reason: "reads inputs other than one table (and calendars)"))
        continue
      }
      guard input.csvEntries.isEmpty, input.path.lowercased().hasSuffix(".csv") else {
        let how = input.csvEntries.isEmpty ? "is not a CSV file" : "is read with \(input.csvEntries.joined(separator: ", "))"
        outcomes.append(Outcome(output: output.id, file: nil, reason: "input \(input.id) \(how), which the engine's CSV reader does not apply"))
        continue
      }
      let source: SQLSource = dialect == .duckdb ? .csvFile(input.path) : .table(tableName(of: input.id))
      do {
        guard let (columns, encoding) = header(input) else {
          outcomes.append(Outcome(output: output.id, file: nil, reason: "input \(input.id): cannot read \(input.path)"))
          continue
        }
        var request = SQLRequest(dialect: dialect, source: source, columns: columns, encoding: encoding)
        if output.indicator.spec.inputs.contains(where: { $0.name == "non-working" }) {
          // One calendar table per set of agency files, made by calendar.sql.
          let table = "cifra_calendar" + calendarIDs.map { "_" + tableName(of: $0) }.joined()
          if !calendars.contains(where: { $0.table == table }) {
            let files = calendarIDs.compactMap { inputs[$0]?.path }
            guard let calendar = try? CalendarFiles.sql("mx-federal", files: files, years: SQLRequest.defaultCalendarYears) else {
              outcomes.append(Outcome(output: output.id, file: nil, reason: "cannot read the non-working files \(files.joined(separator: ", "))"))
              continue
            }
            calendars.append((table, try calendar.script(dialect, table: table)))
          }
          request.calendarTable = table
        }
        let query = try query(output.indicator, request, options: output.options)
        let file = output.id + ".sql"
        files.append((file, "-- refresh output \(output.id) (\(spec.path), line \(output.line))\n" + query))
        outcomes.append(Outcome(output: output.id, file: file, reason: nil))
        if !used.contains(where: { $0.id == input.id }) { used.append(input) }
      } catch {
        outcomes.append(Outcome(output: output.id, file: nil, reason: "\(error.field): \(error.message)"))
      }
    }
    if dialect == .spark, !used.isEmpty {
      let views = used.map { input in
        let encoding = header(input)?.encoding.map { ", encoding \(dialect.literal($0))" } ?? ""
        return "CREATE OR REPLACE TEMPORARY VIEW \(dialect.identifier(tableName(of: input.id))) USING csv OPTIONS (path \(dialect.literal(input.path)), header 'true', inferSchema 'true', multiLine 'true', escape '\"'\(encoding));"
      }
      // Spark 4 reads only UTF and ISO-8859-1 CSV unless Java's other charsets are allowed.
      let charsets = views.contains { $0.contains("encoding") } ? ["SET spark.sql.legacy.javaCharsets = true;"] : []
      files.append(("inputs.sql", "-- the inputs of \(spec.path) as Spark views: run before the queries (spark-sql -f inputs.sql)\n" + (charsets + views).joined(separator: "\n") + "\n"))
    }
    if !calendars.isEmpty {
      let years = SQLRequest.defaultCalendarYears
      files.append(
        ("calendar.sql",
         "-- the business-day calendars (\(years.lowerBound)–\(years.upperBound)) the in-time queries read: run before them\n"
         + calendars.map(\.script).joined(separator: "\n")))
    }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for (file, text) in files {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(file), options: .atomic)
      }
    } catch {
      throw .io("\(directory): cannot write the SQL files: \(error.localizedDescription)")
    }
    return outcomes
  }

  /// The outcomes as a table: output, file, skipped (the reason).
  public static func summary(_ outcomes: [Outcome]) -> Table {
    do {
      return try Table([
        ("output", .string(StringColumn(outcomes.map(\.output)))), ("file", .string(StringColumn(outcomes.map(\.file)))),
        ("skipped", .string(StringColumn(outcomes.map(\.reason)))),
      ])
    } catch {
      preconditionFailure("one row per outcome")
    }
  }

  static func query<I: Indicator>(_ type: I.Type, _ request: SQLRequest, options: any IndicatorOptions) throws(OptionError) -> String {
    try I.sql(request, options: options as! I.Options)
  }
}
