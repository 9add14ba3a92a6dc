import Dispatch

/// Progress of a CSV read, shared with a caller that wants to display it.
///
/// The reader reports the fraction done (tokenizing 0–60 %, converting 60–100 %) and the rows
/// once known; reading it never changes a result.
public final class CSVProgress: @unchecked Sendable {
  private let queue = DispatchQueue(label: "cifra.csv.progress")
  private var fractionValue = 0.0
  private var rowsValue: Int?
  private var bytesValue = 0

  public init() {}

  /// Fraction done, 0…1.
  public var fraction: Double { queue.sync { fractionValue } }
  /// Rows, once tokenizing is done.
  public var rows: Int? { queue.sync { rowsValue } }
  /// Size of the input in bytes.
  public var bytes: Int { queue.sync { bytesValue } }

  func set(fraction: Double) { queue.sync { fractionValue = max(fractionValue, min(1, fraction)) } }
  func set(rows: Int) { queue.sync { rowsValue = rows } }
  func set(bytes: Int) { queue.sync { bytesValue = bytes } }
}
