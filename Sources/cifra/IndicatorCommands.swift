import ArgumentParser
import Columnar
import Indicators
import Kernels
import Refresh

// Each command maps its flags (named as the options' spec keys) and arguments onto its indicator.

struct GrowthCommand: IndicatorCommand {
  typealias Computed = GrowthIndicator
  @Argument(help: "Input CSV file.") var file: String
  @Option(help: "Column holding the values.") var value: String
  @Option(help: "Column holding the periods (labels, ISO dates or years).") var period: String
  @Option(help: "Grouping column (repeatable): one series per group.") var by: [String] = []
  @Option(help: "Read period labels as this frequency (A, S, Q, M, W, D): 2022-03-15 as M is 2022-03.") var periodFreq: Frequency?
  @Option(help: "Aggregate to this coarser frequency first (A, S, Q, M).") var freq: Frequency?
  @Option(help: "How sub-periods combine.") var aggregate: AggregateFunction = .sum
  @Option(help: "Combine rows sharing a group and period first (microdata). Without it they are an error.") var collapse: AggregateFunction?
  @Flag(help: "Keep aggregated periods that miss sub-periods, marked in a 'complete' column.") var keepIncomplete = false
  @Option(help: "The measure.") var method: GrowthMethod = .pop
  @Option(help: "Lag in periods (default: 1; for yoy one year).") var lag: Int?
  @Option(help: "Base period for index / chain (= 100).") var base: String?
  @Option(help: "First period to use.") var from: String?
  @Option(help: "Last period to use.") var to: String?
  @Flag(help: "Compare months 1..m of each year with the same months of the previous year (m = last month of the latest year).") var ytd = false
  @Option(help: "Count periods a group has no row for as this value, e.g. 0 for counts (default: absent stays absent).") var fillAbsent: Double?
  @Option(help: "Component column for --method contribution.") var component: String?
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { ["input": [file]] }
  func options() -> GrowthOptions {
    var options = GrowthOptions(value: value, period: period)
    (options.by, options.periodFrequency, options.frequency, options.aggregate) = (by, periodFreq, freq, aggregate)
    (options.collapse, options.keepIncomplete, options.method, options.lag, options.base) = (collapse, keepIncomplete, method, lag, base)
    (options.from, options.to, options.yearToDate, options.component, options.filters) = (from, to, ytd, component, filter.filters)
    options.fillAbsent = fillAbsent
    return options
  }
}

struct SDG1073: IndicatorCommand {
  typealias Computed = MissingMigrantsIndicator
  @Argument(help: "Missing Migrants export (CSV).") var file: String
  @Option(help: "Breakdown (repeatable, e.g. --by year --by route).") var by: [MissingMigrants.Breakdown] = [.year]
  @OptionGroup var filter: RowFilterOption
  @Option(help: "Negative dead/missing/total counts: error, keep (as published) or exclude the incident.")
  var negative: MissingMigrants.NegativePolicy = .error
  @Option(help: "A repeated incident id: error, or drop (keep the first row).") var duplicates: DuplicatePolicy = .error
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { ["input": [file]] }
  func options() -> Computed.Options {
    var options = Computed.Options()
    (options.by, options.filters, options.negative, options.duplicates) = (by, filter.filters, negative, duplicates)
    return options
  }
}

struct SDG10c1: IndicatorCommand {
  typealias Computed = RemittanceCostsIndicator
  @Argument(help: "RPW service-level CSV or DataBank corridor export.") var file: String
  @Option(help: "Breakdown (default: corridor).") var by: RemittanceCosts.Breakdown?
  @Option(help: "Amount tier in USD: 200 (default) or 500.") var amount: RemittanceCosts.Amount?
  @Option(help: "Corridor weights CSV (columns corridor, weight) for the flow-weighted average (with --by global).") var weights: String?
  @Option(help: "Corridors the weights file does not list: error (default) or drop (named, with their share).") var missingWeights: Computed.Options.MissingWeights = .error
  @Option(name: .customLong("corridor"), help: "Keep these corridors (e.g. USAMEX); repeatable.") var corridors: [String] = []
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { ["input": [file], "weights": weights.map { [$0] } ?? []] }
  func options() -> Computed.Options {
    var options = Computed.Options()
    (options.givenBy, options.givenAmount, options.corridors, options.filters, options.missingWeights) = (by, amount, corridors, filter.filters, missingWeights)
    return options
  }
}

