#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Columnar
import Foundation
import ZIPFoundation

/// A table read from CSV, with what the reader found out about the file.
public struct CSVReadResult: Sendable {
  /// The data.
  public let table: Table
  /// The encoding the bytes were decoded from (`auto` resolves to `utf8` or `cp1252`).
  public let encoding: TextEncoding
  /// Whether a UTF-8 byte-order mark was skipped.
  public let hadByteOrderMark: Bool
  /// The delimiter used.
  public let delimiter: UInt8
  /// Records dropped at the end as a footer (detected or requested).
  public let footerRecords: Int
  /// The date layout chosen for each date column.
  public let dateFormats: [String: DateFormat]
  /// For a workbook: where each data row and column came from, to name cells in later errors.
  var sheetCells: SheetCells?
}

/// Where the rows and columns of a table read from a worksheet are on the sheet.
struct SheetCells: Sendable {
  let sheet: String
  /// The sheet row of each data row.
  let rows: [Int]
  /// The sheet column of each header name.
  let columns: [String: Int]

  /// `Datos!B5` for data row `row` of column `column`, when known.
  func name(row: Int, column: String) -> String? {
    guard rows.indices.contains(row), let index = columns[column] else { return nil }
    return WorkbookReader.cellName(sheet, CellReference(column: index, row: rows[row]))
  }
}

/// Reads CSV files into typed columnar tables.
///
/// RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes), a header row,
/// delimiter `,` `;` or tab, UTF-8 with or without BOM or Windows-1252, CRLF/LF, no final
/// newline needed, blank lines skipped. Blank fields are null; other null tokens only when
/// asked. Types are inferred from every value of a column (not a sample): int64, then double,
/// then date, then bool, else string; a column with no value is a string column of nulls.
/// Slash dates whose day/month order cannot be told apart stay strings unless a date format
/// is given. Parsing runs over a memory-mapped file in parallel chunks; the result is
/// bit-identical for any number of jobs.
public enum CSVReader {
  /// Reads the CSV file at `path`.
  /// - Throws: ``TableIOError`` naming the file, line, column and the offending text.
  /// Reads the CSV file at `path`; `-` reads standard input to its end (named `<stdin>` in
  /// messages).
  ///
  /// An .xlsx workbook (known by its ZIP signature and `xl/workbook.xml` part, whatever the
  /// file's name) is read by ``WorkbookReader``; the workbook options (`sheet`, `range`,
  /// `headerRow`) given for a CSV file are an error, not ignored.
  public static func read(_ path: String, options: CSVOptions = CSVOptions()) throws(TableIOError) -> CSVReadResult {
    let name = path == "-" ? "<stdin>" : path
    return try read(path == "-" ? try FileBytes.standardInput() : try FileBytes.map(path), name: name, options: options)
  }

  /// Reads CSV text held in memory (`name` is used in error messages).
  public static func read(bytes: [UInt8], name: String, options: CSVOptions = CSVOptions()) throws(TableIOError) -> CSVReadResult {
    guard !bytes.isEmpty else { throw .emptyFile(file: name) }
    return try read(FileBytes.owned(bytes), name: name, options: options)
  }

