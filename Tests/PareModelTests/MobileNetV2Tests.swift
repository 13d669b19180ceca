// MobileNetV2 described as a graph: Keras's counts with and without the top, and every row of the
// fine-tuning table (../shared/golden/params_mobilenetv2.json, Keras 3.15.1).

import Testing
import PareModel
import PareTestSupport

@Suite struct MobileNetV2Tests {
    @Test func countsMatchKeras() throws {
        let top = try Repository.parsedModel("mobilenetv2").analyze()
        #expect(top.parameterCount == 3_538_984)
        #expect(top.nonTrainableParameterCount == 34_112)
        #expect(top.layers.count + 1 == 156)  // Keras counts the InputLayer
        #expect(top.outputShape == .vector(1000))
        let noTop = try Repository.parsedModel("mobilenetv2_notop").analyze()
        #expect(noTop.parameterCount == 2_257_984)
        #expect(noTop.layers.count + 1 == 154)
        #expect(noTop.outputShape == .image(height: 7, width: 7, channels: 1280))
        let small = try Repository.parsedModel("mobilenetv2_notop", ["size": 160]).analyze()
        #expect(small.outputShape == .image(height: 5, width: 5, channels: 1280))
        #expect(small.spec.displayName == "mobilenetv2_1.00_160")
    }

    @Test func everyFineTuningRowMatchesKeras() throws {
        let rows = try Golden.json("params_mobilenetv2.json")["finetune"] as! [[String: Any]]
        #expect(rows.count >= 10)
        for row in rows {
            let k = row["k"] as! Int, units = row["head_units"] as! Int, size = row["input"] as! Int
            let base = try Repository.parsedModel("mobilenetv2_notop", ["size": size]).spec
            let analysis = try ModelAnalysis(base.fineTuning(unfreezeTop: k, headUnits: units))
            #expect(analysis.parameterCount == row["total"] as? Int, "k=\(k)")
            #expect(analysis.trainableParameterCount == row["trainable"] as? Int, "k=\(k)")
            #expect(analysis.nonTrainableParameterCount == row["non_trainable"] as? Int, "k=\(k)")
            let unfrozen = analysis.layers.filter { $0.spec.trainable && $0.spec.kind != .globalAveragePooling2D && $0.name != "dense" }
            #expect(unfrozen.map(\.name) == (row["unfrozen_layers"] as! [String]).filter { $0 != "input_layer" }, "k=\(k)")
        }
    }

    @Test func graphSyntaxErrors() {
        func message(_ text: String) -> String? {
            do { _ = try ParsedModel.parse(text, path: "g.pare").analyze(); return nil } catch { return error.description }
        }
        #expect(message("input 4x4x2\na = conv2d 2 1\nb = add a, c\n")
                == "g.pare:3: error: b takes input 'c', which is no layer of the model; did you mean 'a'?")
        #expect(message("input 4x4x2\na = conv2d 3 1\nb = add a, input_layer\n")
                == "g.pare:3: error: b adds inputs of different shapes: 4x4x3, 4x4x2")
        #expect(message("input 4x4x2\na = conv2d 2 1 from=b\nb = conv2d 2 1\n")
                == "g.pare:2: error: a takes input 'b', which is defined after it; layers must follow their inputs")
        #expect(message("input 4x4x2\nadd a\n") == "g.pare:2:1: error: add needs two or more input layers (e.g. 'add block_1_project_BN, block_2_project_BN')")
        #expect(message("input 4x4x2\na = conv2d 2 1 from=input_layer,input_layer\n") == "g.pare:2: error: a takes one input, got 2")
    }

    @Test func graphSpecsRoundTripThroughThePrinter() throws {
        let spec = try Repository.parsedModel("mobilenetv2").spec
        #expect(try ParsedModel.parse(spec.pareText, path: "m").spec == spec)
        let small = try ParsedModel.parse("input 5x5x1 name=pixels\npad = zeropad2d 1x2\nrelu max=6 from=pad\nzeropad2d top=1 bottom=0 left=2 right=3\n", path: "s").spec
        #expect(try ParsedModel.parse(small.pareText, path: "s").spec == small)
        #expect(try ModelAnalysis(small).outputShape == .image(height: 8, width: 14, channels: 1))
    }
}
