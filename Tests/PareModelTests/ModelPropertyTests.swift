// Invariants over many random valid models: printing round-trips, counts add up, narrowing never grows.

import Testing
import PareModel
import PareTestSupport

@Suite struct ModelPropertyTests {
    static let specs = RandomSpecs.make(count: 300, seed: 2026)

    @Test func printThenParseGivesTheSameSpec() throws {
        for spec in Self.specs {
            let text = spec.pareText
            let parsed = try ParsedModel.parse(text, path: "random.pare")
            #expect(parsed.spec == spec, "\(text)")
        }
    }

    @Test func randomSpecsAreValidAndCountsAddUp() throws {
        for spec in Self.specs {
            let analysis = try ModelAnalysis(spec)
            #expect(analysis.trainableParameterCount + analysis.nonTrainableParameterCount == analysis.parameterCount)
            #expect(analysis.layers.map(\.parameterCount).reduce(0, +) == analysis.parameterCount)
            #expect(analysis.torchParameterCount <= analysis.parameterCount)
            for layer in analysis.layers where !layer.spec.trainable {
                #expect(layer.trainableParameterCount == 0)
            }
        }
    }

    @Test func narrowingAnyWidthNeverAddsParameters() throws {
        for spec in Self.specs {
            let before = try ModelAnalysis(spec).parameterCount
            for index in spec.layers.indices {
                var narrower = spec
                switch spec.layers[index].kind {
                case .dense(var dense) where dense.units > 1:
                    dense.units -= 1
                    narrower.layers[index].kind = .dense(dense)
                case .conv2D(var conv) where conv.filters > 1:
                    conv.filters -= 1
                    narrower.layers[index].kind = .conv2D(conv)
                default:
                    continue
                }
                #expect(try ModelAnalysis(narrower).parameterCount <= before)
            }
        }
    }

    /// The Qiita study's closed forms (../shared/STUDIES.md, seed 003) for every width up to 64.
    /// Parameters = a·n² + b·n + c.
    @Test(arguments: [("qiita_mlp", 1, 796, 10), ("qiita_poolmlp", 1, 208, 10),
                      ("qiita_cnn1", 1170, 56, 10), ("qiita_cnn2", 63, 335, 10)])
    func familyFormulas(file: String, a: Int, b: Int, c: Int) throws {
        for n in 1...64 {
            let analysis = try Repository.parsedModel(file, ["n": n]).analyze()
            #expect(analysis.parameterCount == a * n * n + b * n + c, "\(file) n=\(n)")
        }
    }

    @Test func modelFilesRoundTripThroughThePrinter() throws {
        for name in ["seed000_cnn", "seed004_cnn2", "mnist_convnet", "qiita_cnn2"] {
            let parsed = try Repository.parsedModel(name)
            #expect(try ParsedModel.parse(parsed.spec.pareText, path: name).spec == parsed.spec)
        }
    }

    @Test func generatedNamesFollowKeras() throws {
        let spec = try Repository.parsedModel("seed004_cnn2").spec
        let names = spec.resolvedLayerNames
        #expect(names.prefix(4) == ["conv2d", "conv2d_1", "max_pooling2d", "dropout"])
        #expect(names.suffix(3) == ["dense", "dropout_3", "dense_1"])
    }

    @Test func variablesExpressionsAndOverrides() throws {
        let text = """
        model "vars"   # a comment
        let n = 3
        let m = (n + 1) * 2 - 10 / 3   # 8 - 3 = 5
        input (n+1)x(n+1)x1
        conv2d m 3x1 relu stride=1x1 padding=same name=first
        flatten
        dense 2*n softmax bias=false trainable=false
        """
        let parsed = try ParsedModel.parse(text, path: "v.pare")
        #expect(parsed.spec.inputShape == .image(height: 4, width: 4, channels: 1))
        guard case .conv2D(let conv) = parsed.spec.layers[0].kind, case .dense(let dense) = parsed.spec.layers[2].kind else {
            Issue.record("unexpected kinds"); return
        }
        #expect(conv.filters == 5 && conv.kernelSize == Size2(3, 1) && conv.padding == .same && conv.activation == .relu)
        #expect(parsed.spec.layers[0].name == "first")
        #expect(dense.units == 6 && !dense.useBias && dense.activation == .softmax && !parsed.spec.layers[2].trainable)
        let overridden = try ParsedModel.parse(text, path: "v.pare", overrides: ["n": 1])
        #expect(overridden.spec.inputShape == .image(height: 2, width: 2, channels: 1))
        #expect(overridden.variables.map(\.value) == [1, 1])  // m = (1 + 1) * 2 - 10 / 3 = 1
        #expect(overridden.variables.map(\.isOverridden) == [true, false])
    }
}
