import Columnar

extension Synthetic {
  /// Case-level refugee applications shaped like COMAR's workload (COMAR publishes no
  /// microdata, so this is a realistic stand-in, never real data):
  /// `case_id, filed, resolved, outcome, extended, nationality`.
  ///
  /// Filing dates fall on weekdays of 2019–2023 with more filings in later years; 10 % of
  /// cases get an extended deadline; a processing time in calendar days is drawn from a
  /// mixture (most within about 60 days, a long tail to two years); 8 % are still pending at
  /// 2024-06-30; outcomes: recognized 55 %, complementary 8 %, rejected 22 %, abandoned 12 %,
  /// withdrawn 3 %. Deterministic for a seed.
  public static func refugeeCases(rows: Int, seed: UInt64) -> Table {
    var rng = SeededGenerator(seed: seed)
    let first = CivilDate.days(year: 2019, month: 1, day: 1)
    let last = CivilDate.days(year: 2023, month: 12, day: 31)
    let cutoff = CivilDate.days(year: 2024, month: 6, day: 30)
    let outcomes = ["recognized", "complementary", "rejected", "abandoned", "withdrawn"]
    let outcomeWeights = [55, 8, 22, 12, 3]
    let nationalities = ["HND", "HTI", "CUB", "VEN", "SLV", "GTM", "NIC", "COL", "CHL", "BRA", "AFG", "SEN"]
    var ids: [Int64] = []
    var filed: [Int32] = []
    var resolved: [Int32?] = []
    var outcome: [String?] = []
    var extended: [Bool] = []
    var nationality: [Int32] = []
    ids.reserveCapacity(rows)
    for row in 0..<rows {
      // Later years weigh more (square-root transform of a uniform).
      let u = Double(rng.next() >> 11) / Double(1 << 53)
      var day = first + Int((Double(last - first) * u.squareRoot()).rounded(.down))
      while CivilDate.isoWeekday(days: day) > 5 { day += 1 }
      let isExtended = rng.next() % 10 == 0
      let pick = Int(rng.next() % 100)
      var spell: Int
      switch pick {
      case 0..<60: spell = 20 + Int(rng.next() % 45)  // roughly within the 45 business days
      case 60..<85: spell = 55 + Int(rng.next() % 90)
      default: spell = 120 + Int(rng.next() % 600)
      }
      if isExtended { spell += Int(rng.next() % 40) }
      ids.append(Int64(row + 1))
      filed.append(Int32(day))
      extended.append(isExtended)
      nationality.append(Int32(rng.next() % UInt64(nationalities.count)))
      let end = day + spell
      if rng.next() % 100 < 8 || end > cutoff {
        resolved.append(nil)
        outcome.append(nil)
      } else {
        resolved.append(Int32(end))
        var draw = Int(rng.next() % 100)
        var chosen = 0
        while draw >= outcomeWeights[chosen] {
          draw -= outcomeWeights[chosen]
          chosen += 1
        }
        outcome.append(outcomes[chosen])
      }
    }
    return try! Table([
      ("case_id", .int64(Column(ids))),
      ("filed", .date(Column(filed))),
      ("resolved", .date(Column(optionals: resolved, placeholder: 0))),
      ("outcome", .string(StringColumn(outcome))),
      ("extended", .bool(Column(extended))),
      ("nationality", .string(StringColumn(codes: Column(nationality), dictionary: nationalities))),
    ])
  }
}
