import Testing
@Test func indicatorsTargetBuilds() { #expect(Bool(true)) }
