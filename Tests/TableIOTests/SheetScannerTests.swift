import Foundation
import Testing
import ZIPFoundation
import _TestSupport

@testable import TableIO

/// The hand-written worksheet scanner against the XMLParser reading it replaced
/// (`SheetOracle.swift`): the same cells, merged ranges and bad addresses on every fixture
/// sheet and on generated sheets that use what SpreadsheetML writers emit (entities, character
/// references, rich and phonetic runs, formulas, cells without `r`, self-closing cells,
/// namespace prefixes, single quotes, comments, CDATA); and refusal of sheets that are not
/// well-formed XML — stricter than the oracle, which (fed from a stream) accepts a truncated
/// part such as `<worksheet>` or an unclosed comment, and so would read a cut sheet as shorter.
func scanned(_ xml: String) throws(WorkbookError) -> SheetScanner.Result { try WorkbookParts.scanSheet(Data(xml.utf8), part: "sheet.xml") }

func expectSameReading(_ xml: String, _ comment: Comment? = nil) throws {
  let oracle = try #require(oracleReading(Data(xml.utf8)), "XMLParser rejects \(comment?.description ?? xml)")
  let mine = try scanned(xml)
  #expect(mine.cells == oracle.cells, comment)
  #expect(mine.merged == oracle.merged, comment)
  #expect(mine.badReference == oracle.badReference, comment)
}

@Test func scannerReadsTheFixtureSheetsAsXMLParserDoes() throws {
  let folder = TestPaths.packageRoot + "/Tests/TableIOTests/Fixtures/xlsx/"
  var sheets = 0
  for file in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where file.hasSuffix(".xlsx") && file != "badutf8.xlsx" {
    let archive = try Archive(url: URL(fileURLWithPath: folder + file), accessMode: .read)
    for entry in archive where entry.path.hasPrefix("xl/worksheets/") && entry.path.hasSuffix(".xml") {
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      try expectSameReading(String(decoding: data, as: UTF8.self), "\(file) \(entry.path)")
      sheets += 1
    }
  }
  #expect(sheets >= 10)
}

@Test func scannerReadsWhatWritersEmit() throws {
  let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
  let cases = [
    // Entities and character references in values, inline strings and attributes.
    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet \#(ns)><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x4E2D;</t></is></c><c r='B1' t='str'><f>A1&amp;""</f><v>x&#10;y</v></c></row></sheetData></worksheet>"#,
    // Rich text with a phonetic run; cells without r; a self-closing cell; a formula with a cached value.
    #"<worksheet \#(ns)><sheetData><row><c t="inlineStr"><is><r><t>Ciudad de </t></r><r><rPr><b/></rPr><t xml:space="preserve">México </t></r><rPh sb="0" eb="1"><t>X</t></rPh></is></c><c s="3"/><c><f>1+1</f><v>2</v></c></row><row r="4"><c r="C4"><v>1.5E-3</v></c><c><v>7</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#,
    // Namespace prefixes, comments, CDATA, a processing instruction, whitespace everywhere.
    #"<?xml version="1.0"?>"# + "\n<!-- made by hand -->\n" + #"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData> <x:row r = "2" ><x:c r="A2" t="s" ><x:v>0</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t><![CDATA[<raw> & text]]></x:t></x:is></x:c><?pi data?></x:row></x:sheetData></x:worksheet>"# + "\n",
    // A bad address, a value outside any cell, attributes Cifra does not read.
    #"<worksheet \#(ns) xmlns:x14ac="urn:x"><sheetData><row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="ZZZZ1"><v>1</v></c><c r="A1" t="b" s="2"><v>1</v></c></row></sheetData><v>9</v></worksheet>"#,
    // Empty.
    #"<worksheet \#(ns)><sheetData/></worksheet>"#,
  ]
  for xml in cases { try expectSameReading(xml) }
  // A generated sheet of 1,000 rows with every kind of cell, text with entities and non-ASCII.
  var xml = "<worksheet \(ns)><sheetData>"
  for row in 1...1000 {
    xml += #"<row r="\#(row)"><c r="A\#(row)" t="inlineStr"><is><t>región &amp; \#(row % 7) ñ</t></is></c>"#
    xml += #"<c r="B\#(row)" s="\#(row % 3)"><v>\#(Double(row) / 8)</v></c><c r="C\#(row)" t="s"><v>\#(row % 5)</v></c>"#
    xml += row % 4 == 0 ? #"<c r="D\#(row)"/>"# : #"<c r="D\#(row)" t="b"><v>\#(row % 2)</v></c>"#
    xml += "</row>"
  }
  xml += "</sheetData></worksheet>"
  try expectSameReading(xml, "generated")
  #expect(try scanned(xml).cells.count == 4000)
}

@Test func scannerRefusesWhatIsNotWellFormed() {
  let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
  let bad = [
    "", "   ", "text only", "<worksheet>", "<worksheet></sheet>", #"<worksheet \#(ns)><sheetData></worksheet></sheetData>"#,
    "<worksheet a=1/>", "<worksheet a=\"1/>", "<worksheet><c>&bogus;</c></worksheet>", "<worksheet><c>&#0;</c></worksheet>",
    "<worksheet><c>a & b</c></worksheet>", "<worksheet/><worksheet/>", "<worksheet/>trailing", "<!DOCTYPE x [<!ENTITY a \"b\">]><worksheet>&a;</worksheet>",
    "<worksheet><!-- never ends</worksheet>", "<worksheet><![CDATA[x</worksheet>", "<worksheet a=\"<\"/>", "<worksheet></worksheet", "< worksheet/>",
    "<worksheet><c r=\"A1\"><v>&#xD800;</v></c></worksheet>",
  ]
  for xml in bad {
    #expect(throws: WorkbookError.self, "\(xml)") { try scanned(xml) }
  }
}
