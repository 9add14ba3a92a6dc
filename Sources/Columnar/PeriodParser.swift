/// A period read from a label, with the preliminary flag some publishers embed in it.
public struct ParsedPeriod: Equatable, Sendable {
  /// The period.
  public let period: Period
  /// `true` for labels such as `2022/I P/` (Mexico's SDG platform: "cifras preliminares").
  public let preliminary: Bool
}

/// Errors reading period labels.
public enum PeriodError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The label matches none of the known forms.
  case unknownLabel(String)
  /// The label is coarser than the requested frequency (e.g. `2022` asked as monthly).
  case tooCoarse(label: String, frequency: Frequency)
  /// A calendar field is out of range (month 13, quarter 5, 30 February).
  case outOfRange(label: String, detail: String)
  /// A fiscal-year label (`FY2022`, `2025 (FYTD)`) read without the fiscal year's first month.
  case needsFiscalYearStart(String)

  public var description: String {
    switch self {
    case .unknownLabel(let label):
      "unknown period label '\(label)' (expected e.g. 2022, 2022-03, 2022-03-15, 2022-Q1, 2022Q1, 2016_2Q, 2022/I, ENE 2022, ENE-JUN 2022, FY2022)"
    case .tooCoarse(let label, let frequency):
      "period label '\(label)' is coarser than the requested frequency \(frequency.rawValue)"
    case .outOfRange(let label, let detail):
      "period label '\(label)': \(detail)"
    case .needsFiscalYearStart(let label):
      "period label '\(label)' is a fiscal year: give --fiscal-year-start MONTH, its first month (10 for US federal years such as CBP's)"
    }
  }
}

/// Reads period labels in the forms found in official files.
///
/// Accepted: `2022` (A); `2022-03`, `2022M03` (M); `2022-03-15` (D); `2022-Q1`, `2022Q1`,
/// `2022 Q1`, `2016_2Q` (World Bank RPW) (Q); `2022-S1`, `2022S1` (S); `2022-W05` (W);
/// `2022/I` … `2022/IV` with an optional preliminary mark `P/`, `P` (Mexico SDG platform) (Q);
/// `ENE 2022`, `enero 2022`, `ene-2022` (Spanish months, M); `ene-22`, `ENE 22` (two-digit
/// years by Excel's window, as the CSV reader's dates: 00–29 are 2000–2029, 30–99 1930–1999) (M); `2022T1`,
/// `2022-T1` (trimestre) and `1er trimestre 2022`, `primer trimestre 2022`, `4to trimestre
/// 2022` (Q); `1er semestre 2022`, `segundo semestre 2022` (S); INEGI BIE `2023/01` (M; asked
/// as quarterly, `2023/01` … `2023/04` are BIE's quarters); a DataBank suffix ` [YR2011Q1]` is
/// ignored. Leading and trailing spaces are ignored; letters in any case; month names and
/// abbreviations in Spanish or English.
///
/// Part of a year (an annual period with a ``YearSpan``, compared only with the same months of
/// other years): `ENE-JUN 2022`, `2022 ENE-JUN`, `ENERO-JUNIO 2022`, `enero a junio de 2022`,
/// and the ISO interval this type prints, `2022-01/2022-06` (a range of all twelve months is the
/// year, of one month the month). Fiscal years, with `fiscalYearStart` (their first month;
/// 10 for US federal years): `FY2022`, `FY22`, `FY 2022` (October 2021 – September 2022), and
/// years to date `2025 (FYTD)`, `FY2025 YTD` (partial: their length is not in the label); with
/// `yearsAreFiscal` (a column that holds fiscal labels) a plain `2022` is a fiscal year too.
/// `2025 (YTD)` is a calendar year to date. A fiscal label without `fiscalYearStart` is an error.
///
/// With `frequency`, a finer label is converted to the containing period (`2022-03-15` as
/// monthly is `2022-03`); a coarser label is an error. Unknown labels are an error naming
/// the value; nothing is guessed.
public enum PeriodParser {
  /// Parses one label; see the type documentation.
  /// - Throws: ``PeriodError``.
  public static func parse(
    _ label: String, as frequency: Frequency? = nil, fiscalYearStart: Int? = nil, yearsAreFiscal: Bool = false
  ) throws(PeriodError) -> ParsedPeriod {
    // INEGI BIE writes quarters like months, numbered 01-04: "2023/03" in a quarterly series.
    if frequency == .quarterly, let quarter = bieQuarter(label) { return ParsedPeriod(period: quarter, preliminary: false) }
    let parsed: ParsedPeriod
    if let fiscal = try fiscalYear(label, startMonth: fiscalYearStart, plainYears: yearsAreFiscal) {
      parsed = ParsedPeriod(period: fiscal, preliminary: false)
    } else {
      parsed = try parseNative(label)
    }
    guard let frequency else { return parsed }
    guard let converted = parsed.period.converted(to: frequency) else {
      throw .tooCoarse(label: label, frequency: frequency)
    }
    return ParsedPeriod(period: converted, preliminary: parsed.preliminary)
  }

