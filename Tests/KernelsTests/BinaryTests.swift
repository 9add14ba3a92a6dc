import Columnar
import Kernels
import Testing
import _TestSupport

@Test func binaryNullsPropagateFromEitherSide() throws {
  let a = Column<Double>(optionals: [1, nil, 3, 4])
  let b = Column<Double>(optionals: [10, 20, nil, 40])
  #expect(try binary(a, b, +) == Column(optionals: [11, nil, nil, 44]))
}

@Test func binaryOrNullTurnsUndefinedIntoNull() throws {
  let change = Column<Double>([5, 5, 5])
  let base = Column<Double>(optionals: [10, 0, nil])
  let ratio = try binaryOrNull(change, base, placeholder: 0) { delta, base in base == 0 ? nil : delta / base }
  #expect(ratio == Column(optionals: [0.5, nil, nil]))
}

@Test func lengthMismatchIsAnError() {
  #expect(throws: ColumnError.lengthMismatch(expected: 2, actual: 1)) {
    _ = try binary(Column<Double>([1, 2]), Column<Double>([1]), +)
  }
}

@Test(arguments: [0, 1, 63, 64, 65])
func unaryOrNullVisitsOnlyValidRows(count: Int) {
  var rng = SplitMix64(seed: UInt64(count))
  let input = Column<Double>(optionals: (0..<count).map { _ in Bool.random(using: &rng) ? Double.random(in: -1...1, using: &rng) : nil })
  let output = unaryOrNull(input, placeholder: 0.0) { $0 > 0 ? $0 * 2 : nil }
  for row in 0..<count {
    let expected: Double? = input[row].flatMap { $0 > 0 ? $0 * 2 : nil }
    #expect(output[row] == expected)
  }
}
