import Columnar

/// What a CSV column is converted to.
enum ColumnTarget: Equatable {
  /// Not decided yet: infer from the values.
  case inferred
  case plain(DataType)
  case date(DateFormat)
  case anyPeriod
  /// int64 or double as inferred; anything else read as double (so the first non-number fails).
  case anyNumber
}

/// Which types every non-null value of a column fits (combined over chunks with AND).
struct TypeEvidence {
  var values = 0
  var int = true
  var double = true
  var bool = true
  var dates: UInt8

  init(dateMask: UInt8) { dates = dateMask }

  mutating func merge(_ other: TypeEvidence) {
    values += other.values
    int = int && other.int
    double = double && other.double
    bool = bool && other.bool
    dates &= other.dates
  }
}

/// Converts tokenized fields into typed columns, in parallel over chunks.
struct ConversionContext {
  let file: FileBytes
  let name: String
  let chunks: [TokenizedChunk]
  let fieldCount: Int
  let jobs: Int
  let syntax: NumberSyntax
  let nullTokens: [[UInt8]]

  var rowOffsets: [Int] {
    var offsets = [0]
    for chunk in chunks { offsets.append(offsets.last! + chunk.recordCount) }
    return offsets
  }

  static let allDateFormats = DateFormat.allCases

  /// Content range of a field (quotes stripped; may contain doubled quotes) or `nil` if null.
  @inline(__always)
  func content(_ chunk: TokenizedChunk, _ record: Int, _ field: Int) -> (start: Int, end: Int, quoted: Bool)? {
    let range = FieldRange.of(chunk, record: record, field: field, fieldCount: fieldCount)
    var start = range.start
    var end = range.end
    var quoted = false
    if end - start >= 2, file.base[start] == Tokenizer.quote {
      start += 1
      end -= 1
      quoted = true
    }
    if start == end { return nil }
    if !nullTokens.isEmpty {
      let length = end - start
      for token in nullTokens where token.count == length {
        if token.withUnsafeBufferPointer({ memcmpBytes($0.baseAddress!, file.base + start, length) }) { return nil }
      }
    }
    return (start, end, quoted)
  }

