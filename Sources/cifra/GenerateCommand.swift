import ArgumentParser
import Synthetic
import TableIO

/// `cifra generate KIND --rows N --seed S --output FILE`: deterministic benchmark inputs.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a deterministic synthetic CSV file (benchmark inputs).",
    discussion: """
      Kinds:
        regional        region (32 values), year 2000-2024, month, value (3 decimals)
        refugee-cases   case_id, filed, resolved, outcome, extended, nationality (synthetic COMAR-like cases)
        series          series, t, x: --rows series of 40 periods for least-squares growth (1 in 10 with gaps)
        proportions     successes, trials (trials 1-2000) for the interval benchmarks

      Example:
        cifra generate regional --rows 10000000 --seed 42 --output data.csv
      """)

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case regional
    case refugeeCases = "refugee-cases"
    case series
    case proportions
  }

  @Argument(help: "What to generate: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: Kind
  @Option(help: "Number of rows.") var rows: Int
  @Option(help: "Random seed (same seed, same file).") var seed: UInt64 = 42
  @Option(help: "Output CSV file (written atomically).") var output: String

  func validate() throws {
    guard rows >= 0 else { throw ValidationError("--rows must be ≥ 0") }
  }

  func run() throws {
    let table: Columnar.Table
    switch kind {
    case .regional: table = Synthetic.regionalPanel(rows: rows, seed: seed)
    case .refugeeCases: table = Synthetic.refugeeCases(rows: rows, seed: seed)
    case .series: table = Synthetic.manySeries(count: rows, periods: 40, seed: seed)
    case .proportions: table = Synthetic.proportions(count: rows, seed: seed)
    }
    try AtomicFile.write(CSVBytesWriter.bytes(table), to: output)
  }
}

import Columnar
