import ArgumentParser
import Columnar
import Foundation
import Indicators
import Kernels
import Refresh
import TableIO

extension IntervalMethod: ExpressibleByArgument {}

/// `cifra proportion X N` or `cifra proportion FILE --successes COL --trials COL`.
struct ProportionCommand: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "proportion",
    abstract: "A proportion with its confidence interval (Wilson, Wilson-cc, Clopper-Pearson), for two numbers or by group over a table.",
    discussion: """
      Examples:
        cifra proportion 45 60 --ci all
        cifra proportion cases.csv --successes in_time --trials cases --by year --ci clopper-pearson --level 0.90
      """)
  @Argument(help: "X N (two counts), or a CSV file.") var inputs: [String]
  @Option(help: "Successes column (table form).") var successes: String?
  @Option(help: "Trials column (table form).") var trials: String?
  @Option(name: .customLong("by"), help: "Grouping column (repeatable).") var by: [String] = []
  @Option(help: "wilson, wilson-cc, clopper-pearson or all (two-number form).") var ci = "wilson"
  @Option(help: "Confidence level.") var level = 0.95
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard level > 0, level < 1 else { throw ValidationError("--level must be between 0 and 1") }
    guard ci == "all" || IntervalMethod(rawValue: ci) != nil else { throw ValidationError("--ci must be wilson, wilson-cc, clopper-pearson or all") }
    if inputs.count == 2, Int(inputs[0]) != nil {
      guard let x = Int(inputs[0]), let n = Int(inputs[1]), x >= 0, n >= 0, x <= n else {
        throw ValidationError("X and N must be whole numbers with 0 ≤ X ≤ N")
      }
    } else {
      guard inputs.count == 1, successes != nil, trials != nil else {
        throw ValidationError("give X N, or FILE --successes COL --trials COL")
      }
      guard ci != "all" else { throw ValidationError("--ci all is for the two-number form") }
    }
  }

  func produce() throws -> Produced {
    if inputs.count == 2, let x = Int(inputs[0]), let n = Int(inputs[1]) {
      let methods = ci == "all" ? IntervalMethod.allCases : [IntervalMethod(rawValue: ci)!]
      let intervals = methods.map { proportionInterval(successes: x, trials: n, level: level, method: $0) }
      let table = try Table([
        ("method", .string(StringColumn(methods.map(\.rawValue)))),
        ("successes", .int64(Column(methods.map { _ in Int64(x) }))),
        ("trials", .int64(Column(methods.map { _ in Int64(n) }))),
        ("pct", .double(Column(optionals: methods.map { _ in n > 0 ? 100 * Double(x) / Double(n) : nil }))),
        ("ci_lower_pct", .double(Column(optionals: intervals.map { $0.map { 100 * $0.lower } }))),
        ("ci_upper_pct", .double(Column(optionals: intervals.map { $0.map { 100 * $0.upper } }))),
        ("level", .double(Column(methods.map { _ in level }))),
      ])
      return Produced(table: table)
    }
    let input = try csv.table(inputs[0], jobs: jobs)
    return try computing(inputs[0]) {
      Produced(
        table: try ProportionsAndRates.proportions(
          input, successes: successes!, trials: trials!, by: by, method: IntervalMethod(rawValue: ci)!, level: level))
    }
  }
}

