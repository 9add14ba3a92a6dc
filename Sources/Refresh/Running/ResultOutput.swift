import Columnar
import Indicators
import TableIO

/// How a result is written: format, decimals and the SDMX settings. The keys are the long
/// option names (`sdmx-version`, `ref-area`), in the CLI and in refresh specs alike.
public struct OutputSettings: Sendable, Equatable, Decodable {
  /// `nil`: table on a terminal, csv otherwise.
  public var format: OutputFormat?
  /// Decimals for presentation (`nil`: round-trip exact).
  public var decimals: Int?
  /// SDMX-CSV version: `1.0` or `2.0`.
  public var sdmxVersion = "1.0"
  /// SDMX dataflow `AGENCY:ID(VERSION)`.
  public var dataflow = "IAEG-SDGs:DF_SDG_GLH(1.24)"
  /// SDMX `REF_AREA` (M49 code; 1 = World, 484 = Mexico); `nil`: the area the data gives.
  public var refArea: String?
  /// SDMX: write breakdowns that are no DSD dimension as custom columns instead of refusing.
  public var extraColumns = false

  public init() {}

  /// Settings as given on a command line.
  public init(format: OutputFormat?, decimals: Int?, sdmxVersion: String, dataflow: String, refArea: String?, extraColumns: Bool = false) {
    (self.format, self.decimals, self.sdmxVersion, self.dataflow, self.refArea) = (format, decimals, sdmxVersion, dataflow, refArea)
    self.extraColumns = extraColumns
  }

  /// The keys of these settings (besides `format`).
  public static let keys = ["decimals", "sdmx-version", "dataflow", "ref-area", "extra-columns"]

  public init(from decoder: any Decoder) throws {
    let c = try decoder.options()
    format = try c.optional("format")
    decimals = try c.optional("decimals")
    sdmxVersion = try c.value("sdmx-version", "1.0")
    dataflow = try c.value("dataflow", "IAEG-SDGs:DF_SDG_GLH(1.24)")
    refArea = try c.optional("ref-area")
    extraColumns = try c.value("extra-columns", false)
  }

  /// Decimals in 0...17; SDMX version 1.0 or 2.0; a non-empty reference area of digits.
  public func validate() throws(OptionError) {
    if let decimals { try OptionCheck.within(decimals, 0...17, field: "decimals") }
    guard ["1.0", "2.0"].contains(sdmxVersion) else { throw OptionError("sdmx-version", "must be 1.0 or 2.0, got \(sdmxVersion)") }
    if let refArea {
      guard !refArea.isEmpty, refArea.count <= 3, refArea.allSatisfy(\.isASCII), refArea.allSatisfy(\.isNumber) else {
        throw OptionError("ref-area", "must be an M49 code (1 to 3 digits: 1 = World, 484 = Mexico), got '\(refArea)'")
      }
    }
  }

  /// These settings after ``validate()``.
  public func validated() throws(OptionError) -> OutputSettings {
    try validate()
    return self
  }

  /// Fails when an SDMX-only setting is given for another format (a usage error naming it).
  public func checkApplies(to format: OutputFormat) throws(OptionError) {
    guard format != .sdmx else { return }
    if refArea != nil { throw OptionError("ref-area", "applies to --format sdmx only (the output is \(format.rawValue))") }
    if extraColumns { throw OptionError("extra-columns", "applies to --format sdmx only (the output is \(format.rawValue))") }
    if sdmxVersion != "1.0" { throw OptionError("sdmx-version", "applies to --format sdmx only (the output is \(format.rawValue))") }
  }

  /// The format to use: the chosen one, else table on a terminal and csv otherwise.
  public var resolvedFormat: OutputFormat { format ?? (StandardStreams.outputIsTerminal ? .table : .csv) }

  /// Fails unless `indicator` supports the format (a usage error naming `format`) and every
  /// setting given applies to it (``checkApplies(to:)``).
  public func check(_ spec: IndicatorSpec, format: OutputFormat) throws(OptionError) {
    guard spec.formats.contains(format) else {
      throw OptionError(
        "format", "\(spec.id) does not write \(format.rawValue) (it writes \(OutputFormat.allCases.filter(spec.formats.contains).map(\.rawValue).joined(separator: ", ")))")
    }
    try checkApplies(to: format)
  }

  /// The text of `result` in `format` (default: ``resolvedFormat``).
  public func render(_ result: IndicatorResult, format: OutputFormat? = nil) throws(IndicatorRun.Failure) -> String {
    let chosen = format ?? resolvedFormat
    switch chosen {
    case .csv, .json, .table:
      return TableWriter(decimals: decimals, exact: result.countColumns).render(result.table, as: chosen)
    case .sdmx, .opensdg:
      guard var layout = result.layout else {
        throw .input(InputProblem(file: nil, message: "this result has no period/value layout for format \(chosen.rawValue) (use csv, json or table)"))
      }
      layout.dataflow = dataflow
      do {
        if chosen == .sdmx {
          return try ObservationWriter.sdmx(
            result.table, layout: layout, version: sdmxVersion == "2.0" ? 2 : 1, decimals: decimals, referenceArea: refArea,
            extraColumns: extraColumns)
        }
        return try ObservationWriter.openSDG(result.table, layout: layout, headline: result.headline, decimals: decimals)
      } catch {
        throw .input(InputProblem(file: nil, message: error.description))
      }
    }
  }

  /// An SVG chart of `result`: its time and value columns, one series per first breakdown.
  public static func chart(_ result: IndicatorResult, kind: SVGChart.Kind, title: String, source: String) throws(IndicatorRun.Failure) -> String {
    guard let layout = result.layout else {
      throw .input(InputProblem(file: nil, message: "this output has no period/value layout to chart"))
    }
    var chart = SVGChart(title: title, source: "Source: " + (source.split(separator: "/").last.map(String.init) ?? source))
    chart.kind = kind
    do {
      return try chart.render(result.table, period: layout.timeColumn, value: layout.valueColumn, series: layout.breakdowns.first)
    } catch {
      throw .input(InputProblem(file: nil, message: error.description))
    }
  }
}
