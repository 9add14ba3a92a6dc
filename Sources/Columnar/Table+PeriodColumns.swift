/// Where a period is built from two columns: a year and a month (or a quarter), the year
/// possibly a fiscal one.
public struct PeriodParts: Sendable, Equatable {
  public var year: String
  public var month: String?
  public var quarter: String?
  /// First calendar month of the fiscal year (1: calendar years; 10: the US federal year, so
  /// fiscal 2022 runs October 2021 – September 2022).
  public var fiscalYearStart = 1

  public init(year: String, month: String? = nil, quarter: String? = nil, fiscalYearStart: Int = 1) {
    (self.year, self.month, self.quarter, self.fiscalYearStart) = (year, month, quarter, fiscalYearStart)
  }

  /// Month names and abbreviations, English and Spanish (`OCT`, `Oct`, `October`, `ENE`, `enero`).
  static let months: [String: Int] = {
    var table = PeriodParser.spanishMonths
    let english = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    let long = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    for (index, name) in english.enumerated() { table[name] = index + 1 }
    for (index, name) in long.enumerated() { table[name] = index + 1 }
    table["sept"] = 9
    return table
  }()

  /// A month from `12`, `OCT`, `octubre`; `nil` when it is none.
  static func month(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: " ")
    if let number = Int(trimmed), (1...12).contains(number) { return number }
    return months[trimmed.lowercased()]
  }

  /// A quarter from `1`, `Q1`, `T1`, `I`…`IV`; `nil` when it is none.
  static func quarter(_ text: String) -> Int? {
    var trimmed = Substring(text.trimmingCharacters(in: " ")).uppercased()
    if let roman = PeriodParser.romanQuarters[trimmed] { return roman }
    if trimmed.hasPrefix("Q") || trimmed.hasPrefix("T") { trimmed.removeFirst() }
    guard let number = Int(trimmed), (1...4).contains(number) else { return nil }
    return number
  }
}

extension Table {
  /// The table with a `period` column built from `parts` (monthly from year + month, quarterly
  /// from year + quarter; fiscal years mapped to calendar months). A fiscal year may carry a
  /// note after it (`2025 (FYTD)`): the year is its first four digits.
  /// - Throws: ``ColumnError`` naming the data row and the text that is no year / month.
  public func withPeriod(from parts: PeriodParts) throws(ColumnError) -> Table {
    guard !schema.names.contains("period") else { throw .invalid("the table already has a column 'period'") }
    guard (parts.month == nil) != (parts.quarter == nil) else { throw .invalid("give the month column or the quarter column with the year column") }
    guard (1...12).contains(parts.fiscalYearStart) else { throw .invalid("fiscal-year-start must be a month 1-12") }
    if parts.quarter != nil, parts.fiscalYearStart != 1 { throw .invalid("fiscal-year-start applies to months, not quarters") }
    let years = try column(parts.year)
    let subs = try column(parts.month ?? parts.quarter!)
    var periods: [Period] = []
    periods.reserveCapacity(rowCount)
    for row in 0..<rowCount {
      let yearText = years.text(at: row) ?? ""
      guard yearText.count >= 4, let year = Int(yearText.prefix(4)) else {
        throw .badValue(column: parts.year, row: row, text: yearText, expected: "a year")
      }
      let subText = subs.text(at: row) ?? ""
      if parts.month != nil {
        guard let month = PeriodParts.month(subText) else {
          throw .badValue(column: parts.month!, row: row, text: subText, expected: "a month (1-12, or a name such as OCT or enero)")
        }
        // Fiscal year Y starting in month S: months S…12 belong to calendar year Y − 1.
        let calendarYear = parts.fiscalYearStart > 1 && month >= parts.fiscalYearStart ? year - 1 : year
        periods.append(.month(calendarYear, month))
      } else {
        guard let quarter = PeriodParts.quarter(subText) else {
          throw .badValue(column: parts.quarter!, row: row, text: subText, expected: "a quarter (1-4, Q1, T1 or I-IV)")
        }
        periods.append(.quarter(year, quarter))
      }
    }
    return try with("period", .period(Column(periods), parts.month != nil ? .monthly : .quarterly))
  }
}

extension Table {
  /// The table with every text column that holds fiscal-year labels (`FY2022`, `FY22`,
  /// `2025 (FYTD)`; ``PeriodParser/isFiscalLabel(_:)``) as annual periods: fiscal years whose
  /// first month is `startMonth` (10: October 2021 – September 2022 is FY2022), a year to date
  /// partial (``Period/isToDate``). A plain `2022` in such a column is a fiscal year too.
  /// - Throws: ``ColumnError/invalid(_:)`` when no column holds such a label;
  ///   ``ColumnError/badValue(column:row:text:expected:)`` for a value that is no fiscal year.
  public func withFiscalYearLabels(startingIn startMonth: Int) throws(ColumnError) -> Table {
    guard (1...12).contains(startMonth) else { throw .invalid("fiscal-year-start must be a month 1-12") }
    var table = self
    var converted = 0
    for (name, column) in zip(schema.names, columns) {
      guard case .string(let labels) = column, labels.dictionary.contains(where: PeriodParser.isFiscalLabel) else { continue }
      func firstRow(of code: Int) -> Int { labels.codes.values.indices.first { labels.codes.isValid($0) && Int(labels.codes.values[$0]) == code } ?? 0 }
      var periods: [Period] = []
      for (code, label) in labels.dictionary.enumerated() {
        let period: Period
        do {
          period = try PeriodParser.parse(label, fiscalYearStart: startMonth, yearsAreFiscal: true).period
        } catch {
          throw .badValue(column: name, row: firstRow(of: code), text: label, expected: "a fiscal year (FY2022, 2022, 2025 (FYTD)): \(error)")
        }
        guard period.frequency == .annual else {
          throw .badValue(column: name, row: firstRow(of: code), text: label, expected: "a fiscal year like the column's other labels (FY2022, 2025 (FYTD))")
        }
        periods.append(period)
      }
      let values = labels.codes.values.enumerated().map { row, code in labels.codes.isValid(row) ? periods[Int(code)] : Period(.annual, ordinal: 0) }
      table = try table.with(name, .period(Column(values, validity: labels.codes.validity), .annual))
      converted += 1
    }
    guard converted > 0 else {
      throw .invalid("fiscal-year-start: no column holds fiscal-year labels (FY2022, 2025 (FYTD)); to map fiscal months give --year and --month")
    }
    return table
  }
}

extension String {
  func trimmingCharacters(in character: Character) -> String {
    var text = Substring(self)
    while text.first == character { text.removeFirst() }
    while text.last == character { text.removeLast() }
    return String(text)
  }
}