/// `cifra rate EVENTS POPULATION` or `cifra rate FILE --events COL --population COL`.
struct RateCommand: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "rate",
    abstract: "Rates per 100,000 (or --per) with the exact Poisson interval; by group: ratio of sums and mean of ratios, named apart.",
    discussion: """
      Examples:
        cifra rate 37 250000
        cifra rate deaths.csv --events deaths --population population --by year --per 1000
      """)
  @Argument(help: "EVENTS POPULATION, or a CSV file.") var inputs: [String]
  @Option(help: "Events column (table form).") var events: String?
  @Option(help: "Population column (table form).") var population: String?
  @Option(name: .customLong("by"), help: "Grouping column (repeatable).") var by: [String] = []
  @Option(help: "Rate per this many people.") var per: Double = 100_000
  @Option(help: "Confidence level.") var level = 0.95
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard level > 0, level < 1 else { throw ValidationError("--level must be between 0 and 1") }
    if inputs.count == 2, Int(inputs[0]) != nil {
      guard let k = Int(inputs[0]), k >= 0, let p = Double(inputs[1]), p > 0 else {
        throw ValidationError("EVENTS must be a whole number ≥ 0 and POPULATION > 0")
      }
    } else {
      guard inputs.count == 1, events != nil, population != nil else { throw ValidationError("give EVENTS POPULATION, or FILE --events COL --population COL") }
    }
  }

  func produce() throws -> Produced {
    if inputs.count == 2, let k = Int(inputs[0]), let p = Double(inputs[1]) {
      let estimate = RateEstimate(events: k, population: p, per: per, level: level)
      return Produced(
        table: try Table([
          ("events", .int64(Column([Int64(k)]))), ("population", .double(Column([p]))), ("per", .double(Column([per]))),
          ("rate", .double(Column([estimate.rate]))), ("ci_lower", .double(Column([estimate.lower]))),
          ("ci_upper", .double(Column([estimate.upper]))), ("level", .double(Column([level]))),
        ]))
    }
    let input = try csv.table(inputs[0], jobs: jobs)
    return try computing(inputs[0]) {
      Produced(table: try ProportionsAndRates.rates(input, events: events!, population: population!, by: by, per: per, level: level))
    }
  }
}

/// `cifra precision ESTIMATE SE` or over a table.
struct PrecisionCommand: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "precision",
    abstract: "Coefficient of variation, INEGI-style 90 % interval (±1.645 SE) and precision class of survey estimates.",
    discussion: """
      Classes: high when CV < 15 %, moderate when CV < 30 %, low otherwise (--high / --moderate change them).
      Examples:
        cifra precision 125000 9800
        cifra precision enoe.csv --estimate total --standard-error se --key state
      """)
  @Argument(help: "ESTIMATE SE, or a CSV file.") var inputs: [String]
  @Option(help: "Estimate column.") var estimate: String?
  @Option(help: "Standard-error column.") var standardError: String?
  @Option(name: .customLong("key"), help: "Columns to carry (repeatable).") var keys: [String] = []
  @Option(help: "Confidence level (0.90 uses z = 1.645, INEGI).") var level = 0.90
  @Option(help: "CV threshold (%) below which precision is high.") var high: Double = 15
  @Option(help: "CV threshold (%) below which precision is moderate.") var moderate: Double = 30
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard high <= moderate else { throw ValidationError("--high must be ≤ --moderate") }
    if inputs.count == 2, Double(inputs[0]) != nil {
      guard let se = Double(inputs[1]), se >= 0 else { throw ValidationError("SE must be ≥ 0") }
    } else {
      guard inputs.count == 1, estimate != nil, standardError != nil else {
        throw ValidationError("give ESTIMATE SE, or FILE --estimate COL --standard-error COL")
      }
    }
  }

  func produce() throws -> Produced {
    if inputs.count == 2, let value = Double(inputs[0]), let se = Double(inputs[1]) {
      let table = try Table([("estimate", .double(Column([value]))), ("se", .double(Column([se])))])
      return Produced(
        table: try ProportionsAndRates.precision(table, estimate: "estimate", standardError: "se", keys: [], level: level, high: high, moderate: moderate))
    }
    let input = try csv.table(inputs[0], jobs: jobs)
    return try computing(inputs[0]) {
      Produced(
        table: try ProportionsAndRates.precision(
          input, estimate: estimate!, standardError: standardError!, keys: keys, level: level, high: high, moderate: moderate))
    }
  }
}

