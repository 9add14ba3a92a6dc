import Columnar
import Kernels

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Growth {
  /// Whole-span rates, one row per group, in percent per year.
  ///
  /// The span runs from `from` (or the group's first period with a value) to `to` (or its
  /// last); `n` counts the span's periods with a value (only they enter the fit); the span length in years is
  /// `(to − from) / periods per year`.
  /// - `cagr`: `((X_to / X_from)^(1/years) − 1) × 100`; null when an endpoint has no value,
  ///   `X_from ≤ 0`, `X_to < 0`, or the span is a single period.
  /// - `exponential`: `ln(X_to / X_from) / years × 100`; null also when `X_to = 0`.
  /// - `least-squares` (WDI): OLS of `ln X_t` on t in years over the periods with a value,
  ///   `(e^b − 1) × 100`, with R²; null when more than half of the span's periods have no
  ///   value, when any `X_t ≤ 0`, or with fewer than 2 points. All groups run through one
  ///   LAPACK call per distinct pattern of observed periods (``logLinearTrends(_:)``).
  static func wholeSpan(_ panel: SeriesPanel, method: GrowthMethod, from: Int?, to: Int?) throws(GrowthError) -> (Table, [IndicatorWarning]) {
    guard let perYear = panel.frequency.periodsPerYear else {
      throw .unsupported("\(method.rawValue) needs annual, semiannual, quarterly or monthly periods; aggregate with the option freq first")
    }
    _ = try panel.lookup()
    var rowsByGroup = [[Int]](repeating: [], count: panel.groupCount)
    // The span's periods with a value: `from`/`to` bound the fit and the count n, not only the endpoints.
    let window = (from ?? Int.min)...(to ?? Int.max)
    for row in panel.sortedRows() where panel.values.isValid(row) && window.contains(panel.periods.values[row].ordinal) {
      rowsByGroup[Int(panel.groups[row])].append(row)
    }

    var fromPeriods: [Period?] = []
    var toPeriods: [Period?] = []
    var counts: [Int64] = []
    var rates: [Double?] = []
    var notes: [String?] = []
    var lsSeries: [[(t: Double, x: Double)]] = []
    var lsGroups: [Int] = []
    for group in 0..<panel.groupCount {
      let rows = rowsByGroup[group]
      guard let firstRow = rows.first, let lastRow = rows.last else {
        fromPeriods.append(from.map { Period(panel.frequency, ordinal: $0) })
        toPeriods.append(to.map { Period(panel.frequency, ordinal: $0) })
        counts.append(0)
        rates.append(nil)
        notes.append("no_values")
        continue
      }
      let start = from ?? panel.periods.values[firstRow].ordinal
      let end = to ?? panel.periods.values[lastRow].ordinal
      fromPeriods.append(panel.periods.values[firstRow].at(ordinal: start))
      toPeriods.append(panel.periods.values[firstRow].at(ordinal: end))
      counts.append(Int64(rows.count))
      let years = Double(end - start) / Double(perYear)
      let valueAt: (Int) -> Double? = { ordinal in
        rows.first { panel.periods.values[$0].ordinal == ordinal }.map { panel.values.values[$0] }
      }
      switch method {
      case .cagr, .exponential:
        guard end > start else {
          rates.append(nil)
          notes.append("single_period")
          continue
        }
        guard let first = valueAt(start), let last = valueAt(end) else {
          rates.append(nil)
          notes.append("endpoint_missing")
          continue
        }
        guard first > 0 else {
          rates.append(nil)
          notes.append("non_positive_start")
          continue
        }
        if method == .cagr {
          guard last >= 0 else {
            rates.append(nil)
            notes.append("negative_end")
            continue
          }
          rates.append((pow(last / first, 1 / years) - 1) * 100)
        } else {
          guard last > 0 else {
            rates.append(nil)
            notes.append("non_positive_end")
            continue
          }
          rates.append(log(last / first) / years * 100)
        }
        notes.append(nil)
      default:
        let periodsInSpan = end - start + 1
        let missing = periodsInSpan - rows.count
        if missing * 2 > periodsInSpan {
          rates.append(nil)
          notes.append("more_than_half_missing")
        } else if rows.contains(where: { panel.values.values[$0] <= 0 }) {
          rates.append(nil)
          notes.append("non_positive_value")
        } else if rows.count < 2 {
          rates.append(nil)
          notes.append("fewer_than_2_points")
        } else {
          rates.append(nil)  // filled after the batched fit
          notes.append(nil)
          lsGroups.append(group)
          lsSeries.append(rows.map { (Double(panel.periods.values[$0].ordinal - start) / Double(perYear), panel.values.values[$0]) })
        }
      }
    }
    var rSquared = [Double?](repeating: nil, count: panel.groupCount)
    if method == .leastSquares {
      let fits: [LogLinearFit?]
      do { fits = try logLinearTrends(lsSeries) } catch { throw .unsupported("least squares failed: \(error)") }
      for (index, group) in lsGroups.enumerated() {
        guard let fit = fits[index] else { continue }
        rates[group] = (exp(fit.slope) - 1) * 100
        rSquared[group] = fit.rSquared
      }
    }
    let groups = (0..<panel.groupCount).map { Int32($0) }
    var columns = panel.keyColumns(groups)
    columns.append(("from", .period(Column(optionals: fromPeriods, placeholder: Period(panel.frequency, ordinal: 0)), panel.frequency)))
    columns.append(("to", .period(Column(optionals: toPeriods, placeholder: Period(panel.frequency, ordinal: 0)), panel.frequency)))
    columns.append(("n", .int64(Column(counts))))
    let rateName = method == .cagr ? "cagr_pct" : (method == .exponential ? "exponential_pct" : "least_squares_pct")
    columns.append((rateName, .double(Column(optionals: rates))))
    if method == .leastSquares { columns.append(("r_squared", .double(Column(optionals: rSquared)))) }
    columns.append(("note", .string(StringColumn(notes))))
    let nullCount = rates.filter { $0 == nil }.count
    let warnings: [IndicatorWarning] = nullCount > 0 ? [.note("\(nullCount) group(s) have no \(method.rawValue) rate (see the note column)")] : []
    do {
      return (try Table(columns), warnings)
    } catch {
      throw .column(error)
    }
  }
}
