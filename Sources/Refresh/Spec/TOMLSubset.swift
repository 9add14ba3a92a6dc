/// A value of the TOML subset Cifra's refresh specs use.
public enum TOMLValue: Equatable, Sendable {
  case string(String)
  case integer(Int)
  case float(Double)
  case bool(Bool)
  case array([TOMLValue])

  var typeName: String {
    switch self {
    case .string: "a string"
    case .integer: "an integer"
    case .float: "a number"
    case .bool: "true or false"
    case .array: "an array"
    }
  }
}

/// One `key = value` with the line it came from.
public struct TOMLEntry: Equatable, Sendable {
  public let key: String
  public let value: TOMLValue
  public let line: Int
}

/// A `[table]` or one element of `[[array]]`, with its entries in order.
public struct TOMLTable: Equatable, Sendable {
  public let name: String
  public let line: Int
  public var entries: [TOMLEntry]
}

/// Errors parsing a spec, each naming the line.
public struct TOMLError: Error, Equatable, Sendable, CustomStringConvertible {
  public let line: Int
  public let message: String
  public var description: String { "line \(line): \(message)" }
}

/// A strict parser for the subset of TOML 1.0 that refresh specs use: `[table]`,
/// `[[array-of-tables]]`, bare or quoted keys, basic and literal strings, integers, floats,
/// booleans and (multi-line) arrays of those, `#` comments. Anything else is an error naming
/// the line — never ignored. (Written here rather than taken from TOMLKit so every key keeps
/// its line number for error messages.)
public enum TOMLSubset {
  /// Parses `text` into top-level entries (table name "") and tables, in order.
  public static func parse(_ text: String) throws(TOMLError) -> [TOMLTable] {
    var tables = [TOMLTable(name: "", line: 1, entries: [])]
    // "\r\n" is one Character in Swift: split on both line ends (CRLF specs are valid).
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    var index = 0
    var seenTables = Set<String>()
    while index < lines.count {
      let lineNumber = index + 1
      var line = stripComment(lines[index]).trimmed()
      index += 1
      if line.isEmpty { continue }
      if line.hasPrefix("[[") {
        guard line.hasSuffix("]]") else { throw TOMLError(line: lineNumber, message: "expected ']]' to close '\(line)'") }
        let name = String(line.dropFirst(2).dropLast(2)).trimmed()
        try checkKey(name, line: lineNumber)
        tables.append(TOMLTable(name: name, line: lineNumber, entries: []))
        continue
      }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]") else { throw TOMLError(line: lineNumber, message: "expected ']' to close '\(line)'") }
        let name = String(line.dropFirst().dropLast()).trimmed()
        try checkKey(name, line: lineNumber)
        guard seenTables.insert(name).inserted else { throw TOMLError(line: lineNumber, message: "table [\(name)] defined twice") }
        tables.append(TOMLTable(name: name, line: lineNumber, entries: []))
        continue
      }
      guard let equals = line.firstIndex(of: "=") else {
        throw TOMLError(line: lineNumber, message: "expected 'key = value', found '\(line)'")
      }
      var key = String(line[..<equals]).trimmed()
      if key.hasPrefix("\""), key.hasSuffix("\""), key.count >= 2 { key = String(key.dropFirst().dropLast()) } else {
        try checkKey(key, line: lineNumber)
      }
      var valueText = String(line[line.index(after: equals)...]).trimmed()
      // Multi-line arrays: keep reading until the brackets balance.
      while valueText.hasPrefix("["), !bracketsBalance(valueText) {
        guard index < lines.count else { throw TOMLError(line: lineNumber, message: "array is never closed with ']'") }
        line = stripComment(lines[index]).trimmed()
        index += 1
        valueText += " " + line
      }
      var cursor = valueText.startIndex
      let value = try parseValue(valueText, &cursor, line: lineNumber)
      skipSpaces(valueText, &cursor)
      guard cursor == valueText.endIndex else {
        throw TOMLError(line: lineNumber, message: "unexpected text after the value: '\(valueText[cursor...])'")
      }
      if tables[tables.count - 1].entries.contains(where: { $0.key == key }) {
        throw TOMLError(line: lineNumber, message: "key '\(key)' defined twice")
      }
      tables[tables.count - 1].entries.append(TOMLEntry(key: key, value: value, line: lineNumber))
    }
    return tables
  }

  static func checkKey(_ key: String, line: Int) throws(TOMLError) {
    guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else {
      throw TOMLError(line: line, message: "invalid key '\(key)'")
    }
  }

  static func stripComment(_ line: String) -> String {
    var inBasic = false
    var inLiteral = false
    var previous: Character = " "
    for (offset, character) in line.enumerated() {
      if character == "\"", !inLiteral, previous != "\\" { inBasic.toggle() }
      if character == "'", !inBasic { inLiteral.toggle() }
      if character == "#", !inBasic, !inLiteral { return String(line.prefix(offset)) }
      previous = character
    }
    return line
  }

  static func bracketsBalance(_ text: String) -> Bool {
    var depth = 0
    var inString: Character?
    var previous: Character = " "
    for character in text {
      if let quote = inString {
        if character == quote, !(quote == "\"" && previous == "\\") { inString = nil }
      } else if character == "\"" || character == "'" {
        inString = character
      } else if character == "[" {
        depth += 1
      } else if character == "]" {
        depth -= 1
      }
      previous = character
    }
    return depth == 0
  }

  static func skipSpaces(_ text: String, _ cursor: inout String.Index) {
    while cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\t" { cursor = text.index(after: cursor) }
  }

  /// Arrays nest at most this deep (a spec needs 1; the limit keeps hostile input off the stack).
  static let maximumDepth = 16

  static func parseValue(_ text: String, _ cursor: inout String.Index, line: Int, depth: Int = 0) throws(TOMLError) -> TOMLValue {
    guard depth <= maximumDepth else { throw TOMLError(line: line, message: "arrays nest deeper than \(maximumDepth) levels") }
    skipSpaces(text, &cursor)
    guard cursor < text.endIndex else { throw TOMLError(line: line, message: "missing value after '='") }
    let first = text[cursor]
    if first == "\"" {
      var result = ""
      cursor = text.index(after: cursor)
      while cursor < text.endIndex, text[cursor] != "\"" {
        if text[cursor] == "\\" {
          cursor = text.index(after: cursor)
          guard cursor < text.endIndex else { break }
          switch text[cursor] {
          case "n": result.append("\n")
          case "t": result.append("\t")
          case "\\": result.append("\\")
          case "\"": result.append("\"")
          default: throw TOMLError(line: line, message: "unsupported escape '\\\(text[cursor])' in a string")
          }
        } else {
          result.append(text[cursor])
        }
        cursor = text.index(after: cursor)
      }
      guard cursor < text.endIndex else { throw TOMLError(line: line, message: "string is never closed with '\"'") }
      cursor = text.index(after: cursor)
      return .string(result)
    }
    if first == "'" {
      let start = text.index(after: cursor)
      guard let end = text[start...].firstIndex(of: "'") else { throw TOMLError(line: line, message: "string is never closed with \"'\"") }
      cursor = text.index(after: end)
      return .string(String(text[start..<end]))
    }
    if first == "[" {
      var items: [TOMLValue] = []
      cursor = text.index(after: cursor)
      while true {
        skipSpaces(text, &cursor)
        guard cursor < text.endIndex else { throw TOMLError(line: line, message: "array is never closed with ']'") }
        if text[cursor] == "]" {
          cursor = text.index(after: cursor)
          return .array(items)
        }
        items.append(try parseValue(text, &cursor, line: line, depth: depth + 1))
        skipSpaces(text, &cursor)
        if cursor < text.endIndex, text[cursor] == "," { cursor = text.index(after: cursor) }
      }
    }
    var end = cursor
    while end < text.endIndex, !" ,]\t".contains(text[end]) { end = text.index(after: end) }
    let word = String(text[cursor..<end])
    cursor = end
    if word == "true" { return .bool(true) }
    if word == "false" { return .bool(false) }
    let digits = word.replacingUnderscores()
    if let integer = Int(digits) { return .integer(integer) }
    if let number = Double(digits), digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .float(number) }
    throw TOMLError(line: line, message: "cannot read '\(word)' as a value (strings need quotes)")
  }
}

extension String {
  func trimmed() -> String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return String(text)
  }

  func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
