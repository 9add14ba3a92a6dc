import Columnar
import Indicators
import Refresh
import TableIO

/// libFuzzer entry: every registered indicator on an arbitrary CSV table (the seed corpus holds
/// the heads of the real MMP, RPW, UNHCR and Banxico files, so their adapters are reached).
/// The first byte picks columns for the options. Each indicator must give a result or a typed
/// error (option or data), never crash; a result's CSV must read back with as many rows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndicators(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size >= 2 else { return 0 }
  let pick = Int(data[0])
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  guard let table = try? CSVReader.read(bytes: bytes, name: "fuzz.csv").table else { return 0 }
  let names = table.schema.names
  guard !names.isEmpty else { return 0 }
  func column(_ offset: Int) -> String { names[(pick + offset) % names.count] }
  let keys = [
    "value", "period", "refugees", "population", "successes", "trials", "events", "estimate", "standard-error", "rows", "cols",
    "category", "total-column", "label-column", "remittances-value", "gdp-value",
  ]
  for indicator in IndicatorCatalog.all {
    var pairs = keys.enumerated().map { "\($0.element)=\"\(column($0.offset))\"" }
    if pick & 1 == 1 { pairs.append("by=[\"\(column(7))\"]") }
    if pick & 2 == 2 { pairs.append("where=[\"\(column(3))!=x\"]") }
    // Unknown keys are errors: keep only those the indicator reads, as a spec would.
    var options: (any IndicatorOptions)?
    while options == nil, !pairs.isEmpty {
      do {
        options = try OptionText.options(indicator, pairs)
      } catch {
        guard let key = unknownKey(error.message), let index = pairs.firstIndex(where: { $0.hasPrefix(key + "=") }) else { break }
        pairs.remove(at: index)
      }
    }
    guard let options else { continue }
    let run = IndicatorInputs(tables: ["input": [table]])
    func compute<I: Indicator>(_ type: I.Type) {
      guard let typed = options as? I.Options, (try? typed.validate()) != nil else { return }
      guard let result = try? I.compute(run, options: typed) else { return }
      let text = TableWriter().csv(result.table)
      if result.table.rowCount > 0, let reread = try? CSVReader.read(bytes: Array(text.utf8), name: "result").table {
        precondition(reread.rowCount == result.table.rowCount, "\(I.spec.id): result rows lost in CSV")
      }
    }
    compute(indicator)
  }
  return 0
}

func unknownKey(_ message: String) -> String? {
  guard let start = message.range(of: "unknown key '")?.upperBound, let end = message[start...].firstIndex(of: "'") else { return nil }
  return String(message[start..<end])
}
