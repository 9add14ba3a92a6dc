import LinearAlgebra
import Testing
import _TestSupport

/// Naive reference implementations the BLAS wrappers are checked against.
func naiveDot(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }

@Test(arguments: [0, 1, 63, 64, 65, 1000])
func dotMatchesNaiveSum(count: Int) {
  var rng = SplitMix64(seed: UInt64(count))
  let x = (0..<count).map { _ in Double.random(in: -1...1, using: &rng) }
  let y = (0..<count).map { _ in Double.random(in: -1...1, using: &rng) }
  #expect(isClose(dot(x, y), naiveDot(x, y), relative: 1e-12, absolute: 1e-12))
}

@Test func dotOfEmptyVectorsIsZero() {
  #expect(dot([], []) == 0)
}

@Test func axpyAddsScaledVector() {
  var y: [Double] = [1, 2, 3]
  axpy(2, [10, 20, 30], &y)
  #expect(y == [21, 42, 63])
}

@Test func gemvMatchesHandComputation() throws {
  // 3x2 matrix [[1,2],[3,4],[5,6]] times [1,1] = [3,7,11] (swift-on-linux.md §1.2).
  let a = Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]])
  #expect(try a.multiplied(by: [1, 1]) == [3, 7, 11])
  #expect(try a.multiplied(by: [1, 1, 1], transposed: true) == [9, 12])
}

@Test(arguments: [0, 1, 63, 64, 65])
func gemmAndGramMatchNaive(rows: Int) throws {
  var rng = SplitMix64(seed: 7 &+ UInt64(rows))
  let columns = 3
  let a = Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in Double.random(in: -2...2, using: &rng) })
  let gram = try a.gram()
  let product = try a.multiplied(by: a, transposeSelf: true)
  for i in 0..<columns {
    for j in 0..<columns {
      var expected = 0.0
      for r in 0..<rows { expected += a[r, i] * a[r, j] }
      #expect(isClose(gram[i, j], expected, relative: 1e-12, absolute: 1e-12))
      #expect(isClose(product[i, j], expected, relative: 1e-12, absolute: 1e-12))
    }
  }
}

@Test(arguments: LeastSquaresDriver.allCases)
func leastSquaresFitsALine(driver: LeastSquaresDriver) throws {
  // y = b0 + b1 t on t = 0..4: coefficients (1.1, 1.96) (swift-on-linux.md §1.2, hand-checked:
  // b1 = Σ(t−2)(y−ȳ)/Σ(t−2)² = 19.6/10, b0 = ȳ − 2·b1 = 5.02 − 3.92).
  let design = Matrix(rowMajor: (0..<5).map { [1, Double($0)] })
  let coefficients = try leastSquares(design, [1.1, 2.9, 5.2, 7.1, 8.8], driver: driver)
  #expect(isClose(coefficients[0], 1.1, relative: 1e-12))
  #expect(isClose(coefficients[1], 1.96, relative: 1e-12))
}

@Test func leastSquaresSolvesManyRightHandSidesAtOnce() throws {
  let design = Matrix(rowMajor: (0..<6).map { [1, Double($0)] })
  // Column j is the exact line 2j + (j+1) t.
  var rhs = Matrix(rows: 6, columns: 4)
  for column in 0..<4 {
    for row in 0..<6 { rhs[row, column] = Double(2 * column) + Double(column + 1) * Double(row) }
  }
  let solution = try leastSquares(design, rhs)
  for column in 0..<4 {
    #expect(isClose(solution[0, column], Double(2 * column), relative: 1e-10, absolute: 1e-12))
    #expect(isClose(solution[1, column], Double(column + 1), relative: 1e-10))
  }
}

@Test(arguments: LeastSquaresDriver.allCases)
func rankDeficientDesignThrows(driver: LeastSquaresDriver) {
  // Second column is a copy of the first: rank 1 < 2 columns.
  let design = Matrix(rowMajor: [[1, 1], [2, 2], [3, 3]])
  #expect(throws: LinearAlgebraError.self) {
    _ = try leastSquares(design, [1, 2, 3], driver: driver == .qr ? .svd : driver)
  }
  let zeroColumn = Matrix(rowMajor: [[1, 0], [2, 0], [3, 0]])
  #expect(throws: LinearAlgebraError.self) { _ = try leastSquares(zeroColumn, [1, 2, 3], driver: driver) }
}

@Test func rankDeficiencyReportsRank() {
  let design = Matrix(rowMajor: [[1, 2], [2, 4], [3, 6]])
  #expect(throws: LinearAlgebraError.rankDeficient(rank: 1, columns: 2)) {
    _ = try leastSquares(design, [1, 2, 3], driver: .svd)
  }
}
