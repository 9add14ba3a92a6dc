import Indicators

/// Options of an indicator from `KEY=VALUE` texts (the generic command line of an indicator
/// with no dedicated command): each value is read as a spec value (`by=["A","B"]`, `lag=2`,
/// `ytd=true`), and a bare word as a string (`method=yoy`), then decoded exactly as the keys of
/// a refresh spec's `[[output]]` table.
public enum OptionText {
  /// Decodes and validates `pairs` as the options of `indicator`.
  /// - Throws: ``OptionError`` naming the key: malformed pair, unknown key, wrong type, bad value.
  public static func options(_ indicator: any Indicator.Type, _ pairs: [String]) throws(OptionError) -> any IndicatorOptions {
    var entries: [TOMLEntry] = []
    for (index, pair) in pairs.enumerated() {
      guard let equals = pair.firstIndex(of: "="), !pair[..<equals].isEmpty else { throw OptionError("option", "'\(pair)' must be KEY=VALUE") }
      let key = String(pair[..<equals])
      let text = String(pair[pair.index(after: equals)...])
      let value: TOMLValue
      if let parsed = try? TOMLSubset.parse("x = " + text).first?.entries.first?.value {
        value = parsed
      } else {
        value = .string(text)
      }
      entries.append(TOMLEntry(key: key, value: value, line: index + 1))
    }
    let decoder = TOMLOptionsDecoder(entries: entries)
    let options: any IndicatorOptions
    do { options = try decoder.decodeOptions(indicator.optionsType) } catch {
      if case .spec(_, _, let message) = decoder.specError(error, file: "", line: 0) { throw OptionError("option", message) }
      throw OptionError("option", "\(error)")
    }
    if let unknown = entries.first(where: { !decoder.used.contains($0.key) }) {
      throw OptionError("option", "unknown key '\(unknown.key)' for \(indicator.spec.id) (known: \(decoder.used.sorted().joined(separator: ", ")))")
    }
    return options
  }
}
