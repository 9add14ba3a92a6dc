import Columnar

/// libFuzzer entry: period labels. Parsing must never crash; a parsed period's ISO label must
/// parse back to the same period, and converting to every coarser frequency must work.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPeriod(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  for frequency in [nil] + Frequency.allCases.map(Optional.some) {
    guard let parsed = try? PeriodParser.parse(text, as: frequency) else { continue }
    let again = try? PeriodParser.parse(parsed.period.description)
    precondition(again?.period == parsed.period, "ISO label \(parsed.period) does not read back")
    for target in Frequency.allCases where target < parsed.period.frequency {
      _ = parsed.period.converted(to: target)
    }
    precondition(parsed.period.lastDay >= parsed.period.firstDay, "empty period \(parsed.period)")
  }
  return 0
}
