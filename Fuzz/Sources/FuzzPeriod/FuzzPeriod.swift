import Columnar

/// libFuzzer entry: period labels. Parsing must never crash; a parsed period's ISO label must
/// parse back to the same period (spans and fiscal years included), and converting to every
/// coarser frequency must work; a period a year later and back is the same period.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPeriod(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let readings: [(Frequency?, Int?, Bool)] =
    ([nil] + Frequency.allCases.map(Optional.some)).map { ($0, nil, false) } + [(nil, 10, false), (nil, 10, true), (nil, 1, true), (.annual, 4, true)]
  for (frequency, fiscalStart, plainYears) in readings {
    guard let parsed = try? PeriodParser.parse(text, as: frequency, fiscalYearStart: fiscalStart, yearsAreFiscal: plainYears) else { continue }
    precondition(parsed.period.advanced(by: 1).advanced(by: -1) == parsed.period, "a year later and back is not \(parsed.period)")
    let again = try? PeriodParser.parse(parsed.period.description)
    precondition(again?.period == parsed.period, "ISO label \(parsed.period) does not read back")
    for target in Frequency.allCases where target < parsed.period.frequency {
      _ = parsed.period.converted(to: target)
    }
    precondition(parsed.period.lastDay >= parsed.period.firstDay, "empty period \(parsed.period)")
  }
  return 0
}
