import Synthetic

/// The seeded generator the tests use (the same SplitMix64 as the benchmark generators).
public typealias SplitMix64 = SeededGenerator

/// Row counts around the 64-bit word boundaries of validity masks.
public let boundaryCounts = [0, 1, 2, 13, 63, 64, 65, 127, 128, 129]
