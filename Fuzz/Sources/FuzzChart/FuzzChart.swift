import Columnar
import TableIO

import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// libFuzzer entry: the plot pipeline. Arbitrary CSV bytes are read; the first three columns
/// are drawn as period, value and series, as lines and as bars. Whatever the labels and values,
/// the SVG must parse as XML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChart(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let table = try? CSVReader.read(bytes: bytes, name: "fuzz.csv").table, table.schema.names.count >= 2 else { return 0 }
  let names = table.schema.names
  for kind in SVGChart.Kind.allCases {
    var chart = SVGChart(title: names[0], source: "Source: fuzz")
    chart.kind = kind
    guard let svg = try? chart.render(table, period: names[0], value: names[1], series: names.count > 2 ? names[2] : nil) else { continue }
    let parser = XMLParser(data: Data(svg.utf8))
    precondition(parser.parse(), "\(kind) chart is not valid XML: \(parser.parserError.map { "\($0)" } ?? "")")
  }
  return 0
}
