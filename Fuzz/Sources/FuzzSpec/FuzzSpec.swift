import Refresh

/// libFuzzer entry: refresh and audit spec parsers on arbitrary text. They must throw a
/// line-numbered error or parse; never crash. Error lines must lie inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  // Lines as the spec parser counts them: "\r\n" is one Character, so split on both line ends.
  let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).count
  do {
    _ = try RefreshSpec(text: text, path: "fuzz.toml")
  } catch let RefreshError.spec(_, line, _) {
    precondition(line >= 1 && line <= lines, "spec error line \(line) outside 1...\(lines)")
  } catch {}
  do {
    _ = try AuditSpec(text: text, path: "fuzz.toml")
  } catch let RefreshError.spec(_, line, _) {
    precondition(line >= 1 && line <= lines, "audit error line \(line) outside 1...\(lines)")
  } catch {}
  return 0
}
