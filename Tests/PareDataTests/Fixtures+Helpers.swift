// Test helpers for PareDataTests: fixture files, a seeded generator, and a bit writer for hand-made DEFLATE.

import Foundation
import PareData

/// The files written by `Fixtures/make_fixtures.py`.
enum Fixture {
    /// The fixture folder inside the test bundle.
    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// The path of `Fixtures/RELATIVE`.
    static func path(_ relative: String) -> String {
        directory.appendingPathComponent(relative).path
    }

    /// The bytes of `Fixtures/RELATIVE`.
    static func bytes(_ relative: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path(relative)) ?? Data())
    }

    /// The gzip fixtures: each `gzip/NAME.gz` decodes to `gzip/NAME.bin`.
    static let gzipNames = ["stored", "fixed", "dynamic", "empty", "multimember", "headerfields", "syncflush"]
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator whose outputs are easy to reproduce in
/// Python for cross-checks (`state += 0x9E3779B97F4A7C15`, then two xor-shift-multiply rounds).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Writes a DEFLATE bit stream by hand (RFC 1951 §3.1.1): values least significant bit first, Huffman codes
/// most significant bit first.
struct DeflateBitWriter {
    private(set) var bytes: [UInt8] = []
    private var bitCount = 0

    /// Appends the low `count` bits of `value`, least significant first.
    mutating func write(_ value: Int, bits count: Int) {
        for bit in 0..<count {
            if bitCount % 8 == 0 { bytes.append(0) }
            bytes[bytes.count - 1] |= UInt8((value >> bit) & 1) << UInt8(bitCount % 8)
            bitCount += 1
        }
    }

    /// Appends a Huffman code of `length` bits, most significant first.
    mutating func writeCode(_ code: Int, length: Int) {
        for bit in stride(from: length - 1, through: 0, by: -1) { write(code >> bit, bits: 1) }
    }

    /// A block header: BFINAL then BTYPE.
    mutating func blockHeader(final: Bool, type: Int) {
        write(final ? 1 : 0, bits: 1)
        write(type, bits: 2)
    }

    /// A literal/length symbol in the fixed code (RFC 1951 §3.2.6).
    mutating func fixedSymbol(_ symbol: Int) {
        switch symbol {
        case 0...143: writeCode(0x30 + symbol, length: 8)
        case 144...255: writeCode(0x190 + symbol - 144, length: 9)
        case 256...279: writeCode(symbol - 256, length: 7)
        default: writeCode(0xC0 + symbol - 280, length: 8)
        }
    }

    /// A distance symbol in the fixed code (5 bits).
    mutating func fixedDistance(_ symbol: Int) {
        writeCode(symbol, length: 5)
    }

    /// A dynamic block header (after BFINAL/BTYPE) for the given code lengths, using a code-length code in
    /// which symbols 0...15 all have 4-bit codes (so code = symbol) and 16...18 are unused.
    mutating func dynamicHeader(literalLengths: [Int], distanceLengths: [Int]) {
        write(literalLengths.count - 257, bits: 5)
        write(distanceLengths.count - 1, bits: 5)
        write(19 - 4, bits: 4)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        for symbol in order { write(symbol <= 15 ? 4 : 0, bits: 3) }
        for length in literalLengths + distanceLengths { writeCode(length, length: 4) }
    }
}

/// A gzip member header with no optional fields (mtime 0, OS unknown).
let plainGzipHeader: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]

/// Code lengths with `lengths[symbol]` set and all others 0, for `count` symbols.
func codeLengths(_ count: Int, _ lengths: [Int: Int]) -> [Int] {
    (0..<count).map { lengths[$0] ?? 0 }
}
