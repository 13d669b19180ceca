// The advice report's branches that the snapshot models do not reach: no bottleneck, no parameters, and a
// bottleneck no standard remedy applies to.

import Testing
import PareModel
@testable import PareReport

@Suite struct AdviceReportTests {
    static func report(_ text: String) throws -> String {
        ParameterAdviceReport(ParameterBudget(try Fixtures.analysis(text))).render()
    }

    /// Two dense layers of 8·8 + 8 = 72 parameters: exactly half each, so no bottleneck.
    @Test func noSingleLayerHoldsMost() throws {
        let text = try Self.report("input 8\ndense 8 relu\ndense 8\n")
        #expect(text.hasSuffix("\nNo single layer holds most of the parameters; the largest is dense (Dense) with 50.0%.\n"))
    }

    @Test func modelWithoutParameters() throws {
        let text = try Self.report("input 4x4x1\nmaxpool2d 2\nflatten\n")
        #expect(text.hasPrefix("Parameter budget of \"sequential\": 0 parameters\n"))
        #expect(text.hasSuffix("\nThe model has no parameters.\n"))
    }

    /// A single Dense on a vector (784·10 + 10 = 7,850 parameters) is all of the model and is its output:
    /// nothing to pool, nothing to narrow.
    @Test func bottleneckWithoutRemedy() throws {
        let text = try Self.report("input 784\ndense 10 softmax\n")
        #expect(text.contains("Bottleneck: dense (Dense) holds 100.0% of the parameters (7,850 of 7,850).\n"))
        #expect(text.contains("It reads 784 values.\n"))
        #expect(text.hasSuffix("None of the usual remedies (pooling, another conv stage, global pooling, a narrower "
                               + "layer) applies to this model.\n"))
    }

    @Test func tinySharesAreNotRoundedToZero() {
        #expect(ParameterAdviceReport.percent(0.0004) == "<0.1%")
        #expect(ParameterAdviceReport.percent(0.0005) == "0.1%")
        #expect(ParameterAdviceReport.percent(0.995) == "99.5%")
    }
}