  static let spanishMonths: [String: Int] = [
    "ene": 1, "enero": 1, "feb": 2, "febrero": 2, "mar": 3, "marzo": 3, "abr": 4, "abril": 4,
    "may": 5, "mayo": 5, "jun": 6, "junio": 6, "jul": 7, "julio": 7, "ago": 8, "agosto": 8,
    "sep": 9, "sept": 9, "septiembre": 9, "setiembre": 9, "oct": 10, "octubre": 10,
    "nov": 11, "noviembre": 11, "dic": 12, "diciembre": 12,
  ]

  /// `true` for a label with a year marked as a fiscal year or a fiscal year to date
  /// (`FY2022`, `2025 (FYTD)`; not a bare `FYTD`).
  public static func isFiscalLabel(_ label: String) -> Bool {
    let text = label.uppercased().trimmingCharacters(in: " ")
    return (text.hasPrefix("FY") || text.contains("FYTD")) && text.contains(where: \.isNumber)
  }

  /// A fiscal year or year to date (see the type documentation), `nil` when the label is none.
  static func fiscalYear(_ label: String, startMonth: Int?, plainYears: Bool) throws(PeriodError) -> Period? {
    var text = Substring(label.uppercased()).trimmingSpaces()
    var (fiscal, toDate) = (false, false)
    for marker in ["(FYTD)", "FYTD", "(YTD)", "YTD"] where text.hasSuffix(marker) {
      (fiscal, toDate) = (marker.contains("F"), true)
      text = text.dropLast(marker.count).trimmingSpaces()
      break
    }
    if text.hasPrefix("FY") {
      fiscal = true
      text = text.dropFirst(2)
      if text.first == " " || text.first == "-" { text = text.dropFirst() }
      guard let year = text.count == 2 ? shortOrFullYear(text) : fourDigitYear(text) else { throw .unknownLabel(label) }
      return try fiscalPeriod(year, label, startMonth: startMonth, toDate: toDate)
    }
    guard fiscal || toDate || plainYears, let year = fourDigitYear(text) else {
      if fiscal || toDate { throw .unknownLabel(label) }
      return nil
    }
    if !fiscal && !plainYears { return Period(year: year, span: .fiscalYear(startingIn: 1, toDate: true)) }
    return try fiscalPeriod(year, label, startMonth: startMonth, toDate: toDate)
  }

  static func fiscalPeriod(_ year: Int, _ label: String, startMonth: Int?, toDate: Bool) throws(PeriodError) -> Period {
    guard let startMonth else { throw .needsFiscalYearStart(label) }
    guard (1...12).contains(startMonth) else { throw .outOfRange(label: label, detail: "a fiscal year starts in a month 1-12") }
    return Period(year: year, span: .fiscalYear(startingIn: startMonth, toDate: toDate))
  }

