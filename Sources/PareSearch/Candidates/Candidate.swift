// A model the search may train: its description, how it was derived, and its analysed size.

import PareModel

/// A candidate model: a description with its family and widths, analysed before any training.
public struct Candidate: Hashable, Sendable {
    /// The model.
    public var spec: ModelSpec
    /// The structural moves that made its family from the base (empty for the base family).
    public var moves: [SearchMove]
    /// Its hidden widths (at `spec.widthSlots`).
    public var widths: [Int]
    /// Parameters (Keras view).
    public var parameterCount: Int
    /// Multiply-adds per example.
    public var multiplyAdds: Int
    /// torchinfo's estimated total bytes.
    public var totalBytes: Int
    /// The canonical `.pare` text: the identity of the candidate.
    public var pareText: String

    /// Analyses `spec`; `nil` when it is not a valid model (a move made a shape impossible).
    public init?(spec: ModelSpec, moves: [SearchMove]) {
        guard let analysis = try? ModelAnalysis(spec) else { return nil }
        self.spec = spec
        self.moves = moves
        self.widths = spec.hiddenWidths
        self.parameterCount = analysis.parameterCount
        self.multiplyAdds = analysis.multiplyAdds
        self.totalBytes = analysis.memory.totalBytes
        self.pareText = spec.pareText
    }

    /// The candidate's size on `measure`.
    public func size(_ measure: Measure) -> Int {
        switch measure {
        case .params: parameterCount
        case .macs: multiplyAdds
        case .bytes: totalBytes
        }
    }

    /// The family name: its moves joined by `+`, or `base`.
    public var familyName: String { Self.familyName(moves) }

    /// `base` or the moves joined by `+`.
    public static func familyName(_ moves: [SearchMove]) -> String {
        moves.isEmpty ? "base" : moves.map(\.rawValue).joined(separator: "+")
    }

    /// Widths as written in reports: `2·4·4·4`.
    public var widthsText: String { widths.map(String.init).joined(separator: "·") }
}