  /// Reads the table, then reshapes it as `options` ask (``CSVOptions/wide``,
  /// ``CSVOptions/periodParts``, ``CSVOptions/fiscalYearLabels``), CSV and workbooks alike.
  static func read(_ raw: FileBytes, name: String, options: CSVOptions) throws(TableIOError) -> CSVReadResult {
    guard options.wide || options.periodParts != nil || options.fiscalYearLabels != nil else { return try readCells(raw, name: name, options: options) }
    // Read every column, make the table long and/or build its period, then project to what was asked.
    var all = options
    (all.wide, all.periodParts, all.fiscalYearLabels, all.columns, all.optionalColumns) = (false, nil, nil, nil, [])
    all.types = all.types.filter { $0.key != "period" && $0.key != "value" }  // columns of the long table
    let read = try readCells(raw, name: name, options: all)
    var long = read.table
    do {
      if options.wide { long = try long.longFromPeriodColumns() }
      if let parts = options.periodParts { long = try long.withPeriod(from: parts) }
      if let start = options.fiscalYearLabels { long = try long.withFiscalYearLabels(startingIn: start) }
    } catch {
      if case .badValue(let column, let row, let text, let expected) = error {
        // Rows of the long table of --wide are not sheet rows.
        if !options.wide, let cell = read.sheetCells?.name(row: row, column: column) {
          throw .badCell(file: name, cell: cell, text: text, expected: expected)
        }
        if read.sheetCells != nil {
          throw .workbook(file: name, message: "column '\(column)', data row \(row + 1): cannot read '\(text)' as \(expected)")
        }
        throw .malformedValue(file: name, line: row + 2 + options.skipRows, column: column, text: text, expected: expected)
      }
      throw .invalidOption("\(name): \(error)")
    }
    if let wanted = options.columns {
      let present = wanted.filter { long.schema.names.contains($0) }
      for key in wanted where !present.contains(key) && !options.optionalColumns.contains(key) {
        throw .unknownColumn(file: name, name: key, available: long.schema.names)
      }
      do { long = try long.select(present) } catch { throw .invalidOption("\(name): \(error)") }
    }
    return CSVReadResult(
      table: long, encoding: read.encoding, hadByteOrderMark: read.hadByteOrderMark, delimiter: read.delimiter,
      footerRecords: read.footerRecords, dateFormats: read.dateFormats)
  }

