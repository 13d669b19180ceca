// Runs one layer on a small batch the way the network does — per chunk (work item) for per-item layers,
// once over all chunks for batch phases — with every buffer held in Swift arrays.

import PareEngine

/// A layer plus its input, parameters and workspace, for unit tests and gradient checks.
final class LayerHarness {
    let layer: any Layer
    let batchSize: Int
    var parameters: [Float]
    var input: LaneTensor
    var workspace: [Float]
    var isTraining = true
    var isFrozen = false
    var random = CounterRandom(seed: 11, step: 3, layer: 2)
    /// GEMM packing buffers for the layer's calls (they run one after another).
    let gemmWorkspace = GEMMWorkspace()

    init(layer: any Layer, input: LaneTensor, parameters: [Float]) {
        precondition(parameters.count == layer.parameterCount, "harness: \(parameters.count) parameters for \(layer.name)")
        self.layer = layer
        self.batchSize = input.batchSize
        self.input = input
        self.parameters = parameters
        self.workspace = [Float](repeating: .nan, count: max(layer.workspaceCount, 1))
    }

    private var chunkCount: Int { LaneLayout.chunkCount(batchSize: batchSize) }

    /// The chunk ranges of the calls: one per chunk, or all chunks at once for a batch phase.
    private var callRanges: [Range<Int>] {
        layer.needsBatchPhase(isTraining: isTraining, isFrozen: isFrozen)
            ? [0..<chunkCount] : (0..<chunkCount).map { $0..<($0 + 1) }
    }

    /// The layer output; its buffer starts as NaN so an element the layer forgets to write shows up.
    func forward(runner: ParallelRunner = .serial) -> LaneTensor {
        var output = LaneTensor(batchSize: batchSize, featureCount: layer.outputShape.featureCount, fill: .nan)
        let ranges = callRanges
        input.values.withUnsafeBufferPointer { inputBuffer in
            output.values.withUnsafeMutableBufferPointer { outputBuffer in
                parameters.withUnsafeMutableBufferPointer { parameterBuffer in
                    workspace.withUnsafeMutableBufferPointer { workspaceBuffer in
                        for chunks in ranges {
                            layer.forward(ForwardPass(
                                input: inputBuffer.baseAddress!, output: outputBuffer.baseAddress!, chunks: chunks,
                                batchSize: batchSize, parameters: parameterBuffer.baseAddress!,
                                workspace: workspaceBuffer.baseAddress!, isTraining: isTraining, isFrozen: isFrozen,
                                random: random, runner: runner, gemmWorkspace: gemmWorkspace))
                        }
                    }
                }
            }
        }
        return output
    }

    /// Runs forward, then backward with `outputGradient`; returns ∂/∂input and ∂/∂parameters (summed over the
    /// calls like the network sums work items). Gradient buffers start as NaN so unwritten elements show up.
    func gradients(outputGradient: LaneTensor, runner: ParallelRunner = .serial) -> (input: LaneTensor, parameters: [Float]) {
        var output = forward(runner: runner)
        var upstream = outputGradient
        var inputGradient = LaneTensor(batchSize: batchSize, featureCount: layer.inputShape.featureCount, fill: .nan)
        let ranges = callRanges
        var perCall = [[Float]](repeating: [Float](repeating: .nan, count: parameters.count), count: ranges.count)
        input.values.withUnsafeBufferPointer { inputBuffer in
            output.values.withUnsafeMutableBufferPointer { outputBuffer in
                upstream.values.withUnsafeMutableBufferPointer { upstreamBuffer in
                    inputGradient.values.withUnsafeMutableBufferPointer { inputGradientBuffer in
                        parameters.withUnsafeBufferPointer { parameterBuffer in
                            workspace.withUnsafeMutableBufferPointer { workspaceBuffer in
                                for (call, chunks) in ranges.enumerated() {
                                    perCall[call].withUnsafeMutableBufferPointer { gradientBuffer in
                                        layer.backward(BackwardPass(
                                            input: inputBuffer.baseAddress!, output: outputBuffer.baseAddress!,
                                            outputGradient: upstreamBuffer.baseAddress!,
                                            inputGradient: inputGradientBuffer.baseAddress!,
                                            parameters: parameterBuffer.baseAddress!,
                                            parameterGradients: gradientBuffer.baseAddress!, chunks: chunks,
                                            batchSize: batchSize, workspace: workspaceBuffer.baseAddress!,
                                            isTraining: isTraining, isFrozen: isFrozen, random: random,
                                            runner: runner, gemmWorkspace: gemmWorkspace))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let summed = (0..<parameters.count).map { index in perCall.reduce(Float(0)) { $0 + $1[index] } }
        return (inputGradient, summed)
    }
}
