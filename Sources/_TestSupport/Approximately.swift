/// Whether `actual` is within `relative` (scaled by the larger magnitude) or `absolute` of `expected`.
public func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0) -> Bool {
  if actual == expected { return true }
  if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
  let difference = abs(actual - expected)
  return difference <= absolute || difference <= relative * max(abs(actual), abs(expected))
}

/// Element-wise ``isClose(_:_:relative:absolute:)``; `nil` must match `nil`.
public func areClose(_ actual: [Double?], _ expected: [Double?], relative: Double = 1e-12, absolute: Double = 0) -> Bool {
  guard actual.count == expected.count else { return false }
  for (a, e) in zip(actual, expected) {
    switch (a, e) {
    case (nil, nil): continue
    case (let a?, let e?): if !isClose(a, e, relative: relative, absolute: absolute) { return false }
    default: return false
    }
  }
  return true
}