struct SDG1074: IndicatorCommand {
  typealias Computed = RefugeesPer100kIndicator
  @Argument(help: "CSV with refugees and population by origin and year.") var file: String
  @Option(help: "Refugees column (by country of origin).") var refugees: String
  @Option(help: "Population column (of the country of origin).") var population: String
  @Option(name: .customLong("key"), help: "Identifying columns to carry to the output (repeatable).") var keys: [String] = []
  @Option(help: "Period column among the keys (for --format sdmx / opensdg).") var period: String?
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { ["input": [file]] }
  func options() -> Computed.Options {
    var options = Computed.Options(refugees: refugees, population: population)
    (options.keys, options.period, options.filters) = (keys, period, filter.filters)
    return options
  }
}

struct SDG1732: IndicatorCommand {
  typealias Computed = RemittancesShareOfGDPIndicator
  @Option(help: "Published series (Year,Value with quarter labels such as 2022/I P/).") var published: String?
  @Option(help: "Remittance flows CSV.") var remittances: String?
  @Option(help: "Remittance value column (current USD).") var remittancesValue = "VALOR_USD"
  @Option(help: "Remittance period column.") var remittancesPeriod = "PERIODO"
  @Option(help: "Read remittance periods as this frequency (M for first-of-month dates).") var remittancesFreq: Frequency?
  @OptionGroup var filter: RowFilterOption
  @Option(help: "GDP CSV (current USD).") var gdp: String?
  @Option(help: "GDP value column.") var gdpValue = "gdp_usd"
  @Option(help: "GDP period column.") var gdpPeriod = "period"
  @Option(help: "Read GDP periods as this frequency.") var gdpFreq: Frequency?
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { ["published": published, "remittances": remittances, "gdp": gdp].compactMapValues { $0.map { [$0] } } }
  func options() -> Computed.Options {
    var options = Computed.Options()
    (options.remittancesValue, options.remittancesPeriod, options.remittancesFrequency) = (remittancesValue, remittancesPeriod, remittancesFreq)
    (options.filters, options.gdpValue, options.gdpPeriod, options.gdpFrequency) = (filter.filters, gdpValue, gdpPeriod, gdpFreq)
    return options
  }
}

struct SDGRefugeeInTime: IndicatorCommand {
  typealias Computed = RefugeeInTimeIndicator
  @Argument(help: "Case-level CSV.") var file: String
  @Option(help: "resolved (year of resolution) or filed (year of filing; pending cases past the deadline are late).")
  var cohort: RefugeeResolutions.Cohort = .resolved
  @Option(help: "Breakdown: year (the only one: shares are annual).") var by = "year"
  @Option(help: "Filing date column.") var filed = "filed"
  @Option(help: "Resolution date column.") var resolved = "resolved"
  @Option(help: "Outcome column.") var outcome = "outcome"
  @Option(help: "Extension flag column (true/false); '' for none.") var extended = "extended"
  @Option(help: "Outcomes that count as a resolution (comma-separated).") var resolvedOutcomes = "recognized,complementary,rejected"
  @Option(help: "Outcomes that close a case unresolved (comma-separated); any other outcome is an error.") var closedOutcomes = "abandoned,withdrawn"
  @Option(help: "Case id column (checked when present).") var id = "case_id"
  @Option(help: "A repeated case id: error, or drop (keep the first row).") var duplicates: DuplicatePolicy = .error
  @Option(help: "Deadline in business days.") var deadline = 45
  @Option(help: "Extended deadline in business days.") var extendedDeadline = 90
  @Option(help: "Date pending cases are judged at (filing cohort; default: latest date in the data).") var asOf: String?
  @Option(help: "Confidence level of the Wilson interval.") var level = 0.95
  @OptionGroup var calendar: CalendarOptions
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { ["input": [file], "non-working": calendar.nonWorking] }
  func options() -> Computed.Options {
    var options = Computed.Options()
    (options.cohort, options.by, options.filed, options.resolved, options.outcome) = (cohort, by, filed, resolved, outcome)
    (options.extended, options.resolvedOutcomes, options.deadline, options.extendedDeadline) = (extended, resolvedOutcomes, deadline, extendedDeadline)
    (options.closedOutcomes, options.id, options.duplicates) = (closedOutcomes, id, duplicates)
    (options.asOf, options.level, options.calendar, options.convention, options.filters) = (asOf, level, calendar.calendar, calendar.convention, filter.filters)
    return options
  }
}

