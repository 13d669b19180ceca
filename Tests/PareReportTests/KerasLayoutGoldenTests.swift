// Keras's graph-model layouts against the MobileNetV2 goldens: the rows are read back from each golden, drawn
// again with Pare's table code and compared byte for byte. The 150-odd rows of MobileNetV2 exercise rich's
// wrapping (`… (DepthwiseConv2D)` on a second line), truncation (`expanded_conv_depthwise[0…`) and
// multi-input cells (`block_2_add`), and the fine-tuning goldens Keras's sequential-like rule.

import Foundation
import Testing
import PareReport
import PareTestSupport

@Suite struct KerasLayoutGoldenTests {
    static func expectRoundTrip(_ fileName: String, chain: Bool = false) throws -> KerasSummaryTable {
        let golden = try Golden.text(fileName)
        let (table, showTrainable) = try KerasSummaryParsing.table(from: golden, kind: .functional,
                                                                   chainConnections: chain)
        let rendered = try table.render(showTrainable: showTrainable)
        if let diff = lineDiff(expected: golden, actual: rendered) {
            Issue.record("\(fileName) differs:\n\(diff)")
        }
        return table
    }

    /// Layer counts and totals from params_mobilenetv2.json (Keras 3.15.1): 156 layers with the top,
    /// 154 without; 3,538,984 and 2,257,984 parameters, 34,112 of them non-trainable.
    @Test(arguments: [("mobilenetv2_include_top.keras.txt", "include_top_True_224"),
                      ("mobilenetv2_notop_224.keras.txt", "include_top_False_224")])
    func mobileNetV2WithConnections(fileName: String, key: String) throws {
        let table = try Self.expectRoundTrip(fileName)
        #expect(!table.isSequentialLike, "MobileNetV2 has Add layers with two inputs")
        let base = try #require(try Golden.json("params_mobilenetv2.json")["base"] as? [String: Any])
        let expected = try #require(base[key] as? [String: Any])
        #expect(table.rows.count == expected["len_layers"] as? Int)
        #expect(table.rows.reduce(0) { $0 + $1.parameterCount } == expected["total"] as? Int)
        #expect(table.trainableParameterCount == expected["trainable"] as? Int)
        #expect(table.nonTrainableParameterCount == expected["non_trainable"] as? Int)
        #expect(table.rows.filter { $0.inbound.count == 2 }.count == 10, "MobileNetV2 has 10 residual Add layers")
    }

    /// The fine-tuning models are functional chains (input → MobileNetV2 → head), so Keras lists them without
    /// "Connected to" but with the input layer's row.
    @Test(arguments: ["mobilenetv2_finetune_160_2cls_k0.keras.txt", "mobilenetv2_finetune_160_2cls_k30.keras.txt"])
    func fineTuningChains(fileName: String) throws {
        let table = try Self.expectRoundTrip(fileName, chain: true)
        #expect(table.isSequentialLike)
        #expect(table.rows.first?.className == "InputLayer")
    }
}
