// Scales, tick values, padded domains and tick labels of the plotting module; every expected number is a hand
// computation written beside it.

import Testing
@testable import PareReport

@Suite struct PlotScaleTests {
    @Test func linearScaleInterpolates() {
        let scale = PlotScale(kind: .linear, domain: 0...10, start: 100, end: 200)
        #expect(scale.position(of: 0) == 100)
        #expect(scale.position(of: 5) == 150)
        #expect(scale.position(of: 10) == 200)
        #expect(scale.position(of: 12) == 220)  // outside the domain maps outside the range
        #expect(!scale.contains(12))
    }

    @Test func verticalScaleRunsUpwards() {
        // A y axis: the domain's bottom at pixel 400, its top at 100; 0.25 is a quarter of the way up: 400 − 75.
        let scale = PlotScale(kind: .linear, domain: 0...1, start: 400, end: 100)
        #expect(scale.position(of: 0.25) == 325)
        #expect(scale.position(of: 1) == 100)
    }

    @Test func logarithmicScaleSpacesRatiosEqually() {
        // log10: 10 → 1, 100 → 2, 1000 → 3, so 100 sits halfway and √10·10 a quarter of the way.
        let scale = PlotScale(kind: .logarithmic, domain: 10...1000, start: 0, end: 200)
        #expect(scale.position(of: 10) == 0)
        #expect(abs(scale.position(of: 100) - 100) < 1e-9)
        #expect(abs(scale.position(of: 1000) - 200) < 1e-9)
        #expect(abs(scale.position(of: 10 * 10.0.squareRoot()) - 50) < 1e-9)
        #expect(!scale.contains(0))
    }

    /// Span, maximum intervals → step: the smallest of 1, 2, 2.5, 5 × 10^k at least span / intervals.
    static let steps: [(Double, Int, Double)] = [
        (0.17, 6, 0.05),   // 0.0283 → 0.05
        (0.15, 6, 0.025),  // 0.025 → 0.025
        (10, 6, 2),        // 1.67 → 2
        (6, 6, 1),         // 1 → 1
        (1, 6, 0.2),       // 0.167 → 0.2
        (7, 6, 2),         // 1.17 → 2
        (2300, 5, 500),    // 460 → 500
    ]