struct SDGRecognition: IndicatorCommand {
  typealias Computed = RecognitionIndicator
  @Argument(help: "UNHCR asylum-decisions CSV.") var file: String
  @Option(help: "Grouping column (repeatable).") var by: [String] = []
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { ["input": [file]] }
  func options() -> Computed.Options {
    var options = Computed.Options()
    (options.by, options.filters) = (by, filter.filters)
    return options
  }
}

struct ProportionCommand: IndicatorCommand {
  typealias Computed = ProportionIndicator
  @Argument(help: "X N (two counts), or a CSV file.") var inputs: [String]
  @Option(help: "Successes column (table form).") var successes: String?
  @Option(help: "Trials column (table form).") var trials: String?
  @Option(help: "Grouping column (repeatable).") var by: [String] = []
  @Option(help: "Interval (all: the three, two-number form).") var ci: IntervalChoice = .wilson
  @Option(help: "Confidence level.") var level = 0.95
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { inputs.count == 1 ? ["input": inputs] : [:] }
  func options() throws -> Computed.Options {
    var options = Computed.Options()
    if let (x, n) = try IndicatorRun.numbersOrFile(inputs) as (Int, Int)? { (options.x, options.n) = (x, n) }
    (options.successes, options.trials, options.by, options.ci, options.level, options.filters) = (successes, trials, by, ci, level, filter.filters)
    return options
  }
}

struct RateCommand: IndicatorCommand {
  typealias Computed = RateIndicator
  @Argument(help: "EVENTS POPULATION, or a CSV file.") var inputs: [String]
  @Option(help: "Events column (table form).") var events: String?
  @Option(help: "Population column (table form).") var population: String?
  @Option(help: "Grouping column (repeatable).") var by: [String] = []
  @Option(help: "Rate per this many people.") var per: Double = 100_000
  @Option(help: "Confidence level.") var level = 0.95
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { inputs.count == 1 ? ["input": inputs] : [:] }
  func options() throws -> Computed.Options {
    var options = Computed.Options()
    if let (k, p) = try IndicatorRun.numbersOrFile(inputs) as (Int, Double)? { (options.eventCount, options.populationSize) = (k, p) }
    (options.events, options.population, options.by, options.per, options.level, options.filters) = (events, population, by, per, level, filter.filters)
    return options
  }
}