  /// Reads the cells of a workbook or CSV text as they are.
  static func readCells(_ raw: FileBytes, name: String, options: CSVOptions) throws(TableIOError) -> CSVReadResult {
    let kind = FileBytes.contentKind(raw.base, raw.count)
    if kind == .workbook {
      // CSV-only options forced on a workbook are errors, not ignored.
      for (given, option) in [(options.delimiter != nil, "delimiter"), (options.encoding != .auto, "encoding"), (options.skipRows > 0, "skip-rows")]
      where given {
        throw .inapplicableOption(
          option: option, reason: "applies to CSV text; \(name) is an Excel workbook (choose its cells with --sheet, --range and --header-row)")
      }
      let archive: Archive
      do { archive = try Archive(data: Data(bytes: raw.base, count: raw.count), accessMode: .read) } catch {
        throw .workbook(file: name, message: "a workbook whose ZIP archive cannot be opened (\(error))")
      }
      return try WorkbookReader.read(archive: archive, name: name, options: options)
    }
    for (given, option) in [(options.sheet != nil, "sheet"), (options.range != nil, "range"), (options.headerRow != nil, "header-row")] where given {
      throw .inapplicableOption(option: option, reason: "applies to .xlsx workbooks; \(name) is read as CSV text")
    }
    // 1. Encoding.
    var file = raw
    var start = 0
    var hadBOM = false
    if case .foreign(let what, let fix)? = kind { throw .wrongKind(file: name, what: what, fix: fix) }
    if raw.count >= 3, raw.base[0] == 0xEF, raw.base[1] == 0xBB, raw.base[2] == 0xBF {
      start = 3
      hadBOM = true
    }
    var encoding = options.encoding
    if encoding != .cp1252 {
      if let bad = Encoding.firstInvalidUTF8(raw.base, start, raw.count) {
        if encoding == .utf8 {
          throw .invalidEncoding(
            file: name, line: raw.line(at: bad), byteOffset: bad, bytes: Encoding.hex(raw.base, bad, raw.count), encoding: "UTF-8")
        }
        encoding = .cp1252
      } else {
        encoding = .utf8
      }
    }
    if encoding == .cp1252 {
      switch Encoding.transcodeCP1252(raw.base + start, raw.count - start) {
      case .success(let bytes):
        file = FileBytes.owned(bytes)
        start = 0
      case .failure(let failure):
        let offset = failure.offset + start
        throw .invalidEncoding(
          file: name, line: raw.line(at: offset), byteOffset: offset, bytes: Encoding.hex(raw.base, offset, raw.count),
          encoding: "Windows-1252")
      }
    }
    let p = file.base
    let limit = file.count
    options.progress?.set(bytes: limit)
    // 2. Leading lines to skip.
    var position = start
    for _ in 0..<options.skipRows {
      while position < limit, p[position] != Tokenizer.newline { position += 1 }
      position = min(position + 1, limit)
    }
    while position < limit, p[position] == Tokenizer.newline || p[position] == Tokenizer.carriageReturn { position += 1 }
    guard position < limit else { throw .noHeader(file: name) }

    // 3. Delimiter and header.
    let delimiter = options.delimiter ?? detectDelimiter(p, position, limit)
    let header = try readHeader(p, position, limit, delimiter: delimiter, name: name, file: file)
    let names = header.names
    let fieldCount = names.count
    let dataStart = header.next
    let tokenizer = Tokenizer(base: p, delimiter: delimiter, fieldCount: fieldCount)

    // Memory check before allocating: offsets (8 bytes per record + 4 per field), at most 8
    // bytes per converted cell, and the text of the converted columns (at most their share of
    // the file, if every value were distinct). The record count comes from 32 windows of 4 KiB
    // spread over the whole file, so a file built to fool a sample of its start (one huge first
    // record) is still refused before anything is allocated. Checked arithmetic: a count that
    // would overflow is "too large".
    let dataBytes = limit - dataStart
    let windows = dataBytes <= 131_072 ? 1 : 32
    let window = windows == 1 ? dataBytes : 4096
    var sampledBytes = 0
    var sampleLines = 0
    for index in 0..<windows {
      let start = dataStart + (windows == 1 ? 0 : index * (dataBytes - window) / (windows - 1))
      for offset in start..<min(limit, start + window) where p[offset] == Tokenizer.newline { sampleLines += 1 }
      sampledBytes += min(window, limit - start)
    }
    let meanRecord = max(1, sampledBytes / max(sampleLines, 1))
    let estimatedRecords = dataBytes / meanRecord + 1
    let convertedColumns = options.columns.map { Set($0).count } ?? fieldCount
    let perRecord = 8 + 4 * fieldCount + 8 * convertedColumns
    let (cells, overflow) = estimatedRecords.multipliedReportingOverflow(by: perRecord)
    let needed = overflow ? Int.max : cells &+ dataBytes / max(fieldCount, 1) * convertedColumns
    let allowed = options.memoryLimit ?? CSVReader.defaultMemoryLimit
    if needed > allowed { throw .tooLarge(file: name, neededBytes: needed, limitBytes: allowed) }

    // 4. Tokenize (parallel, with a sequential fallback that is the reference).
    var chunks = tokenizeParallel(
      tokenizer, from: dataStart, limit: limit, jobs: options.jobs, minimumChunk: max(options.minimumChunkBytes, 1),
      progress: options.progress)
    if chunks.contains(where: { $0.error != nil || $0.sawStrayQuote }) {
      chunks = [tokenizer.tokenize(from: dataStart, until: limit, limit: limit)]
    }
    if let error = chunks.first(where: { $0.error != nil })?.error {
      throw tokenizerError(error, file: file, name: name, names: names, chunks: chunks)
    }
    options.progress?.set(fraction: 0.6)
    options.progress?.set(rows: chunks.reduce(0) { $0 + $1.recordCount })
    // 5. Footer.
    let footer = try dropFooter(&chunks, tokenizer: tokenizer, requested: options.skipFooter, name: name)

    // 6. Ragged rows.
    for chunk in chunks {
      if let first = chunk.ragged.first {
        throw .raggedRow(file: name, line: file.line(at: chunk.starts[first.record]), expectedFields: fieldCount, foundFields: first.fields)
      }
    }

    // 7. Columns.
    for key in options.types.keys where !names.contains(key) {
      throw .unknownColumn(file: name, name: key, available: names)
    }
    for key in options.columns ?? [] where !names.contains(key) && !options.optionalColumns.contains(key) {
      throw .unknownColumn(file: name, name: key, available: names)
    }
    let selected = options.columns.map(Set.init)
    let context = ConversionContext(
      file: file, name: name, chunks: chunks, fieldCount: fieldCount, jobs: options.jobs,
      syntax: NumberSyntax(
        decimalSeparator: options.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: "."),
        thousandsSeparator: options.thousandsSeparator),
      nullTokens: options.nullTokens.map { Array($0.utf8) })
    var named: [(String, AnyColumn)] = []
    var dateFormats: [String: DateFormat] = [:]
    for (index, columnName) in names.enumerated() where selected?.contains(columnName) ?? true {
      let target: ColumnTarget
      if let override = options.types[columnName] {
        switch override {
        case .type(.date): target = .date(options.dateFormat ?? context.inferDateFormat(index) ?? .iso)
        case .type(let type): target = .plain(type)
        case .anyPeriod: target = .anyPeriod
        case .anyNumber: target = .anyNumber
        }
      } else {
        target = .inferred
      }
      let (converted, resolved) = try convertColumn(context, index, columnName, target, dateFormat: options.dateFormat)
      if case .date(let format) = resolved { dateFormats[columnName] = format }
      options.progress?.set(fraction: 0.6 + 0.4 * Double(index + 1) / Double(names.count))
      named.append((columnName, converted.column))
      if let preliminary = converted.preliminary {
        named.append((columnName + "_preliminary", .bool(preliminary)))
      }
    }
    let table: Table
    do { table = try Table(named) } catch { throw .duplicateColumn(file: name, name: "\(error)") }
    return CSVReadResult(
      table: table, encoding: encoding, hadByteOrderMark: hadBOM, delimiter: delimiter, footerRecords: footer,
      dateFormats: dateFormats)
  }

  /// Converts one column. An inferred column is first converted with the type a sample of
  /// its first values suggests; if any value does not fit, every value is examined and the
  /// column converted again. Both paths give the type of the full inference: the sample
  /// already rules out every narrower type, and the conversion checks every value.
  static func convertColumn(
    _ context: ConversionContext, _ index: Int, _ columnName: String, _ target: ColumnTarget, dateFormat: DateFormat?
  ) throws(TableIOError) -> (ConversionContext.Converted, ColumnTarget) {
    if target == .anyNumber {
      let (converted, inferred) = try convertColumn(context, index, columnName, .inferred, dateFormat: nil)
      if inferred == .plain(.int64) || inferred == .plain(.double) { return (converted, inferred) }
      return (try context.convert(index, name: columnName, to: .plain(.double)), .plain(.double))
    }
    guard target == .inferred else { return (try context.convert(index, name: columnName, to: target), target) }
    if let guess = context.inferTarget(index, dateFormat: dateFormat, sample: 4096),
      let converted = try? context.convert(index, name: columnName, to: guess)
    {
      return (converted, guess)
    }
    let full = context.inferTarget(index, dateFormat: dateFormat)!
    return (try context.convert(index, name: columnName, to: full), full)
  }

  /// 75 % of physical memory.
  static let defaultMemoryLimit: Int = {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let size = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, size > 0 else { return Int.max }
    return Int(pages) * Int(size) / 4 * 3
  }()

  // MARK: Header and delimiter

  static func detectDelimiter(_ p: UnsafePointer<UInt8>, _ start: Int, _ limit: Int) -> UInt8 {
    var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
    var inQuotes = false
    var index = start
    while index < limit {
      let byte = p[index]
      if byte == Tokenizer.quote {
        inQuotes.toggle()
      } else if !inQuotes {
        if byte == Tokenizer.newline { break }
        if counts[byte] != nil { counts[byte]! += 1 }
      }
      index += 1
    }
    let order: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
    return order.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) }!
  }

  static func readHeader(
    _ p: UnsafePointer<UInt8>, _ start: Int, _ limit: Int, delimiter: UInt8, name: String, file: FileBytes
  ) throws(TableIOError) -> (names: [String], next: Int) {
    // Tokenize one record with a generous field count, then trim to the fields found.
    var end = start
    var inQuotes = false
    while end < limit {
      if p[end] == Tokenizer.quote { inQuotes.toggle() } else if p[end] == Tokenizer.newline, !inQuotes { break }
      end += 1
    }
    var count = 1
    inQuotes = false
    for index in start..<end {
      if p[index] == Tokenizer.quote { inQuotes.toggle() } else if p[index] == delimiter, !inQuotes { count += 1 }
    }
    let tokenizer = Tokenizer(base: p, delimiter: delimiter, fieldCount: count)
    let chunk = tokenizer.tokenize(from: start, until: start + 1, limit: limit)
    if let error = chunk.error {
      throw tokenizerError(error, file: file, name: name, names: [], chunks: [chunk])
    }
    var names: [String] = []
    var seen = Set<String>()
    for field in 0..<count {
      let range = FieldRange.of(chunk, record: 0, field: field, fieldCount: count)
      var text = String(decoding: FieldRange.unquoted(p, range.start, range.end), as: UTF8.self)
      if text.isEmpty { text = "column_\(field + 1)" }
      guard seen.insert(text).inserted else { throw .duplicateColumn(file: name, name: text) }
      names.append(text)
    }
    let next = end < limit ? end + 1 : limit
    return (names, next)
  }

  // MARK: Tokenizing

  static func tokenizeParallel(
    _ tokenizer: Tokenizer, from start: Int, limit: Int, jobs: Int, minimumChunk: Int, progress: CSVProgress? = nil
  ) -> [TokenizedChunk] {
    let size = limit - start
    let chunkCount = size < 2 * minimumChunk ? 1 : min(max(jobs, 1) * 4, size / minimumChunk)
    // Capacity guess from the mean record length of the first 64 KiB (growth is still safe).
    let sampleEnd = min(limit, start + 65_536)
    var newlines = 0
    for index in start..<sampleEnd where tokenizer.base[index] == Tokenizer.newline { newlines += 1 }
    let meanLength = max(1, (sampleEnd - start) / max(newlines, 1))
    let estimate = size / chunkCount / meanLength + size / chunkCount / meanLength / 8
    if chunkCount == 1 { return [tokenizer.tokenize(from: start, until: limit, limit: limit, expectedRecords: estimate)] }
    let nominal = (0...chunkCount).map { start + size * $0 / chunkCount }
    // Quote parity before every nominal boundary.
    let quoteCounts = SlotBuffer<Int>(count: chunkCount)
    parallelFor(jobs: jobs, taskCount: chunkCount) { task in
      quoteCounts[task] = tokenizer.quoteCount(from: nominal[task], until: nominal[task + 1])
    }
    var parity = [Bool](repeating: false, count: chunkCount)
    var running = 0
    for task in 0..<chunkCount {
      parity[task] = running & 1 == 1
      running += quoteCounts[task]!
    }
    let boundaries = SlotBuffer<Int>(count: chunkCount + 1)
    parallelFor(jobs: jobs, taskCount: chunkCount + 1) { task in
      if task == 0 {
        boundaries[0] = start
      } else if task == chunkCount {
        boundaries[task] = limit
      } else {
        let position = nominal[task]
        let before = parity[task] != (tokenizer.base[position - 1] == Tokenizer.quote)
        boundaries[task] = tokenizer.recordBoundary(after: position, inQuotes: before, limit: limit)
      }
    }
    var bounds = boundaries.values().map { $0! }
    for task in 1...chunkCount { bounds[task] = max(bounds[task], bounds[task - 1]) }
    let results = SlotBuffer<TokenizedChunk>(count: chunkCount)
    parallelFor(jobs: jobs, taskCount: chunkCount) { task in
      results[task] = tokenizer.tokenize(from: bounds[task], until: bounds[task + 1], limit: limit, expectedRecords: estimate)
      progress?.set(fraction: 0.6 * Double(task + 1) / Double(chunkCount))
    }
    return results.values().map { $0! }
  }

  static func tokenizerError(
    _ error: TokenizerError, file: FileBytes, name: String, names: [String], chunks: [TokenizedChunk]
  ) -> TableIOError {
    switch error {
    case .unterminatedQuote(let offset):
      return .unterminatedQuote(file: name, line: file.line(at: offset))
    case .nulByte(let offset):
      return .nulByte(file: name, line: file.line(at: offset))
    case .textAfterQuote(let offset, let field):
      var end = offset
      while end < file.count, end - offset < 20, file.base[end] != Tokenizer.newline, file.base[end] != Tokenizer.carriageReturn {
        end += 1
      }
      let text = String(decoding: UnsafeBufferPointer(start: file.base + offset, count: end - offset), as: UTF8.self)
      let column = field < names.count ? names[field] : "field \(field + 1)"
      return .textAfterClosingQuote(file: name, line: file.line(at: offset), column: column, text: text)
    }
  }

  // MARK: Footer

  /// Drops `requested` trailing records, or a detected World Bank DataBank footer: a block that
  /// starts with an all-blank record and contains at least one record whose only non-blank
  /// field is the first and reads "Data from database: …" or "Last Updated: …" (the DataBank
  /// export's own words — any other trailing text is data, or needs --skip-footer). Returns the
  /// count dropped.
  static func dropFooter(
    _ chunks: inout [TokenizedChunk], tokenizer: Tokenizer, requested: Int?, name: String
  ) throws(TableIOError) -> Int {
    let total = chunks.reduce(0) { $0 + $1.recordCount }
    let fieldCount = tokenizer.fieldCount
    var drop = 0
    if let requested {
      guard requested >= 0 else { throw .invalidOption("skip-footer must be ≥ 0") }
      drop = min(requested, total)
    } else {
      // Walk back over blank and text-only records.
      var records: [(chunk: Int, record: Int)] = []
      outer: for chunkIndex in chunks.indices.reversed() {
        for record in stride(from: chunks[chunkIndex].recordCount - 1, through: 0, by: -1) {
          records.append((chunkIndex, record))
          if records.count > 64 { break outer }
        }
      }
      var suffix: [Bool] = []  // true = blank record, false = text-only record
      for (chunkIndex, record) in records {
        let chunk = chunks[chunkIndex]
        var blankFields = 0
        var firstBlank = true
        for field in 0..<fieldCount {
          let range = FieldRange.of(chunk, record: record, field: field, fieldCount: fieldCount)
          let blank = range.end == range.start
          if blank { blankFields += 1 }
          if field == 0 { firstBlank = blank }
        }
        let raggedCount = chunk.ragged.first(where: { $0.record == record })?.fields
        if blankFields == fieldCount, raggedCount == nil || raggedCount! <= fieldCount {
          suffix.append(true)
        } else if !firstBlank, blankFields == fieldCount - 1 || raggedCount == 1,
          DataBankFooter.matches(tokenizer.base, FieldRange.of(chunk, record: record, field: 0, fieldCount: fieldCount))
        {
          suffix.append(false)
        } else {
          break
        }
      }
      // suffix is in reverse order; the footer starts at the earliest blank record in it.
      if let earliestBlank = suffix.lastIndex(of: true), suffix[..<earliestBlank].contains(false) {
        drop = earliestBlank + 1
      }
    }
    var remaining = drop
    for chunkIndex in chunks.indices.reversed() where remaining > 0 {
      let take = min(remaining, chunks[chunkIndex].recordCount)
      let keep = chunks[chunkIndex].recordCount - take
      chunks[chunkIndex].starts.removeLast(take)
      chunks[chunkIndex].ends.removeLast(take * fieldCount)
      chunks[chunkIndex].ragged.removeAll { $0.record >= keep }
      remaining -= take
    }
    return drop
  }
}