/// `cifra crosstab FILE --rows COL --cols COL` and `cifra share FILE --category COL`.
struct CrosstabCommand: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "crosstab",
    abstract: "Cross-tabulation (counts or sums) with margins, or shares of categories within groups (--share).",
    discussion: """
      Examples:
        cifra crosstab ../shared/reference/seed-003-programs.csv --rows objective --cols part --margins
        cifra crosstab ../shared/reference/seed-003-programs.csv --share --category unit --by objective
      """)
  @Argument(help: "CSV file.") var file: String
  @Option(help: "Row category column.") var rows: String?
  @Option(help: "Column category column.") var cols: String?
  @Option(help: "Value column to sum (default: count rows).") var value: String?
  @Flag(help: "Add Total row and column.") var margins = false
  @Flag(help: "Shares of --category within --by groups instead of a cross-table.") var share = false
  @Option(help: "Category column (with --share).") var category: String?
  @Option(name: .customLong("by"), help: "Group column (with --share; repeatable).") var by: [String] = []
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if share {
      guard category != nil else { throw ValidationError("--share needs --category COL") }
    } else {
      guard rows != nil, cols != nil else { throw ValidationError("give --rows COL --cols COL, or --share --category COL") }
    }
  }

  func produce() throws -> Produced {
    let input = try csv.table(file, jobs: jobs)
    return try computing(file) {
      if share { return Produced(table: try CrossTab.shares(input, category: category!, value: value, by: by)) }
      return Produced(table: try CrossTab.table(input, rows: rows!, columns: cols!, value: value, margins: margins))
    }
  }
}

/// `cifra audit SPEC.toml …` or `cifra audit FILE --total-column COL --parts COL …`.
struct AuditCommand: ProducingCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Recompute the totals, shares and counts of published tables and list every mismatch beyond rounding.",
    discussion: """
      A spec (.toml) declares the claims with their source lines ([[sum]], [[ratio]], [[subset]],
      [[shares_sum]], [[count]]); `slip = true` marks a slip the review already documented.
      Exit 1 when a check gives an undocumented mismatch, or a documented slip is not found.

      Examples:
        cifra audit datasets/audit/seed-003.toml datasets/audit/seed-001-vds.toml
        cifra audit table.csv --total-column total --parts men --parts women --label-column state
        cifra audit table.csv --total-row Total --label-column state
      """)
  @Argument(help: "Audit specs (.toml) or one CSV table.") var files: [String]
  @Option(help: "Column that should be the sum of --parts (table form).") var totalColumn: String?
  @Option(name: .customLong("parts"), help: "Part columns (repeatable).") var parts: [String] = []
  @Option(help: "Row label of the total row (table form).") var totalRow: String?
  @Option(help: "Column holding row labels.") var labelColumn: String?
  @Flag(help: "List only mismatches.") var mismatchesOnly = false
  @OptionGroup var csv: CSVOptionsGroup
  @OptionGroup var jobs: JobsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("give at least one spec or table") }
    if files.contains(where: { !$0.hasSuffix(".toml") }) {
      guard files.count == 1, (totalColumn != nil && !parts.isEmpty) || (totalRow != nil && labelColumn != nil) else {
        throw ValidationError("a table needs --total-column COL --parts COL…, or --total-row LABEL --label-column COL")
      }
    }
  }

  func findings() throws -> [AuditFinding] {
    var items: [AuditItem] = []
    for file in files {
      if file.hasSuffix(".toml") {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CLIError("\(file): cannot read") }
        items += try AuditSpec(text: text, path: file).items
      } else {
        let table = try readCSV(file, options: csv.options(jobs: jobs.resolved), quiet: csv.quiet).table
        do {
          if let totalColumn {
            items += try TableAudit.columnTotals(table, total: totalColumn, parts: parts, label: labelColumn)
          } else {
            items += try TableAudit.rowTotals(table, labelColumn: labelColumn!, totalRow: totalRow!, columns: parts.isEmpty ? nil : parts)
          }
        } catch {
          throw CLIError("\(file): \(error)")
        }
      }
    }
    return items.map(TableAudit.evaluate)
  }

  func produce() throws -> Produced { report(try findings()) }

  func report(_ all: [AuditFinding]) -> Produced {
    let shown = mismatchesOnly ? all.filter { !$0.ok } : all
    let mismatches = all.filter { !$0.ok }.count
    let unexpected = all.filter(\.unexpected).count
    return Produced(table: TableAudit.report(shown), warnings: ["\(all.count) checks: \(mismatches) mismatch(es), \(unexpected) unexpected"])
  }

  func run() throws {
    let all = try findings()
    let produced = report(all)
    for warning in produced.warnings { FileHandleOutput.standardError("cifra: \(warning)\n") }
    FileHandleOutput.standardOutput(try output.render(produced))
    if all.contains(where: \.unexpected) { throw ExitCode(1) }
  }
}