  /// Months `first`…`last` of `year` (1–12 each): the year, the month, or part of the year.
  static func monthRange(_ first: Int, _ last: Int, year: Int, _ label: String) throws(PeriodError) -> Period {
    guard first <= last else {
      throw .outOfRange(label: label, detail: "the months run backwards (a range across a year end is a fiscal year: FY2022 with --fiscal-year-start)")
    }
    if first == last { return .month(year, first) }
    return Period(year: year, span: YearSpan(lastMonth: last, months: last - first + 1))
  }

  /// `ENE-JUN 2022`, `2022 ENE-JUN`, `ENERO-JUNIO 2022`, `enero a junio de 2022`; `nil` when the label is no range.
  static func namedMonthRange(_ text: Substring, _ label: String) throws(PeriodError) -> Period? {
    let words = String(text.lowercased().map { $0 == "–" ? "-" : $0 }).split(separator: " ").filter { $0 != "de" && $0 != "del" }
    let months: (Substring, Substring)
    let yearText: Substring
    if words.count == 2, words[0].contains("-") || words[1].contains("-") {
      let (range, year) = words[0].contains("-") && fourDigitYear(words[1]) != nil ? (words[0], words[1]) : (words[1], words[0])
      let ends = range.split(separator: "-", omittingEmptySubsequences: false)
      guard ends.count == 2 else { return nil }
      (months, yearText) = ((ends[0], ends[1]), year)
    } else if words.count == 4, words[1] == "a" || words[1] == "-" {
      (months, yearText) = ((words[0], words[2]), words[3])
    } else {
      return nil
    }
    guard let first = PeriodParts.months[String(months.0)], let last = PeriodParts.months[String(months.1)], let year = fourDigitYear(yearText) else {
      return nil
    }
    return try monthRange(first, last, year: year, label)
  }

