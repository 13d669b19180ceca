// Keras models imported from their `to_json()` files print exactly what Keras printed for them: the seed goldens,
// MobileNetV2's golden, and the summaries make_keras3_fixtures.py recorded from Keras 3.15.1 for the fixtures
// with every layer kind (Tests/PareModelTests/Fixtures/keras), default and with show_trainable.

import Foundation
import Testing
import PareModel
import PareReport
import PareTestSupport

@Suite struct ImportedSummaryTests {
    /// The Keras fixtures' folder in the source checkout (they are PareModelTests' resources).
    static let folder = Repository.root.appendingPathComponent("Tests/PareModelTests/Fixtures/keras")

    static func summary(_ fixture: String, showTrainable: Bool = false) throws -> String {
        let model = try KerasModelFile.load(path: folder.appendingPathComponent(fixture).path) { _, _, _ in
            throw StoredOnly()
        }
        return try KerasSummary(model.parsedModel.analyze()).render(showTrainable: showTrainable)
    }

    /// The fixtures read here are stored archives or JSON; nothing needs DEFLATE.
    struct StoredOnly: Error {}

    static func expect(_ actual: String, equals expected: String, _ name: String) {
        if let diff = lineDiff(expected: expected, actual: actual) { Issue.record("\(name) differs:\n\(diff)") }
    }

    static let seeds = ["seed000_cnn", "seed000_mlp_128", "qiita_mlp_16", "qiita_poolmlp_16", "qiita_cnn1_2", "qiita_cnn2_2",
                        "seed004_fc1", "seed004_cnn1", "seed004_cnn2"]

    @Test(arguments: seeds)
    func seedModelsPrintTheirGoldens(golden: String) throws {
        Self.expect(try Self.summary("keras3/\(golden).json"), equals: try Golden.text("\(golden).keras.txt"), golden)
    }

    @Test func mobileNetV2PrintsItsGolden() throws {
        Self.expect(try Self.summary("keras3/mobilenetv2.json"), equals: try Golden.text("mobilenetv2_include_top.keras.txt"),
                    "mobilenetv2")
    }

    @Test(arguments: ["every_layer", "every_layer_sequential", "functional_chain"])
    func fixturesPrintWhatKerasPrinted(name: String) throws {
        for showTrainable in [false, true] {
            let recorded = try String(contentsOf: Self.folder.appendingPathComponent(
                "keras3/\(name).keras\(showTrainable ? "_show_trainable" : "").txt"), encoding: .utf8)
            Self.expect(try Self.summary("keras3/\(name).json", showTrainable: showTrainable), equals: recorded, name)
        }
    }

    @Test func keras2FilesPrintTheKeras3Summaries() throws {
        let recorded = try String(contentsOf: Self.folder.appendingPathComponent("keras3/every_layer.keras.txt"), encoding: .utf8)
        Self.expect(try Self.summary("keras2/every_layer.json"), equals: recorded, "keras2/every_layer")
        Self.expect(try Self.summary("keras2/qiita_cnn2_2.json"), equals: try Golden.text("qiita_cnn2_2.keras.txt"), "keras2/qiita_cnn2_2")
        Self.expect(try Self.summary("keras3/qiita_cnn2_2.keras"), equals: try Golden.text("qiita_cnn2_2.keras.txt"), "qiita_cnn2_2.keras")
    }
}
