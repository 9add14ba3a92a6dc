import Columnar
import Foundation

/// Registry entry of the share of refugee applications resolved in time (``RefugeeResolutions``).
public enum RefugeeInTimeIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    public var cohort: RefugeeResolutions.Cohort = .resolved
    /// Breakdown: only `year` (shares are annual).
    public var by = "year"
    public var filed = "filed"
    public var resolved = "resolved"
    public var outcome = "outcome"
    /// Extension flag column; empty = none.
    public var extended = "extended"
    /// Outcomes that count as a resolution, comma-separated.
    public var resolvedOutcomes = "recognized,complementary,rejected"
    /// Outcomes that close a case without resolving it, comma-separated. Any other non-blank
    /// outcome is an error (codes are compared trimmed and case-insensitively).
    public var closedOutcomes = "abandoned,withdrawn"
    /// Case identifier column (checked when the file has it); rows are cases.
    public var id = "case_id"
    /// What to do with a repeated case id.
    public var duplicates: DuplicatePolicy = .error
    public var deadline = 45
    public var extendedDeadline = 90
    /// ISO date pending cases are judged at (filing cohort); `nil` = latest date in the data.
    public var asOf: String?
    public var level = 0.95
    /// Business-day calendar (only `mx-federal`).
    public var calendar = "mx-federal"
    public var convention: StartConvention = .nextDay
    public var filters: [RowFilter] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      cohort = try c.value("cohort", .resolved)
      by = try c.value("by", "year")
      filed = try c.value("filed", "filed")
      resolved = try c.value("resolved", "resolved")
      outcome = try c.value("outcome", "outcome")
      extended = try c.value("extended", "extended")
      resolvedOutcomes = try c.value("resolved-outcomes", "recognized,complementary,rejected")
      closedOutcomes = try c.value("closed-outcomes", "abandoned,withdrawn")
      id = try c.value("id", "case_id")
      duplicates = try c.value("duplicates", .error)
      deadline = try c.value("deadline", 45)
      extendedDeadline = try c.value("extended-deadline", 90)
      asOf = try c.optional("as-of")
      level = try c.value("level", 0.95)
      calendar = try c.value("calendar", "mx-federal")
      convention = try c.value("convention", .nextDay)
      filters = try c.value("where", [])
    }

    public func validate() throws(OptionError) {
      guard by == "year" else { throw OptionError("by", "only 'year' is supported (annual shares)") }
      try OptionCheck.level(level)
      try OptionCheck.within(deadline, 1...3650, field: "deadline")
      try OptionCheck.within(extendedDeadline, deadline...3650, field: "extended-deadline")
      guard calendar == "mx-federal" else { throw OptionError("calendar", "unknown calendar '\(calendar)' (known: mx-federal)") }
      if try asOfDay() != nil, cohort != .filed {
        throw OptionError("as-of", "applies to the filing cohort only (pending cases are judged at it): add --cohort filed, or leave it out")
      }
      guard !outcomeSet.isEmpty else { throw OptionError("resolved-outcomes", "needs at least one outcome") }
      if let both = outcomeSet.intersection(closedSet).sorted().first {
        throw OptionError("closed-outcomes", "'\(both)' is also a resolved outcome")
      }
    }

    var outcomeSet: Set<String> { Self.codes(resolvedOutcomes) }
    var closedSet: Set<String> { Self.codes(closedOutcomes) }

    /// The normal form of an outcome code: trimmed, lower case.
    static func normal(_ code: some StringProtocol) -> String { code.trimmingCharacters(in: .whitespaces).lowercased() }
    static func codes(_ list: String) -> Set<String> { Set(list.split(separator: ",").map(normal).filter { !$0.isEmpty }) }

    func asOfDay() throws(OptionError) -> Int? {
      guard let asOf else { return nil }
      guard let day = CivilDate.day(iso: asOf) else { throw OptionError("as-of", "'\(asOf)' is not a date (YYYY-MM-DD)") }
      return day
    }
  }

  public static let spec = IndicatorSpec(
    id: "mx-refugee-in-time", command: ["sdg", "refugee-in-time"],
    nameES: "Porcentaje de solicitudes de refugio o protección complementaria con resolución en tiempo (45 o 90 días hábiles)",
    nameEN: "Share of refugee / complementary-protection applications resolved within 45 (or 90) business days",
    definitionES: "Solicitudes resueltas dentro del plazo legal de 45 días hábiles (90 con ampliación) entre las resueltas del año, con intervalo de Wilson.",
    definitionEN: "Applications resolved within the legal 45 business days (90 when extended) among those resolved in the year, with a Wilson interval.",
    unit: "PT",
    inputs: [
      InputRole("input", "case-level table: filed, resolved, outcome, extended"),
      InputRole("non-working", .auxiliaryTable, "agency non-working days and suspension windows (from,to[,description])", repeatable: true),
    ],
    formats: IndicatorSpec.allButSDMX, nulls: .skip,
    reference: "LRPCAP art. 24; LFPA art. 28; LFTSE art. 29; seed 003 L206-210; methodology.md §3.3-3.4",
    guide: "docs/indicators/mx-refugee-in-time.md", hasSQLForm: true,
    abstract: "Share of refugee applications resolved within 45 (or 90, extended) business days, by year.",
    discussion: """
      Case-level input: filing date, resolution date (blank = pending), outcome, optional
      extension flag. Resolutions are, by default, outcomes recognized, complementary and
      rejected; other closures (abandoned, withdrawn) are counted apart.

      Example: cifra sdg refugee-in-time datasets/refugee-cases/data.csv --cohort resolved
      """)

  public static func reading(_ role: String, options: Options) -> InputReading {
    if role == "non-working" { return SuspensionWindows.reading }
    var columns = [options.filed, options.resolved, options.outcome] + (options.extended.isEmpty ? [] : [options.extended])
    for filter in options.filters where !columns.contains(filter.column) { columns.append(filter.column) }
    var reading = InputReading(columns: columns, types: [options.filed: .type(.date), options.resolved: .type(.date)])
    if !columns.contains(options.id) {
      reading.columns!.append(options.id)
      reading.optionalColumns = [options.id]
    }
    return reading
  }

  /// The raw outcome texts of `table` that are resolutions; an outcome that is neither a
  /// resolution nor a closure is an error naming it and listing the known codes.
  static func resolutionCodes(_ table: Table, _ options: Options) throws(InputCheck.Failure) -> Set<String> {
    guard let column = try? table.column(options.outcome) else { return options.outcomeSet }
    let distinct: [(text: String, row: Int)]
    if case .string(let strings) = column {
      var firstRow: [Int32: Int] = [:]
      for row in 0..<strings.count { if let code = strings.codes[row], firstRow[code] == nil { firstRow[code] = row } }
      distinct = firstRow.sorted { $0.value < $1.value }.map { (strings.dictionary[Int($0.key)], $0.value) }
    } else {
      distinct = (0..<column.count).compactMap { row in column.text(at: row).map { ($0, row) } }
    }
    var raw = options.outcomeSet
    for (text, row) in distinct {
      let code = Options.normal(text)
      if code.isEmpty { continue }
      if options.outcomeSet.contains(code) {
        raw.insert(text)
      } else if !options.closedSet.contains(code) {
        let known = (options.outcomeSet.sorted() + options.closedSet.sorted()).joined(separator: ", ")
        throw InputCheck.Failure(
          message:
            "column '\(options.outcome)', data row \(row + 1): outcome '\(text)' is not a known code (known: \(known); blank = pending); add it to resolved-outcomes or closed-outcomes"
        )
      }
    }
    return raw
  }

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    let (input, dropped) = try IndicatorError.wrapping {
      try InputCheck.uniqueUnits(try inputs.required("input"), id: options.id, units: "case", policy: options.duplicates)
    }
    var windows: [ClosedRange<Int>] = []
    for table in inputs.tables["non-working"] ?? [] {
      windows += try IndicatorError.wrapping(role: "non-working") { try SuspensionWindows.read(table) }
    }
    var engine = RefugeeResolutions.Options()
    engine.filed = options.filed
    engine.resolved = options.resolved
    engine.outcome = options.outcome
    engine.extended = options.extended.isEmpty ? nil : options.extended
    engine.resolvedOutcomes = try IndicatorError.wrapping { try resolutionCodes(input, options) }
    engine.deadline = options.deadline
    engine.extendedDeadline = options.extendedDeadline
    engine.cohort = options.cohort
    do { engine.asOf = try options.asOfDay() } catch { throw .option(error) }
    engine.level = options.level
    engine.convention = options.convention
    let table = try IndicatorError.wrapping {
      try RefugeeResolutions.compute(
        try RowFilter.apply(options.filters, to: input), options: engine,
        calendar: { years in BusinessCalendar.mexicanFederal(years: years, suspensions: windows) })
    }
    return IndicatorResult(
      table: table, layout: ObservationLayout(series: nil, unit: "PT", timeColumn: "year", valueColumn: "in_time_pct"),
      warnings: dropped.map { [$0] } ?? [])
  }
}

