import Columnar

/// A line or bar chart of one value column over periods, one series per group, as SVG.
///
/// Axes with period labels (thinned to fit) and rounded value ticks (1-2-5 steps), a legend
/// for several series, the title and a source note. Null values leave gaps (lines) or empty
/// slots (bars); nothing is interpolated. Colours: Okabe–Ito (colour-blind safe).
public struct SVGChart: Sendable {
  public enum Kind: String, Sendable, CaseIterable { case line, bar }

  public var title: String
  public var source: String
  public var kind: Kind = .line
  public var width = 900.0
  public var height = 500.0

  public init(title: String, source: String) {
    self.title = title
    self.source = source
  }

  static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

  /// The SVG of columns of `table`: `value` over `period`, one series per value of `series`
  /// (blank series values are drawn as `(blank)`). Serves `cifra plot` and refresh charts.
  public func render(_ table: Table, period: String, value: String, series: String?) throws(ColumnError) -> String {
    let values = try table.doubles(value)
    let periods = try table.column(period)
    let groups = try series.map { name throws(ColumnError) in try table.column(name) }
    let rows = 0..<table.rowCount
    return try render(
      periods: rows.map { periods.text(at: $0) ?? "" }, values: rows.map { values[$0] },
      groups: groups.map { column in rows.map { column.text(at: $0) ?? "(blank)" } }, valueLabel: value)
  }

