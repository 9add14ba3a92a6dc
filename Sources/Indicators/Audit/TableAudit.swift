import Columnar

/// One arithmetic claim of a published table, to be recomputed.
public enum AuditCheck: Sendable, Equatable {
  /// `total` should equal the sum of `parts`.
  case sum(total: Double, parts: [Double])
  /// `stated` should equal `scale · numerator / denominator` rounded to `decimals`.
  case ratio(stated: Double, numerator: Double, denominator: Double, scale: Double)
  /// `part` must not exceed `total` (a subset).
  case subset(part: Double, total: Double)
  /// Rounded shares should add to 100.
  case sharesSum(shares: [Double])
  /// A stated count of listed items ("Diecisiete entidades…").
  case count(stated: Int, items: [String])
}

/// A claim with its label, the source line, the decimals the table states, and (optionally)
/// whether the documents' review already found it to be a slip.
public struct AuditItem: Sendable, Equatable {
  public let label: String
  public let line: Int?
  public let check: AuditCheck
  /// Decimals of the stated figures (tolerance ½·10^−d per rounded figure).
  public let decimals: Int
  /// `true`: a documented slip; `false`: documented as right; `nil`: not documented.
  public let expectedSlip: Bool?

  public init(label: String, line: Int?, check: AuditCheck, decimals: Int = 0, expectedSlip: Bool? = nil) {
    self.label = label
    self.line = line
    self.check = check
    self.decimals = decimals
    self.expectedSlip = expectedSlip
  }
}

/// The verdict on one claim.
public struct AuditFinding: Sendable, Equatable {
  public let item: AuditItem
  public let kind: String
  public let stated: Double
  public let recomputed: Double
  public let tolerance: Double
  public let ok: Bool
  public let note: String?

  /// A mismatch the review did not document, or a documented slip that is not there.
  public var unexpected: Bool { item.expectedSlip.map { $0 == ok } ?? !ok }
}

/// Recomputes the totals, shares and counts of published tables and lists every mismatch
/// beyond rounding (seed-003-findings.md §4; methodology.md §5).
///
/// Tolerances follow the stated precision: a figure with d decimals may be off by
/// ½·10^−d from the exact value (so a percentage *truncated* instead of rounded, 92.39 for
/// 92.3994, is a mismatch, and the note says "truncated"); sums of whole numbers must be exact;
/// n shares with d decimals may add to 100 ± n·½·10^−d.
public enum TableAudit {
  static func half(_ decimals: Int) -> Double {
    var value = 0.5
    for _ in 0..<decimals { value /= 10 }
    return value
  }

  /// The verdict on `item`.
  public static func evaluate(_ item: AuditItem) -> AuditFinding {
    let h = half(item.decimals)
    switch item.check {
    case .sum(let total, let parts):
      let sum = parts.reduce(0, +)
      let tolerance = item.decimals == 0 && parts.allSatisfy({ $0 == $0.rounded() }) ? 0 : h * Double(parts.count + 1)
      let ok = abs(sum - total) <= tolerance + 1e-9 * max(1, abs(total))
      return AuditFinding(
        item: item, kind: "sum", stated: total, recomputed: sum, tolerance: tolerance, ok: ok,
        note: ok ? nil : "parts add to \(formatDouble(sum)), off by \(formatDouble(total - sum))")
    case .ratio(let stated, let numerator, let denominator, let scale):
      guard denominator != 0 else {
        return AuditFinding(item: item, kind: "ratio", stated: stated, recomputed: .nan, tolerance: h, ok: false, note: "denominator is 0")
      }
      let exact = scale * numerator / denominator
      let ok = abs(exact - stated) <= h + 1e-9 * max(1, abs(exact))
      var note: String?
      if !ok {
        var power = 1.0
        for _ in 0..<item.decimals { power *= 10 }
        let truncated = (exact * power).rounded(.towardZero) / power
        let rounded = (exact * power).rounded() / power
        note = abs(truncated - stated) < 1e-9 * max(1, abs(stated))
          ? "truncated instead of rounded (rounds to \(formatDouble(rounded)))" : "rounds to \(formatDouble(rounded))"
      }
      return AuditFinding(item: item, kind: "ratio", stated: stated, recomputed: exact, tolerance: h, ok: ok, note: note)
    case .subset(let part, let total):
      let ok = part <= total
      return AuditFinding(
        item: item, kind: "subset", stated: part, recomputed: total, tolerance: 0, ok: ok,
        note: ok ? nil : "a part (\(formatDouble(part))) larger than its total (\(formatDouble(total)))")
    case .sharesSum(let shares):
      let sum = shares.reduce(0, +)
      let tolerance = h * Double(shares.count)
      let ok = abs(sum - 100) <= tolerance + 1e-9
      return AuditFinding(
        item: item, kind: "shares_sum", stated: 100, recomputed: sum, tolerance: tolerance, ok: ok,
        note: ok ? nil : "shares add to \(formatDouble(sum))")
    case .count(let stated, let items):
      let ok = items.count == stated
      return AuditFinding(
        item: item, kind: "count", stated: Double(stated), recomputed: Double(items.count), tolerance: 0, ok: ok,
        note: ok ? nil : "\(items.count) items listed")
    }
  }