/// Byte range of one field, quotes included.
struct FieldRange {
  let start: Int
  let end: Int

  @inline(__always)
  static func of(_ chunk: TokenizedChunk, record: Int, field: Int, fieldCount: Int) -> FieldRange {
    let recordStart = chunk.starts[record]
    let base = record * fieldCount
    let end = recordStart + Int(chunk.ends[base + field])
    let start = field == 0 ? recordStart : recordStart + Int(chunk.ends[base + field - 1]) + 1
    return FieldRange(start: start, end: max(start, end))
  }

  /// The field's text with enclosing quotes removed and doubled quotes undoubled.
  static func unquoted(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
    guard end - start >= 2, p[start] == Tokenizer.quote else {
      return Array(UnsafeBufferPointer(start: p + start, count: end - start))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(end - start - 2)
    var index = start + 1
    while index < end - 1 {
      bytes.append(p[index])
      index += p[index] == Tokenizer.quote ? 2 : 1
    }
    return bytes
  }
}

/// The text lines World Bank DataBank appends to its CSV exports.
enum DataBankFooter {
  static let prefixes = ["Data from database:", "Last Updated:"].map { Array($0.utf8) }

  static func matches(_ p: UnsafePointer<UInt8>, _ range: FieldRange) -> Bool {
    let length = range.end - range.start
    return prefixes.contains { prefix in
      prefix.count <= length && (0..<prefix.count).allSatisfy { p[range.start + $0] == prefix[$0] }
    }
  }
}
