import Columnar
import Indicators
import TableIO

/// A comparison of two vintages (``Revisions``) from files: each side read with the user's CSV
/// options and filtered by its own `where` rows.
public struct RevisionRun: Sendable {
  public var old: InputFile
  public var new: InputFile
  public var oldSide: Revisions.Side
  public var newSide: Revisions.Side
  public var oldFilters: [RowFilter] = []
  public var newFilters: [RowFilter] = []
  public var periodKey = false
  public var periodFrequency: Frequency?
  public var includeUnchanged = false
  /// Differences up to this (absolute, after scaling) count as unchanged; `nil`: the data's
  /// own precision (``Revisions/precision(_:_:)``).
  public var tolerance: Double?
  public var jobs = 1
  public var progress = false

  public init(old: InputFile, new: InputFile, oldSide: Revisions.Side, newSide: Revisions.Side) {
    self.old = old
    self.new = new
    self.oldSide = oldSide
    self.newSide = newSide
  }

  /// Tolerance finite and ≥ 0, scales finite and > 0.
  public func validate() throws(OptionError) {
    if let tolerance, !(tolerance >= 0 && tolerance.isFinite) { throw OptionError("tolerance", "must be a finite number ≥ 0") }
    try OptionCheck.positive(oldSide.scale, field: "old-scale")
    try OptionCheck.positive(newSide.scale, field: "new-scale")
  }

  /// Reads both sides and compares them.
  public func compare() throws -> Revisions.Result {
    try validate()
    func side(_ file: InputFile, _ filters: [RowFilter]) throws -> Table {
      let table = try file.table(InputReading(), jobs: jobs, progress: progress)
      do { return try RowFilter.apply(filters, to: table) } catch { throw InputProblem(file: file.path, message: error.description) }
    }
    do {
      return try Revisions.compare(
        old: try side(old, oldFilters), new: try side(new, newFilters), oldSide: oldSide, newSide: newSide, periodKey: periodKey,
        periodFrequency: periodFrequency, includeUnchanged: includeUnchanged, tolerance: tolerance)
    } catch let error as Revisions.Failure {
      throw InputProblem(file: nil, message: error.description)
    }
  }
}