  /// The SVG of `values` over `periods` (labels), one series per `groups` label.
  /// - Throws: ``ColumnError/duplicatePeriod(group:period:)`` when a series has two rows for
  ///   one period (two labels of one period included): a chart draws one value per period, and
  ///   keeping either would hide the other.
  public func render(periods: [String], values: [Double?], groups: [String]?, valueLabel: String) throws(ColumnError) -> String {
    // Categories in time order. When every label is a period of one frequency the axis is the
    // full calendar from the first to the last period, so a missing period shows as a gap.
    let distinct = Array(Set(periods))
    let parsed = distinct.compactMap { try? PeriodParser.parse($0).period }
    var categories: [String]
    // The slot of every label; two labels of one period (`2020`, ` 2020`) share its slot.
    let position: [String: Int]
    // What a slot is called in an error: its period's ISO label, else its category.
    let slotName: [String]
    if parsed.count == distinct.count, let first = parsed.min(), let last = parsed.max(),
      parsed.allSatisfy({ $0.frequency == first.frequency }), last.ordinal - first.ordinal < 5000
    {
      var labelOf: [Period: String] = [:]
      for (period, label) in zip(parsed, distinct) { labelOf[period] = min(labelOf[period] ?? label, label) }
      categories = (first.ordinal...last.ordinal).map { ordinal in
        let period = Period(first.frequency, ordinal: ordinal)
        return labelOf[period] ?? period.description
      }
      position = Dictionary(uniqueKeysWithValues: zip(distinct, parsed).map { ($0, $1.ordinal - first.ordinal) })
      slotName = (first.ordinal...last.ordinal).map { Period(first.frequency, ordinal: $0).description }
    } else {
      categories = distinct.sorted()
      position = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
      slotName = categories
    }
    var seriesNames: [String] = []
    var series: [String: [Int: Double]] = [:]
    struct SlotKey: Hashable {
      let series: String
      let slot: Int
    }
    var drawn: Set<SlotKey> = []
    for (row, period) in periods.enumerated() {
      let name = groups?[row] ?? valueLabel
      if series[name] == nil {
        seriesNames.append(name)
        series[name] = [:]
      }
      let slot = position[period]!
      guard drawn.insert(SlotKey(series: name, slot: slot)).inserted else {
        throw .duplicatePeriod(group: groups == nil ? "" : name, period: slotName[slot])
      }
      if let value = values[row], value.isFinite { series[name]![slot] = value }
    }
    let all = series.values.flatMap { $0.values }
    var low = min(0, all.min() ?? 0)
    // A flat series still gets a span the doubles can resolve at its magnitude.
    var high = max(all.max() ?? 1, low + max(1e-12, abs(low) * 1e-9))
    if kind == .line, let minimum = all.min(), minimum > 0, minimum > (all.max() ?? 0) * 0.5 { low = minimum }
    let ticks = SVGChart.niceTicks(low, high)
    low = min(low, ticks.first ?? low)
    high = max(high, ticks.last ?? high)
    let left = 90.0
    let right = seriesNames.count > 1 ? 200.0 : 30.0
    let top = 60.0
    let bottom = 80.0
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let slot = plotWidth / Double(max(categories.count, 1))
    func x(_ index: Int) -> Double { left + slot * (Double(index) + 0.5) }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / (high - low)) }

    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n"
    svg += "<rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#ffffff\"/>\n"
    svg += "<text x=\"\(f(left))\" y=\"30\" font-size=\"18\" font-weight=\"bold\">\(escape(title))</text>\n"
    // Y grid and labels.
    for tick in ticks {
      svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(tick)))\" stroke=\"#dddddd\"/>\n"
      svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(escape(SVGChart.label(tick)))</text>\n"
    }
    svg += "<text x=\"20\" y=\"\(f(top + plotHeight / 2))\" transform=\"rotate(-90 20 \(f(top + plotHeight / 2)))\" text-anchor=\"middle\">\(escape(valueLabel))</text>\n"
    // Axes.
    svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333333\"/>\n"
    svg += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333333\"/>\n"
    // X labels, thinned so they do not overlap (about 7 px per character plus a gap).
    let longest = Double(categories.map(\.count).max() ?? 4)
    let fitting = max(2.0, (plotWidth / (longest * 7 + 16)).rounded(.down))
    let step = max(1, Int((Double(categories.count) / fitting).rounded(.up)))
    for (index, category) in categories.enumerated() where index % step == 0 {
      svg += "<line x1=\"\(f(x(index)))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(x(index)))\" y2=\"\(f(top + plotHeight + 5))\" stroke=\"#333333\"/>\n"
      svg += "<text x=\"\(f(x(index)))\" y=\"\(f(top + plotHeight + 20))\" text-anchor=\"middle\">\(escape(category))</text>\n"
    }
    // Series.
    for (number, name) in seriesNames.enumerated() {
      let colour = SVGChart.palette[number % SVGChart.palette.count]
      let points = series[name]!
      switch kind {
      case .line:
        var run: [String] = []
        func flush() {
          if run.count > 1 { svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(run.joined(separator: " "))\"/>\n" }
          if run.count == 1 {
            let parts = run[0].split(separator: ",")
            svg += "<circle cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"3\" fill=\"\(colour)\"/>\n"
          }
          run = []
        }
        for index in categories.indices {
          if let value = points[index] { run.append("\(f(x(index))),\(f(y(value)))") } else { flush() }
        }
        flush()
      case .bar:
        let barWidth = slot * 0.8 / Double(seriesNames.count)
        for (index, value) in points.sorted(by: { $0.key < $1.key }) {
          let x0 = left + slot * Double(index) + slot * 0.1 + barWidth * Double(number)
          let zero = y(max(low, min(0, high)))
          let top = min(y(value), zero)
          svg += "<rect x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(barWidth))\" height=\"\(f(abs(zero - y(value))))\" fill=\"\(colour)\"/>\n"
        }
      }
      if seriesNames.count > 1 {
        let legendY = top + 18 * Double(number)
        svg += "<rect x=\"\(f(width - right + 15))\" y=\"\(f(legendY))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>\n"
        svg += "<text x=\"\(f(width - right + 33))\" y=\"\(f(legendY + 10))\">\(escape(name))</text>\n"
      }
    }
    svg += "<text x=\"\(f(left))\" y=\"\(f(height - 20))\" font-size=\"11\" fill=\"#555555\">\(escape(source))</text>\n"
    svg += "</svg>\n"
    return svg
  }

  /// Ticks at 1, 2 or 5 × 10^k spanning `[low, high]` (about 5 of them).
  static func niceTicks(_ low: Double, _ high: Double) -> [Double] {
    let span = high - low
    guard span > 0, span.isFinite else { return [low] }
    let rough = span / 5
    let magnitude = pow10(Int((log10Value(rough)).rounded(.down)))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
    let start = (low / step).rounded(.down) * step
    // Ticks by index, at most 12: a step below the spacing of doubles at this magnitude
    // (a flat series far from 0) must not loop adding it (the fuzzer found that loop).
    guard start + step > start, (start + step) - start >= step * 0.5 else { return [low, high] }
    var ticks: [Double] = []
    for index in 0..<12 {
      let tick = start + Double(index) * step
      guard tick <= high + step * 1e-9 else { break }
      ticks.append(tick)
    }
    if let last = ticks.last, last < high { ticks.append(last + step) }
    return ticks
  }

  static func log10Value(_ x: Double) -> Double {
    var value = x
    var exponent = 0.0
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    while value < 1 {
      value *= 10
      exponent -= 1
    }
    return exponent + (value - 1) / 9  // only the integer part is used
  }

  static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
    return result
  }

  static func label(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e9 { return formatDouble((value / 1e9 * 100).rounded() / 100) + " B" }
    if magnitude >= 1e6 { return formatDouble((value / 1e6 * 100).rounded() / 100) + " M" }
    if magnitude >= 1e4 { return formatDouble((value / 1e3 * 100).rounded() / 100) + " k" }
    return formatDouble((value * 1e6).rounded() / 1e6)
  }

  /// A coordinate to one decimal; a non-finite one (values near the limits of `Double`) is
  /// never written: it is clamped to the drawing (0), so the SVG always parses.
  func f(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded.isFinite ? formatDouble(rounded) : "0"
  }

  /// Text as XML character data: markup characters escaped; control characters, which XML 1.0
  /// does not allow, replaced by U+FFFD.
  func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let allowed = scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) && !(0x7F...0x9F).contains(scalar.value)
        out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return out
  }
}