  /// Findings as a table: `label`, `line`, `check`, `stated`, `recomputed`, `tolerance`,
  /// `status` (ok / mismatch), `documented` (slip / right / blank), `note`.
  public static func report(_ findings: [AuditFinding]) -> Table {
    try! Table([
      ("label", .string(StringColumn(findings.map(\.item.label)))),
      ("line", .int64(Column(optionals: findings.map { $0.item.line.map(Int64.init) }, placeholder: 0))),
      ("check", .string(StringColumn(findings.map(\.kind)))),
      ("stated", .double(Column(findings.map(\.stated)))),
      ("recomputed", .double(Column(optionals: findings.map { $0.recomputed.isNaN ? nil : $0.recomputed }))),
      ("tolerance", .double(Column(findings.map(\.tolerance)))),
      ("status", .string(StringColumn(findings.map { $0.ok ? "ok" : "mismatch" }))),
      ("documented", .string(StringColumn(findings.map { $0.item.expectedSlip.map { $0 ? "slip" : "right" } }))),
      ("note", .string(StringColumn(findings.map(\.note)))),
    ])
  }

  /// Checks of a table whose column `total` should be the sum of columns `parts`, row by row.
  public static func columnTotals(_ table: Table, total: String, parts: [String], label: String?) throws(ColumnError) -> [AuditItem] {
    let totals = try table.doubles(total)
    let columns = try parts.map { name throws(ColumnError) in try table.doubles(name) }
    let labels = try label.map { name throws(ColumnError) in try table.column(name) }
    return (0..<table.rowCount).compactMap { row in
      guard let stated = totals[row] else { return nil }
      return AuditItem(
        label: labels?.text(at: row) ?? "row \(row + 1)", line: nil,
        check: .sum(total: stated, parts: columns.map { $0[row] ?? 0 }), decimals: 0)
    }
  }

  /// Checks of a table whose row labelled `totalRow` (in column `labelColumn`) should be the
  /// sum of the other rows, column by column over `columns` (default: every numeric column).
  public static func rowTotals(_ table: Table, labelColumn: String, totalRow: String, columns: [String]?) throws(ColumnError) -> [AuditItem] {
    let labels = try table.column(labelColumn)
    let matches = (0..<table.rowCount).filter { labels.text(at: $0) == totalRow }
    guard let totalIndex = matches.first else {
      throw .unknownColumn("row '\(totalRow)'", available: (0..<table.rowCount).compactMap { labels.text(at: $0) })
    }
    // A second total row would be audited as a part of the first.
    guard matches.count == 1 else {
      throw .invalid("column '\(labelColumn)': \(matches.count) rows are labelled '\(totalRow)' (data rows \(matches.map { String($0 + 1) }.joined(separator: ", "))); keep one total row, or filter the table with where")
    }
    let names = columns ?? zip(table.schema.names, table.columns).compactMap { name, column in
      switch column {
      case .int64, .double: return name
      default: return nil
      }
    }
    var items: [AuditItem] = []
    for name in names {
      let values = try table.doubles(name)
      guard let stated = values[totalIndex] else { continue }
      let parts = (0..<table.rowCount).filter { $0 != totalIndex }.map { values[$0] ?? 0 }
      items.append(AuditItem(label: "\(totalRow) · \(name)", line: nil, check: .sum(total: stated, parts: parts)))
    }
    return items
  }
}