    @Test func linearStepIsTheSmallestNiceStep() {
        for (span, intervals, expected) in Self.steps {
            #expect(abs(PlotTicks.linearStep(span: span, maximumIntervals: intervals) - expected) < expected * 1e-9,
                    "span \(span) in at most \(intervals) intervals")
        }
        // 0.001 / 4 = 0.00025 = 2.5 × 10^-4, a nice step itself.
        #expect(abs(PlotTicks.linearStep(span: 0.001, maximumIntervals: 4) - 0.00025) < 1e-15)
    }

    @Test func linearTicksAreMultiplesOfTheStepInTheDomain() {
        let ticks = PlotTicks.linear(in: 0.85...1.0, step: 0.025)
        let expected = [0.85, 0.875, 0.9, 0.925, 0.95, 0.975, 1.0]
        #expect(ticks.count == expected.count)
        for (tick, value) in zip(ticks, expected) { #expect(abs(tick - value) < 1e-12) }
    }

    @Test func linearDomainIsPaddedAndSnapped() {
        // 0.8677…0.975 padded by 3% of 0.1073 → 0.8645…0.9782; span 0.1137 / 6 = 0.019 → step 0.02;
        // outwards to multiples of 0.02: 0.86…0.98.
        let (domain, step) = PlotTicks.linearDomain(covering: 0.8677...0.975)
        #expect(abs(step - 0.02) < 1e-12)
        #expect(abs(domain.lowerBound - 0.86) < 1e-12 && abs(domain.upperBound - 0.98) < 1e-12)
        // A single value gets ±5% of itself before padding: 2 → 1.9…2.1, padded 1.894…2.106, step 0.05.
        let single = PlotTicks.linearDomain(covering: 2...2)
        #expect(abs(single.step - 0.05) < 1e-12)
        #expect(abs(single.domain.lowerBound - 1.85) < 1e-12 && abs(single.domain.upperBound - 2.15) < 1e-12)
    }

    @Test func linearAxisStopsAtItsLimit() {
        // Accuracies up to 0.99 would round up to 1.02 with a 0.02 step; the limit keeps 100% as the top.
        let axis = PlotAxis.linear(title: "", covering: [0.9, 0.99], format: .percent, limit: 0...1)
        #expect(axis.domain.upperBound == 1)
        #expect(axis.ticks.last.map { abs($0 - 1) < 1e-12 } == true)
    }

    @Test func logarithmicTicksLabelPowersOfTen() {
        let ticks = PlotTicks.logarithmic(in: 500...2_000_000)
        #expect(ticks.major == [1e3, 1e4, 1e5, 1e6])
        // Minor: 500…900 (5), 2k…9k, 20k…90k, 200k…900k (8 each), 2M (1) = 30.
        #expect(ticks.minor.count == 30)
        #expect(ticks.minor.first == 500 && ticks.minor.last == 2e6)
    }

    @Test func logarithmicTicksThinManyDecades() {
        // 10^2 … 10^12 is 11 powers; at most 7 labels → every second power, the skipped ones become minor ticks.
        let ticks = PlotTicks.logarithmic(in: 100...1e12)
        #expect(ticks.major == [1e2, 1e4, 1e6, 1e8, 1e10, 1e12])
        #expect(ticks.minor == [1e3, 1e5, 1e7, 1e9, 1e11])
    }

    @Test func logarithmicTicksInsideOneDecade() {
        // One power of ten inside: 1-2-5 multiples if at least three fit…
        let oneTwoFive = PlotTicks.logarithmic(in: 150...2000)
        #expect(oneTwoFive.major == [200, 500, 1000, 2000])
        #expect(oneTwoFive.minor == [300, 400, 600, 700, 800, 900])
        // …otherwise every integer multiple.
        #expect(PlotTicks.logarithmic(in: 2000...6000).major == [2000, 3000, 4000, 5000, 6000])
    }

    @Test func logarithmicDomainSnapsToOneTwoFive() {
        // 932 / 1.25 = 745.6 → down to 500; 1,199,882 × 1.25 = 1,499,852.5 → up to 2,000,000.
        #expect(PlotTicks.logarithmicDomain(covering: 932...1_199_882) == 500...2_000_000)
        // 0.03 / 1.25 = 0.024 → 0.02; 0.03 × 1.25 = 0.0375 → 0.05.
        let small = PlotTicks.logarithmicDomain(covering: 0.03...0.03)
        #expect(abs(small.lowerBound - 0.02) < 1e-15 && abs(small.upperBound - 0.05) < 1e-15)
    }

    static let labels: [(TickFormat, Double, Double?, String)] = [
        (.compact, 1000, nil, "1k"), (.compact, 2500, nil, "2.5k"), (.compact, 100_000, nil, "100k"),
        (.compact, 1e6, nil, "1M"), (.compact, 2e9, nil, "2G"), (.compact, 500, nil, "500"), (.compact, 0.5, nil, "0.5"),
        (.compact, 0, nil, "0"),
        (.percent, 0.975, 0.025, "97.5%"), (.percent, 0.9, 0.05, "90%"), (.percent, 0.97, 0.01, "97%"),
        (.percent, 0.965, 0.005, "96.5%"), (.percent, 0.9, 0.025, "90.0%"),
        (.decimal, 2.5, 0.5, "2.5"), (.decimal, 2, 0.5, "2.0"), (.decimal, 10, 5, "10"),
    ]

    @Test(arguments: labels.indices)
    func tickLabels(index: Int) {
        let (format, value, step, expected) = Self.labels[index]
        #expect(format.label(value, step: step) == expected, "\(format) \(value) step \(String(describing: step))")
    }
}
