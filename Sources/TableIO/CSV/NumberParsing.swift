#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Exact parsers for integers and decimals over raw bytes.
///
/// Integers: optional sign, 1–19 digits, overflow-checked. Decimals: an exact fast path
/// (Clinger 1990: at most 15 digits in all, so at most 15 fractional digits, and one
/// correctly rounded division by an exact power of ten) and `strtod` otherwise, so every
/// result is the correctly rounded double of the text. `nan`, `inf`, `-inf`, `infinity`
/// (any case) are doubles. A thousands separator, when given, must sit between digits.
struct NumberSyntax: Sendable {
  var decimalSeparator: UInt8 = UInt8(ascii: ".")
  var thousandsSeparator: UInt8?

  static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// The integer in `[start, end)`, or `nil` when the text is not an integer or overflows.
  @inline(__always)
  func int64(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
    var index = start
    var negative = false
    if index < end, p[index] == UInt8(ascii: "-") || p[index] == UInt8(ascii: "+") {
      negative = p[index] == UInt8(ascii: "-")
      index += 1
    }
    guard index < end else { return nil }
    var magnitude: UInt64 = 0
    var digits = 0
    var previousWasDigit = false
    while index < end {
      let digit = p[index] &- 48
      if digit < 10 {
        if digits >= 18 {
          let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
          let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
          if overflow1 || overflow2 { return nil }
          magnitude = sum
        } else {
          magnitude = magnitude &* 10 &+ UInt64(digit)
        }
        digits += 1
        previousWasDigit = true
      } else if let separator = thousandsSeparator, p[index] == separator, previousWasDigit, index + 1 < end {
        previousWasDigit = false
      } else {
        return nil
      }
      index += 1
    }
    guard previousWasDigit else { return nil }
    if negative {
      guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
      return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
    }
    guard magnitude <= UInt64(Int64.max) else { return nil }
    return Int64(magnitude)
  }

  /// The decimal in `[start, end)`, or `nil` when the text is not a number.
  @inline(__always)
  func double(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    var index = start
    var negative = false
    if index < end, p[index] == UInt8(ascii: "-") || p[index] == UInt8(ascii: "+") {
      negative = p[index] == UInt8(ascii: "-")
      index += 1
    }
    // All digits go into the mantissa; the exact path needs at most 15 of them (leading
    // zeros included), so the mantissa is below 10^15 < 2^53.
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    if thousandsSeparator == nil {
      while index < end {
        let digit = p[index] &- 48
        if digit >= 10 { break }
        mantissa = mantissa &* 10 &+ UInt64(digit)
        digits += 1
        index += 1
      }
    } else {
      var previousWasDigit = false
      while index < end {
        let digit = p[index] &- 48
        if digit < 10 {
          mantissa = mantissa &* 10 &+ UInt64(digit)
          digits += 1
          previousWasDigit = true
        } else if p[index] == thousandsSeparator!, previousWasDigit {
          previousWasDigit = false
        } else {
          break
        }
        index += 1
      }
      if digits > 0, !previousWasDigit { return nil }
    }
    if index < end, p[index] == decimalSeparator {
      index += 1
      while index < end {
        let digit = p[index] &- 48
        if digit >= 10 { break }
        mantissa = mantissa &* 10 &+ UInt64(digit)
        fractionDigits += 1
        index += 1
      }
    }
    let totalDigits = digits + fractionDigits
    if totalDigits == 0 { return special(p, start, end) }
    if index == end, totalDigits <= 15 {
      let magnitude = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / NumberSyntax.powersOfTen[fractionDigits]
      return negative ? -magnitude : magnitude
    }
    if index < end {
      // Only an exponent may follow.
      guard p[index] | 0x20 == UInt8(ascii: "e") else { return nil }
      var exponentIndex = index + 1
      if exponentIndex < end, p[exponentIndex] == UInt8(ascii: "-") || p[exponentIndex] == UInt8(ascii: "+") {
        exponentIndex += 1
      }
      guard exponentIndex < end else { return nil }
      while exponentIndex < end {
        guard p[exponentIndex] &- 48 < 10 else { return nil }
        exponentIndex += 1
      }
    }
    return slowPath(p, start, end)
  }

  /// `strtod` over a normalised copy (separators removed, decimal point as '.').
  func slowPath(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    var text: [CChar] = []
    text.reserveCapacity(end - start + 1)
    for index in start..<end {
      let byte = p[index]
      if let separator = thousandsSeparator, byte == separator { continue }
      text.append(CChar(bitPattern: byte == decimalSeparator ? UInt8(ascii: ".") : byte))
    }
    text.append(0)
    return text.withUnsafeBufferPointer { buffer -> Double? in
      var endPointer: UnsafeMutablePointer<CChar>?
      let value = strtod(buffer.baseAddress!, &endPointer)
      guard let endPointer, endPointer == UnsafeMutablePointer(mutating: buffer.baseAddress!) + (buffer.count - 1) else {
        return nil
      }
      return value.isFinite ? value : nil  // out of range (e.g. 1e999) is not a number here
    }
  }

  /// `nan`, `inf`, `infinity` with an optional sign (any case).
  func special(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    var index = start
    var negative = false
    if index < end, p[index] == UInt8(ascii: "-") || p[index] == UInt8(ascii: "+") {
      negative = p[index] == UInt8(ascii: "-")
      index += 1
    }
    let word = String(decoding: UnsafeBufferPointer(start: p + index, count: end - index), as: UTF8.self).lowercased()
    switch word {
    case "nan": return .nan
    case "inf", "infinity": return negative ? -.infinity : .infinity
    default: return nil
    }
  }
}
