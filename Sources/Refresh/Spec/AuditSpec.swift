import Indicators

/// An audit spec: the arithmetic claims of published tables, with their source lines.
///
/// ```toml
/// [audit]
/// title = "Seed 003: totals and shares"
/// source = "003_c2841eef4bd36b34.txt"
///
/// [[sum]]                 # total = Σ parts
/// label = "UPMRIP products, Jun 2021-Jun 2022"
/// line = 1013
/// total = 142
/// parts = [2, 18, 2, 5, 3, 6, 75, 33]
/// slip = true             # documented as a slip (false: documented as right)
///
/// [[ratio]]               # stated = scale · numerator / denominator, to `decimals`
/// label = "…"
/// stated = 92.39
/// numerator = 282256
/// denominator = 305474
/// scale = 100             # default 100 (a percentage)
/// decimals = 2
///
/// [[subset]]              # part ≤ total
/// [[shares_sum]]          # shares = [...], decimals: add to 100 within rounding
/// [[count]]               # stated = 17, items = ["Aguascalientes", …]
/// ```
public struct AuditSpec: Sendable {
  public let title: String
  public let source: String
  public let items: [AuditItem]

  public init(text: String, path: String) throws(RefreshError) {
    let tables: [TOMLTable]
    do { tables = try TOMLSubset.parse(text) } catch { throw .spec(file: path, line: error.line, message: error.message) }
    var title = ""
    var source = ""
    var items: [AuditItem] = []
    for table in tables {
      var reader = EntryReader(table: table, file: path)
      switch table.name {
      case "":
        try reader.finish()
        continue
      case "audit":
        title = try reader.string("title") ?? ""
        source = try reader.string("source") ?? ""
        try reader.finish()
        continue
      default: break
      }
      let label = try reader.required("label")
      let line = try reader.wholeNumber("line", in: 1...100_000_000)
      let decimals = try reader.wholeNumber("decimals", in: 0...15) ?? 0
      let slip = try reader.bool("slip")
      let check: AuditCheck
      switch table.name {
      case "sum":
        check = .sum(total: try reader.requiredNumber("total"), parts: try reader.numbers("parts") ?? [])
      case "ratio":
        check = .ratio(
          stated: try reader.requiredNumber("stated"), numerator: try reader.requiredNumber("numerator"),
          denominator: try reader.requiredNumber("denominator"), scale: try reader.number("scale") ?? 100)
      case "subset":
        check = .subset(part: try reader.requiredNumber("part"), total: try reader.requiredNumber("total"))
      case "shares_sum":
        check = .sharesSum(shares: try reader.numbers("shares") ?? [])
      case "count":
        check = .count(stated: Int(try reader.requiredNumber("stated")), items: try reader.strings("items") ?? [])
      default:
        throw .spec(
          file: path, line: table.line,
          message: "unknown table [[\(table.name)]] (known: [audit], [[sum]], [[ratio]], [[subset]], [[shares_sum]], [[count]])")
      }
      try reader.finish()
      items.append(AuditItem(label: label, line: line, check: check, decimals: decimals, expectedSlip: slip))
    }
    self.title = title
    self.source = source
    self.items = items
  }
}
