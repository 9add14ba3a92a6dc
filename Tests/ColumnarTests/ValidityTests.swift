import Columnar
import Testing
import _TestSupport

@Test(arguments: boundaryCounts)
func forEachValidRowVisitsExactlyTheValidRows(count: Int) {
  var rng = SplitMix64(seed: UInt64(count))
  var mask = Validity(repeating: true, count: count)
  var expected: [Int] = []
  for row in 0..<count {
    if Bool.random(using: &rng) { mask.setNull(row) } else { expected.append(row) }
  }
  var visited: [Int] = []
  mask.forEachValidRow { visited.append($0) }
  #expect(visited == expected)
  #expect(mask.nullCount == count - expected.count)
}

@Test(arguments: boundaryCounts)
func allValidMaskKeepsBitsPastCountZero(count: Int) {
  let mask = Validity(repeating: true, count: count)
  #expect(mask.nullCount == 0)
  var visited = 0
  mask.forEachValidRow { _ in visited += 1 }
  #expect(visited == count)
  #expect(Validity(Array(repeating: true, count: count)) == mask)
}

@Test func columnWithoutNullsHasNilValidity() {
  let column = Column<Double>([1, 2, 3], validity: Validity(repeating: true, count: 3))
  #expect(column.validity == nil)
  #expect(column[1] == 2)
}

@Test func nullRowsReadAsNil() {
  let column = Column<Double>(optionals: [1, nil, 3])
  #expect(column[0] == 1)
  #expect(column[1] == nil)
  #expect(column.nullCount == 1)
  #expect(column.take([2, 1]) == Column(optionals: [3, nil]))
}

@Test func intersectCombinesMasks() {
  let a = Validity([true, false, true])
  let b = Validity([true, true, false])
  #expect(Validity.intersect(a, b) == Validity([true, false, false]))
  #expect(Validity.intersect(nil, b) == b)
  #expect(Validity.intersect(nil, nil) == nil)
}

@Test func stringColumnEncodesInFirstAppearanceOrder() {
  let column = StringColumn(["b", nil, "a", "b"])
  #expect(column.dictionary == ["b", "a"])
  #expect(column.codes.values[3] == 0)
  #expect(column[1] == nil)
  #expect(column[2] == "a")
  #expect(column.nullCount == 1)
}