/// Registry entry of the UNHCR recognition rates (``RecognitionRates``).
public enum RecognitionIndicator: Indicator {
  public struct Options: IndicatorOptions, Equatable {
    public var by: [String] = []
    public var filters: [RowFilter] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
      let c = try decoder.options()
      by = try c.value("by", [])
      filters = try c.value("where", [])
    }

    public func validate() throws(OptionError) {}
  }

  public static let spec = IndicatorSpec(
    id: "unhcr-recognition", command: ["sdg", "recognition"],
    nameES: "Tasa de reconocimiento de la condición de refugiado (RRR) y tasa total de reconocimiento (TRR)",
    nameEN: "Refugee recognition rate (RRR) and total recognition rate (TRR)",
    definitionES: "RRR = reconocidas / (reconocidas + protección complementaria + rechazadas); la TRR suma la protección complementaria al numerador.",
    definitionEN: "RRR = recognized / (recognized + complementary + rejected); TRR adds complementary protection to the numerator.",
    unit: "PT", inputs: [InputRole("input", "UNHCR asylum-decisions export")],
    // Two measures (RRR, TRR) and no SDG series: SDMX and Open SDG would keep one of them.
    formats: IndicatorSpec.tableFormats, nulls: .skip,
    reference: "UNHCR Refugee Data Finder definitions (unhcr.org/4ce531e09.pdf); methodology.md §3.1",
    guide: "docs/indicators/unhcr-recognition.md", hasSQLForm: true,
    abstract: "UNHCR refugee recognition rate (RRR) and total recognition rate (TRR).",
    discussion: """
      RRR = recognized / (recognized + complementary + rejected); TRR adds complementary
      protection to the numerator; otherwise-closed cases are excluded. Cases and persons are
      never added together (Cases / Persons is always a key).

      Example: cifra sdg recognition asylum-decisions.csv --by Year --where "Country of asylum (ISO)=MEX"
      """)

  public static func compute(_ inputs: IndicatorInputs, options: Options) throws(IndicatorError) -> IndicatorResult {
    let input = try inputs.required("input")
    let result = try IndicatorError.wrapping {
      try InputCheck.nonNegative(input, RecognitionRates.decisionColumns, what: "a count of decisions")
      return try RecognitionRates.compute(input, by: options.by, keep: try RowFilter.mask(options.filters, input))
    }
    var warnings: [IndicatorWarning] = []
    if !result.inconsistentRows.isEmpty {
      warnings.append(
        .listing(result.inconsistentRows.map { String($0 + 1) }, kind: .statedTotalMismatch, separator: ", ") { count, rows in
          "\(count) row(s) state a total ≠ the sum of their decisions, e.g. data rows \(rows); rates use the parts"
        })
    }
    return IndicatorResult(table: result.table, warnings: warnings)
  }
}