  /// The ISO intervals ``Period/description`` prints: `2022-01/2022-06`, `2024-10/..`; `nil` when the label is none.
  static func monthInterval(_ text: Substring, _ label: String) throws(PeriodError) -> Period? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "/"),
      let startYear = decimal(bytes[0..<4]), let startMonth = decimal(bytes[5..<7])
    else { return nil }
    guard (1...12).contains(startMonth) else { throw .outOfRange(label: label, detail: "month \(startMonth) is not 1-12") }
    if bytes.count == 10, bytes[8] == UInt8(ascii: "."), bytes[9] == UInt8(ascii: ".") {
      return Period(year: startMonth == 1 ? startYear : startYear + 1, span: .fiscalYear(startingIn: startMonth, toDate: true))
    }
    guard bytes.count == 15, bytes[12] == UInt8(ascii: "-"), let endYear = decimal(bytes[8..<12]), let endMonth = decimal(bytes[13..<15]) else {
      return nil
    }
    guard (1...12).contains(endMonth) else { throw .outOfRange(label: label, detail: "month \(endMonth) is not 1-12") }
    let months = (endYear * 12 + endMonth) - (startYear * 12 + startMonth) + 1
    guard (1...12).contains(months) else { throw .outOfRange(label: label, detail: "an interval of 1 to 12 months is a period; this one has \(months)") }
    if months == 1 { return .month(endYear, endMonth) }
    return Period(year: endYear, span: YearSpan(lastMonth: endMonth, months: months))
  }

  static let romanQuarters: [String: Int] = ["I": 1, "II": 2, "III": 3, "IV": 4]

  /// Spanish ordinals of quarters and semesters: `1er`, `primer`, `primero`, `2do`, `segundo`, …
  static let spanishOrdinals: [String: Int] = [
    "1": 1, "1o": 1, "1º": 1, "1er": 1, "1ro": 1, "primer": 1, "primero": 1, "2": 2, "2o": 2, "2º": 2, "2do": 2, "segundo": 2,
    "3": 3, "3o": 3, "3º": 3, "3er": 3, "3ro": 3, "tercer": 3, "tercero": 3, "4": 4, "4o": 4, "4º": 4, "4to": 4, "cuarto": 4,
  ]

  /// `2023/01` … `2023/04` as quarters (INEGI BIE's quarterly form).
  static func bieQuarter(_ label: String) -> Period? {
    let text = Substring(label).trimmingSpaces()
    guard text.count == 7, let slash = text.firstIndex(of: "/"), let year = fourDigitYear(text[..<slash]) else { return nil }
    let rest = text[text.index(after: slash)...]
    guard rest.count == 2, rest.first == "0", let quarter = Int(rest), (1...4).contains(quarter) else { return nil }
    return .quarter(year, quarter)
  }

  /// A year written with four digits, or two (Excel's window: 00–29 → 20xx, 30–99 → 19xx).
  static func shortOrFullYear(_ text: Substring) -> Int? {
    if let year = fourDigitYear(text) { return year }
    guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else { return nil }
    return value >= 30 ? 1900 + value : 2000 + value
  }

  static func parseNative(_ label: String) throws(PeriodError) -> ParsedPeriod {
    var text = Substring(label).trimmingSpaces()
    // DataBank column labels: "2011Q1 [YR2011Q1]".
    if let bracket = text.firstIndex(of: "["), text.hasSuffix("]") {
      text = text[..<bracket].trimmingSpaces()
    }
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { throw .unknownLabel(label) }
    if let interval = try monthInterval(text, label) { return ParsedPeriod(period: interval, preliminary: false) }
    if let range = try namedMonthRange(text, label) { return ParsedPeriod(period: range, preliminary: false) }

    // Mexico SDG platform quarters: "2022/I", "2022/I P/", "2022/I  P"; INEGI BIE months "2023/01".
    if let slash = text.firstIndex(of: "/"), let year = fourDigitYear(text[..<slash]) {
      var rest = text[text.index(after: slash)...].trimmingSpaces()
      if rest.count == 2, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let month = Int(rest) {
        guard (1...12).contains(month) else { throw .outOfRange(label: label, detail: "month \(month) is not 1-12") }
        return ParsedPeriod(period: .month(year, month), preliminary: false)
      }
      var preliminary = false
      if rest.hasSuffix("P/") {
        preliminary = true
        rest = rest.dropLast(2).trimmingSpaces()
      } else if rest.hasSuffix(" P") {
        preliminary = true
        rest = rest.dropLast(1).trimmingSpaces()
      }
      guard let quarter = romanQuarters[String(rest)] else { throw .unknownLabel(label) }
      return ParsedPeriod(period: .quarter(year, quarter), preliminary: preliminary)
    }

    // Spanish quarters and semesters: "1er trimestre 2022", "segundo semestre 2022".
    let words = text.lowercased().split(whereSeparator: { $0 == " " })
    if words.count == 3, let number = spanishOrdinals[String(words[0])], let year = fourDigitYear(words[2]) {
      switch words[1] {
      case "trimestre": return ParsedPeriod(period: try checkedQuarter(year, number, label), preliminary: false)
      case "semestre":
        guard number <= 2 else { throw .outOfRange(label: label, detail: "semester \(number) is not 1 or 2") }
        return ParsedPeriod(period: .semester(year, number), preliminary: false)
      default: break
      }
    }

    // Spanish month names: "ENE 2022", "enero 2022", "ene-2022", "ene-22".
    if let first = bytes.first, isLetter(first) {
      let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." })
      if parts.count == 2, let month = PeriodParts.months[parts[0].lowercased()], let year = shortOrFullYear(parts[1]) {
        return ParsedPeriod(period: .month(year, month), preliminary: false)
      }
      throw .unknownLabel(label)
    }

    guard bytes.count >= 4, let year = fourDigitYear(text.prefix(4)) else { throw .unknownLabel(label) }
    let rest = Array(bytes.dropFirst(4))
    if rest.isEmpty { return ParsedPeriod(period: .year(year), preliminary: false) }

    // "2016_2Q" (RPW).
    if rest.count == 3, rest[0] == UInt8(ascii: "_"), rest[2] == UInt8(ascii: "Q") || rest[2] == UInt8(ascii: "q") {
      let quarter = try digit(rest[1], label)
      return ParsedPeriod(period: try checkedQuarter(year, quarter, label), preliminary: false)
    }

    // Optional separator then a letter-tagged sub-period: Q, S, W, M.
    var index = 0
    if rest[index] == UInt8(ascii: "-") || rest[index] == UInt8(ascii: " ") { index += 1 }
    guard index < rest.count else { throw .unknownLabel(label) }
    let tag = rest[index] | 0x20  // lower-case ASCII letter
    if tag == UInt8(ascii: "q") || tag == UInt8(ascii: "t") || tag == UInt8(ascii: "s") || tag == UInt8(ascii: "w") || tag == UInt8(ascii: "m") {
      let digits = rest[(index + 1)...]
      guard (1...2).contains(digits.count), let number = decimal(digits) else { throw .unknownLabel(label) }
      switch tag {
      case UInt8(ascii: "q"), UInt8(ascii: "t"):
        return ParsedPeriod(period: try checkedQuarter(year, number, label), preliminary: false)
      case UInt8(ascii: "s"):
        guard (1...2).contains(number) else { throw .outOfRange(label: label, detail: "semester \(number) is not 1 or 2") }
        return ParsedPeriod(period: .semester(year, number), preliminary: false)
      case UInt8(ascii: "m"):
        guard (1...12).contains(number) else { throw .outOfRange(label: label, detail: "month \(number) is not 1-12") }
        return ParsedPeriod(period: .month(year, number), preliminary: false)
      default:
        let weeksInYear = isoWeeksInYear(year)
        guard (1...weeksInYear).contains(number) else {
          throw .outOfRange(label: label, detail: "ISO year \(year) has \(weeksInYear) weeks")
        }
        let week1Monday = Period.week(containingDay: CivilDate.days(year: year, month: 1, day: 4)).ordinal
        return ParsedPeriod(period: Period(.weekly, ordinal: week1Monday + number - 1), preliminary: false)
      }
    }

    // ISO month "2022-03" and day "2022-03-15".
    guard rest[0] == UInt8(ascii: "-") else { throw .unknownLabel(label) }
    if rest.count == 3, let month = decimal(rest[1...2]) {
      guard (1...12).contains(month) else { throw .outOfRange(label: label, detail: "month \(month) is not 1-12") }
      return ParsedPeriod(period: .month(year, month), preliminary: false)
    }
    if rest.count == 6, rest[3] == UInt8(ascii: "-"), let month = decimal(rest[1...2]), let day = decimal(rest[4...5]) {
      guard CivilDate.isValid(year: year, month: month, day: day) else {
        throw .outOfRange(label: label, detail: "no such calendar day")
      }
      return ParsedPeriod(period: .day(CivilDate.days(year: year, month: month, day: day)), preliminary: false)
    }
    throw .unknownLabel(label)
  }

  static func checkedQuarter(_ year: Int, _ quarter: Int, _ label: String) throws(PeriodError) -> Period {
    guard (1...4).contains(quarter) else { throw .outOfRange(label: label, detail: "quarter \(quarter) is not 1-4") }
    return .quarter(year, quarter)
  }

  static func isoWeeksInYear(_ year: Int) -> Int {
    let jan1 = CivilDate.isoWeekday(days: CivilDate.days(year: year, month: 1, day: 1))
    return jan1 == 4 || (jan1 == 3 && CivilDate.isLeap(year)) ? 53 : 52
  }

  static func digit(_ byte: UInt8, _ label: String) throws(PeriodError) -> Int {
    guard byte >= 48 && byte <= 57 else { throw .unknownLabel(label) }
    return Int(byte - 48)
  }

  static func decimal<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    guard !bytes.isEmpty else { return nil }
    var value = 0
    for byte in bytes {
      guard byte >= 48 && byte <= 57 else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    return value
  }

  static func fourDigitYear(_ text: Substring) -> Int? {
    let bytes = Array(text.utf8)
    guard bytes.count == 4, let year = decimal(bytes), year >= 1 else { return nil }
    return year
  }

  static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
}

extension Substring {
  func trimmingSpaces() -> Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return text
  }
}
