import Dispatch

/// Runs `body(task)` for every task in `0..<taskCount` on at most `jobs` threads.
///
/// Tasks are assigned statically (task `t` runs on worker `t % jobs`), so which thread runs
/// a task never changes a result; callers write each task's output to its own slot.
public func parallelFor(jobs: Int, taskCount: Int, _ body: (Int) -> Void) {
  let workers = max(1, min(jobs, taskCount))
  if workers == 1 {
    for task in 0..<taskCount { body(task) }
    return
  }
  withoutActuallyEscaping(body) { escapable in
    let box = UncheckedSendable(escapable)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var task = worker
      while task < taskCount {
        box.value(task)
        task += workers
      }
    }
  }
}

/// Moves a value across a concurrency boundary the caller has made safe by construction
/// (disjoint writes to preallocated slots).
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

/// A fixed-size buffer of per-task results, written from parallel tasks at distinct indices.
public final class SlotBuffer<T>: @unchecked Sendable {
  private let pointer: UnsafeMutablePointer<T?>
  public let count: Int

  public init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: nil, count: max(count, 1))
  }

  deinit {
    pointer.deinitialize(count: max(count, 1))
    pointer.deallocate()
  }

  public subscript(index: Int) -> T? {
    get { pointer[index] }
    set { pointer[index] = newValue }
  }

  func values() -> [T?] { (0..<count).map { pointer[$0] } }
}
