// The stable identity of a training: a hash of everything that determines its result.

import Foundation
import PareTraining

/// Keys that identify a training across runs, so a resumed search recognises finished work.
public enum CandidateKey {
    /// A 16-hex-digit FNV-1a 64-bit hash of the canonical model text, the training configuration (JSON with
    /// sorted keys; it holds the data set and the seed) and the stop rule. Stable across runs and machines.
    public static func make(pareText: String, configuration: TrainingConfiguration, stopRule: StopRule) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = Array(pareText.utf8) + [0]
        bytes += (try? encoder.encode(configuration)).map(Array.init) ?? []
        bytes += [0] + ((try? encoder.encode(stopRule)).map(Array.init) ?? [])
        return hex(fnv1a64(bytes))
    }

    /// FNV-1a, 64-bit (offset basis 14695981039346656037, prime 1099511628211).
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
