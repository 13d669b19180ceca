// How reports name the size measure a search minimises.

import PareSearch

extension Measure {
    /// The unit after a number: `params`, `multiply-adds`, `bytes`.
    var unitName: String {
        switch self {
        case .params: "params"
        case .macs: "multiply-adds"
        case .bytes: "bytes"
        }
    }

    /// The title of a logarithmic axis of this measure.
    var logAxisTitle: String {
        switch self {
        case .params: "parameters (Keras count, log scale)"
        case .macs: "multiply-adds per example (log scale)"
        case .bytes: "estimated total size in bytes (torchinfo, batch 1, log scale)"
        }
    }
}