struct PrecisionCommand: IndicatorCommand {
  typealias Computed = PrecisionIndicator
  @Argument(help: "ESTIMATE SE, or a CSV file.") var inputs: [String]
  @Option(help: "Estimate column.") var estimate: String?
  @Option(help: "Standard-error column.") var standardError: String?
  @Option(name: .customLong("key"), help: "Columns to carry (repeatable).") var keys: [String] = []
  @Option(help: "Confidence level (0.90 uses z = 1.645, INEGI).") var level = 0.90
  @Option(help: "CV threshold (%) below which precision is high.") var high: Double = 15
  @Option(help: "CV threshold (%) below which precision is moderate.") var moderate: Double = 30
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { inputs.count == 1 ? ["input": inputs] : [:] }
  func options() throws -> Computed.Options {
    var options = Computed.Options()
    if let (value, se) = try IndicatorRun.numbersOrFile(inputs) as (Double, Double)? { (options.estimateValue, options.standardErrorValue) = (value, se) }
    (options.estimate, options.standardError, options.keys, options.level) = (estimate, standardError, keys, level)
    (options.high, options.moderate, options.filters) = (high, moderate, filter.filters)
    return options
  }
}

struct CrosstabCommand: IndicatorCommand {
  typealias Computed = CrossTabIndicator
  @Argument(help: "CSV file.") var file: String
  @Option(help: "Row category column.") var rows: String?
  @Option(help: "Column category column.") var cols: String?
  @Option(help: "Value column to sum (default: count rows).") var value: String?
  @Flag(help: "Add Total row and column.") var margins = false
  @Flag(help: "Shares of --category within --by groups instead of a cross-table.") var share = false
  @Option(help: "Category column (with --share).") var category: String?
  @Option(help: "Group column (with --share; repeatable).") var by: [String] = []
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] { ["input": [file]] }
  func options() -> Computed.Options {
    var options = Computed.Options()
    (options.rows, options.cols, options.value, options.margins) = (rows, cols, value, margins)
    (options.share, options.category, options.by, options.filters) = (share, category, by, filter.filters)
    return options
  }
}

struct AuditCommand: IndicatorCommand {
  typealias Computed = AuditIndicator
  @Argument(help: "Audit specs (.toml) or one CSV table.") var files: [String]
  @Option(help: "Column that should be the sum of --parts (table form).") var totalColumn: String?
  @Option(name: .customLong("parts"), help: "Part columns (repeatable).") var parts: [String] = []
  @Option(help: "Row label of the total row (table form).") var totalRow: String?
  @Option(help: "Column holding row labels.") var labelColumn: String?
  @Flag(help: "List only mismatches.") var mismatchesOnly = false
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] {
    ["specs": files.filter { $0.hasSuffix(".toml") }, "input": files.filter { !$0.hasSuffix(".toml") }]
  }
  func options() -> Computed.Options {
    var options = Computed.Options()
    (options.totalColumn, options.parts, options.totalRow, options.labelColumn) = (totalColumn, parts, totalRow, labelColumn)
    (options.mismatchesOnly, options.filters) = (mismatchesOnly, filter.filters)
    return options
  }
}

/// The command of a registered indicator that has no dedicated one: its options as
/// `--option KEY=VALUE` (the spec keys), its inputs as FILE and `--input ROLE=FILE`.
struct GenericIndicatorCommand<Computed: Indicator>: IndicatorCommand {
  @Argument(help: "Input CSV file (role 'input').") var files: [String] = []
  @Option(name: .customLong("option"), help: "KEY=VALUE: an option by its spec key, e.g. by=[\"FLUJO\"] (repeatable).") var pairs: [String] = []
  @Option(name: .customLong("input"), help: "ROLE=FILE: an input other than FILE (repeatable).") var roles: [String] = []
  @OptionGroup var filter: RowFilterOption
  @OptionGroup var io: IndicatorIO

  func inputFiles() -> [String: [String]] {
    var files = self.files.isEmpty ? [:] : ["input": self.files]
    for pair in roles { if let equals = pair.firstIndex(of: "=") { files[String(pair[..<equals]), default: []].append(String(pair[pair.index(after: equals)...])) } }
    return files
  }
  func options() throws -> Computed.Options {
    try OptionText.options(Computed.self, pairs + filter.filters.map { "where=\"\($0)\"" }) as! Computed.Options
  }
}
