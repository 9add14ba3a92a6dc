@testable import TableIO
import Testing
import _TestSupport

/// The unquoted fast path and the general RFC 4180 tokenizer must agree on every input the
/// fast path accepts: random fields, CRLF or LF, blank lines, ragged rows, no final newline.
@Test(arguments: 0..<200)
func fastPathAgreesWithGeneralTokenizer(seed: Int) {
  var rng = SplitMix64(seed: UInt64(seed))
  let fieldCount = Int.random(in: 1...5, using: &rng)
  var text: [UInt8] = []
  let records = Int.random(in: 0...40, using: &rng)
  let alphabet = Array("abc xyz.-19\r".utf8)
  for _ in 0..<records {
    if Int.random(in: 0..<10, using: &rng) == 0 { text += Bool.random(using: &rng) ? [10] : [13, 10] }
    let fields = Int.random(in: 0..<20, using: &rng) == 0 ? Int.random(in: 1...7, using: &rng) : fieldCount
    for field in 0..<fields {
      if field > 0 { text.append(UInt8(ascii: ",")) }
      for _ in 0..<Int.random(in: 0...6, using: &rng) { text.append(alphabet.randomElement(using: &rng)!) }
    }
    text += Bool.random(using: &rng) ? [10] : [13, 10]
  }
  if !text.isEmpty, Bool.random(using: &rng) { text.removeLast() }
  text.withUnsafeBufferPointer { buffer in
    guard let base = buffer.baseAddress else { return }
    let tokenizer = Tokenizer(base: base, delimiter: UInt8(ascii: ","), fieldCount: fieldCount)
    let until = Int.random(in: 0...buffer.count, using: &rng)
    for (from, stop) in [(0, buffer.count), (0, until)] {
      guard let fast = tokenizer.tokenizeUnquoted(from: from, until: stop, limit: buffer.count, expectedRecords: 0) else {
        Issue.record("fast path refused unquoted text")
        return
      }
      let general = tokenizer.tokenizeGeneral(from: from, until: stop, limit: buffer.count, expectedRecords: 0)
      #expect(fast.recordCount == general.recordCount)
      #expect((0..<fast.recordCount).map { fast.starts[$0] } == (0..<general.recordCount).map { general.starts[$0] })
      #expect((0..<fast.ends.count).map { fast.ends[$0] } == (0..<general.ends.count).map { general.ends[$0] })
      #expect(fast.ragged.map(\.record) == general.ragged.map(\.record))
      #expect(fast.ragged.map(\.fields) == general.ragged.map(\.fields))
    }
  }
}

@Test func fastPathStepsAsideForQuotesAndNul() {
  for text in ["a,b\n1,\"x\"\n", "a,b\n1,x\u{0}\n"] {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      let tokenizer = Tokenizer(base: buffer.baseAddress!, delimiter: UInt8(ascii: ","), fieldCount: 2)
      #expect(tokenizer.tokenizeUnquoted(from: 0, until: buffer.count, limit: buffer.count, expectedRecords: 0) == nil)
    }
  }
}