  static func isBool(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool? {
    let length = end - start
    guard length == 4 || length == 5 else { return nil }
    let word = (start..<end).map { p[$0] | 0x20 }
    if word == Array("true".utf8) { return true }
    if word == Array("false".utf8) { return false }
    return nil
  }

  // MARK: Inference

  /// Evidence over every record, or over the first `sample` records of the file when given
  /// (the same records whatever the chunking).
  func evidence(_ column: Int, dateFormat: DateFormat?, sample: Int? = nil) -> TypeEvidence {
    let mask: UInt8 = dateFormat.map { 1 << UInt8(ConversionContext.allDateFormats.firstIndex(of: $0)!) } ?? 0xFF
    let slots = SlotBuffer<TypeEvidence>(count: chunks.count)
    let p = file.base
    var limits = [Int](repeating: 0, count: chunks.count)
    var remaining = sample ?? Int.max
    for task in chunks.indices {
      limits[task] = min(chunks[task].recordCount, remaining)
      remaining -= limits[task]
    }
    parallelFor(jobs: sample == nil ? jobs : 1, taskCount: chunks.count) { task in
      let chunk = chunks[task]
      var evidence = TypeEvidence(dateMask: mask)
      for record in 0..<limits[task] {
        guard let field = content(chunk, record, column) else { continue }
        evidence.values += 1
        if evidence.int {
          if syntax.int64(p, field.start, field.end) != nil { continue }
          evidence.int = false
        }
        if evidence.double {
          if syntax.double(p, field.start, field.end) != nil { continue }
          evidence.double = false
        }
        if evidence.dates != 0 {
          for (bit, format) in ConversionContext.allDateFormats.enumerated() where evidence.dates & (1 << UInt8(bit)) != 0 {
            if DateParsing.parse(format, p, field.start, field.end) == nil { evidence.dates &= ~(1 << UInt8(bit)) }
          }
        }
        if evidence.bool, ConversionContext.isBool(p, field.start, field.end) == nil { evidence.bool = false }
        if !evidence.double, evidence.dates == 0, !evidence.bool { break }
      }
      slots[task] = evidence
    }
    var combined = TypeEvidence(dateMask: mask)
    for task in 0..<chunks.count { combined.merge(slots[task]!) }
    return combined
  }

  func resolveDateFormat(_ mask: UInt8) -> DateFormat? {
    let formats = ConversionContext.allDateFormats.enumerated().filter { mask & (1 << UInt8($0.offset)) != 0 }.map(\.element)
    return formats.count == 1 ? formats[0] : nil
  }

  /// The narrowest type every value fits (over a sample when `sample` is given; `nil` when
  /// the sample holds no value).
  func inferTarget(_ column: Int, dateFormat: DateFormat?, sample: Int? = nil) -> ColumnTarget? {
    let evidence = evidence(column, dateFormat: dateFormat, sample: sample)
    if evidence.values == 0 { return sample == nil ? .plain(.string) : nil }
    if evidence.int { return .plain(.int64) }
    if evidence.double { return .plain(.double) }
    if let format = resolveDateFormat(evidence.dates) { return .date(format) }
    if evidence.bool { return .plain(.bool) }
    return .plain(.string)
  }

  func inferDateFormat(_ column: Int) -> DateFormat? {
    resolveDateFormat(evidence(column, dateFormat: nil).dates)
  }

  // MARK: Conversion

  struct Converted {
    let column: AnyColumn
    let preliminary: Column<Bool>?
  }

  struct FirstFailure {
    let record: Int
  }

  func failure(_ chunkIndex: Int, _ record: Int, column: Int, columnName: String, expected: String) -> TableIOError {
    let chunk = chunks[chunkIndex]
    let range = FieldRange.of(chunk, record: record, field: column, fieldCount: fieldCount)
    let text = String(decoding: FieldRange.unquoted(file.base, range.start, range.end), as: UTF8.self)
    // Text that reads as a non-finite number (NaN, inf) is refused as data, with its own hint.
    let nonFinite = expected == "a number" && syntax.double(file.base, range.start, range.end).map { !$0.isFinite } == true
    let wanted = nonFinite ? "a finite number (NaN and inf are not data: the option null-token \(text) reads them as null)" : expected
    return .malformedValue(file: name, line: file.line(at: range.start), column: columnName, text: text, expected: wanted)
  }

  /// Fills one fixed-width column in parallel; `parse` returns `nil` for a malformed value.
  func fixedWidth<T>(
    _ column: Int, columnName: String, expected: String, placeholder: T,
    _ parse: (UnsafePointer<UInt8>, Int, Int) -> T?
  ) throws(TableIOError) -> Column<T> {
    let offsets = rowOffsets
    let rows = offsets.last!
    let failures = SlotBuffer<Int>(count: chunks.count)
    let nullRows = SlotBuffer<[Int]>(count: chunks.count)
    let p = file.base
    let values = [T](unsafeUninitializedCapacity: rows) { buffer, initialized in
      let box = UncheckedSendable(buffer)
      parallelFor(jobs: jobs, taskCount: chunks.count) { task in
        let chunk = chunks[task]
        let out = box.value.baseAddress! + offsets[task]
        var nulls: [Int] = []
        for record in 0..<chunk.recordCount {
          guard let field = content(chunk, record, column) else {
            (out + record).initialize(to: placeholder)
            nulls.append(offsets[task] + record)
            continue
          }
          if let value = parse(p, field.start, field.end) {
            (out + record).initialize(to: value)
          } else {
            (out + record).initialize(to: placeholder)
            nulls.append(offsets[task] + record)
            if failures[task] == nil { failures[task] = record }
          }
        }
        nullRows[task] = nulls
      }
      initialized = rows
    }
    for task in 0..<chunks.count {
      if let record = failures[task] {
        throw failure(task, record, column: column, columnName: columnName, expected: expected)
      }
    }
    return Column(values, validity: ConversionContext.validity(nullRows: nullRows, rows: rows))
  }

  /// A mask with the listed rows null, or `nil` when no row is.
  static func validity(nullRows: SlotBuffer<[Int]>, rows: Int) -> Validity? {
    let lists = nullRows.values().map { $0 ?? [] }
    guard lists.contains(where: { !$0.isEmpty }) else { return nil }
    var mask = Validity(repeating: true, count: rows)
    for list in lists {
      for row in list { mask.setNull(row) }
    }
    return mask
  }

  /// Dictionary-encodes one column: per-chunk interners merged in chunk order, so codes follow
  /// first appearance in the file whatever the number of chunks.
  func dictionary(_ column: Int) -> StringColumn {
    let offsets = rowOffsets
    let rows = offsets.last!
    let interners = SlotBuffer<StringInterner>(count: chunks.count)
    let nullRows = SlotBuffer<[Int]>(count: chunks.count)
    let p = file.base
    var codes = [Int32](unsafeUninitializedCapacity: rows) { buffer, initialized in
      let box = UncheckedSendable(buffer)
      parallelFor(jobs: jobs, taskCount: chunks.count) { task in
        let chunk = chunks[task]
        var interner = StringInterner()
        var nulls: [Int] = []
        let out = box.value.baseAddress! + offsets[task]
        for record in 0..<chunk.recordCount {
          guard let field = content(chunk, record, column) else {
            out[record] = -1
            nulls.append(offsets[task] + record)
            continue
          }
          if field.quoted, memchrQuote(p, field.start, field.end) {
            out[record] = interner.intern(FieldRange.unquoted(p, field.start - 1, field.end + 1))
          } else {
            out[record] = interner.intern(p, field.start, field.end)
          }
        }
        interners[task] = interner
        nullRows[task] = nulls
      }
      initialized = rows
    }
    // Merge dictionaries in chunk order and remap codes.
    var dictionary: [String] = []
    var lookup: [String: Int32] = [:]
    var remaps: [[Int32]] = []
    for task in 0..<chunks.count {
      let local = interners[task]!.strings()
      var remap = [Int32](repeating: 0, count: local.count)
      for (localCode, string) in local.enumerated() {
        if let code = lookup[string] {
          remap[localCode] = code
        } else {
          let code = Int32(dictionary.count)
          lookup[string] = code
          dictionary.append(string)
          remap[localCode] = code
        }
      }
      remaps.append(remap)
    }
    let needsRemap = remaps.contains { remap in remap.enumerated().contains { $0.offset != Int($0.element) } }
    if needsRemap {
      codes.withUnsafeMutableBufferPointer { buffer in
        let box = UncheckedSendable(buffer)
        parallelFor(jobs: jobs, taskCount: chunks.count) { task in
          let remap = remaps[task]
          for row in offsets[task]..<offsets[task + 1] where box.value[row] >= 0 {
            box.value[row] = remap[Int(box.value[row])]
          }
        }
      }
    }
    let validity = ConversionContext.validity(nullRows: nullRows, rows: rows)
    if validity != nil {
      for row in codes.indices where codes[row] < 0 { codes[row] = 0 }
    }
    return StringColumn(codes: Column(codes, validity: validity), dictionary: dictionary)
  }

  func convert(_ column: Int, name columnName: String, to target: ColumnTarget) throws(TableIOError) -> Converted {
    let syntax = self.syntax
    switch target {
    case .plain(.int64):
      return Converted(
        column: .int64(try fixedWidth(column, columnName: columnName, expected: "an integer (int64)", placeholder: 0) {
          syntax.int64($0, $1, $2)
        }), preliminary: nil)
    case .plain(.double):
      return Converted(
        column: .double(
          try fixedWidth(column, columnName: columnName, expected: "a number", placeholder: 0) {
            // Non-finite text (`NaN`, `inf`) is typed as a number but refused as a value.
            syntax.double($0, $1, $2).flatMap { $0.isFinite ? $0 : nil }
          }), preliminary: nil)
    case .plain(.bool):
      return Converted(
        column: .bool(try fixedWidth(column, columnName: columnName, expected: "a boolean (true/false)", placeholder: false) {
          ConversionContext.isBool($0, $1, $2)
        }), preliminary: nil)
    case .date(let format):
      return Converted(
        column: .date(try fixedWidth(column, columnName: columnName, expected: "a date (\(format.rawValue))", placeholder: 0) {
          DateParsing.parse(format, $0, $1, $2)
        }), preliminary: nil)
    case .plain(.date):
      return try convert(column, name: columnName, to: .date(.iso))
    case .plain(.string):
      return Converted(column: .string(dictionary(column)), preliminary: nil)
    case .plain(.period(let frequency)):
      return try periods(column, name: columnName, frequency: frequency)
    case .anyPeriod:
      return try periods(column, name: columnName, frequency: nil)
    case .anyNumber:
      return try convert(column, name: columnName, to: .plain(.double))
    case .inferred:
      preconditionFailure("convert(_:name:to:) needs a resolved target")
    }
  }

  /// Parses each distinct label once; the frequency is the requested one, or the labels' own
  /// (which must then agree).
  func periods(_ column: Int, name columnName: String, frequency: Frequency?) throws(TableIOError) -> Converted {
    let strings = dictionary(column)
    var parsed: [ParsedPeriod] = []
    for (code, label) in strings.dictionary.enumerated() {
      do {
        parsed.append(try PeriodParser.parse(label, as: frequency))
      } catch {
        throw malformedAtFirstUse(strings, code: code, column: column, columnName: columnName, expected: "a period (\(error))")
      }
    }
    let resolved = frequency ?? parsed.first?.period.frequency ?? .annual
    if let mixed = parsed.firstIndex(where: { $0.period.frequency != resolved }) {
      throw malformedAtFirstUse(
        strings, code: mixed, column: column, columnName: columnName,
        expected: "a period of frequency \(resolved.rawValue) like the column's other labels (the option type \(columnName)=period[A] converts them)")
    }
    let placeholder = Period(resolved, ordinal: 0)
    let values = strings.codes.values.enumerated().map { row, code in
      strings.codes.isValid(row) ? parsed[Int(code)].period : placeholder
    }
    let periodColumn = Column(values, validity: strings.codes.validity)
    var preliminary: Column<Bool>?
    if parsed.contains(where: \.preliminary) {
      preliminary = Column(
        strings.codes.values.enumerated().map { row, code in strings.codes.isValid(row) && parsed[Int(code)].preliminary },
        validity: strings.codes.validity)
    }
    return Converted(column: .period(periodColumn, resolved), preliminary: preliminary)
  }

  func malformedAtFirstUse(_ strings: StringColumn, code: Int, column: Int, columnName: String, expected: String) -> TableIOError {
    let row = strings.codes.values.enumerated().first { strings.codes.isValid($0.offset) && Int($0.element) == code }!.offset
    var chunkIndex = 0
    var record = row
    while record >= chunks[chunkIndex].recordCount {
      record -= chunks[chunkIndex].recordCount
      chunkIndex += 1
    }
    return failure(chunkIndex, record, column: column, columnName: columnName, expected: expected)
  }
}

@inline(__always)
func memchrQuote(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
  for index in start..<end where p[index] == Tokenizer.quote { return true }
  return false
}
