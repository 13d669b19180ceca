// Every malformed gzip/DEFLATE input → its exact one-line message; and random damage never crashes or hangs.
//
// Byte offsets and checksums below come from the fixtures (Fixtures/make_fixtures.py) and were read with:
//   python3 -c "import zlib; d=open('gzip/dynamic.gz','rb').read(); print(len(zlib.decompressobj(-15).decompress(d[10:4000])))"
//     → 12235   (what zlib decodes from the first 4000 bytes of dynamic.gz: the same count must be reported)
//   the same for stored.gz cut at 1000 bytes → 985 (1000 - 10 header bytes - 5 block header bytes)
//   zlib.crc32(fixed.bin) → 0xccb2d9a5; len(fixed.bin) = 68; len(fixed.gz) = 57
//   headerfields.gz: the FHCRC field is at offset 66 (10 + 2 + 8 FEXTRA + 12 FNAME + 34 FCOMMENT) and holds
//   0xb72e (little-endian bytes 2e b7); stored.gz: block header at offset 10, LEN 0x0bb8, NLEN 0xf447.

import Testing
import PareData

@Suite struct GzipCorruptionTests {
    /// A named corruption: the input and the exact message it must produce.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]
        var message: String
        var testDescription: String { name }
    }

    static let fixed = Fixture.bytes("gzip/fixed.gz")

    static func changing(_ bytes: [UInt8], _ edits: [Int: UInt8]) -> [UInt8] {
        var copy = bytes
        for (offset, value) in edits { copy[offset] = value }
        return copy
    }

    /// A gzip member (no trailer) around a hand-written DEFLATE stream.
    static func member(_ build: (inout DeflateBitWriter) -> Void) -> [UInt8] {
        var writer = DeflateBitWriter()
        build(&writer)
        return plainGzipHeader + writer.bytes
    }

    /// A dynamic block with the given code lengths and nothing after them.
    static func dynamic(_ literalLengths: [Int], _ distanceLengths: [Int]) -> [UInt8] {
        member { writer in
            writer.blockHeader(final: true, type: 2)
            writer.dynamicHeader(literalLengths: literalLengths, distanceLengths: distanceLengths)
        }
    }

    static let cases: [Case] = [
        Case(name: "empty input", input: [], message: "not a gzip stream (empty input)"),
        Case(name: "zip magic", input: Array("PK\u{3}\u{4}".utf8),
             message: "not a gzip stream (starts with 0x50 0x4b, expected 0x1f 0x8b)"),
        Case(name: "one byte", input: [0x1F], message: "not a gzip stream (starts with 0x1f, expected 0x1f 0x8b)"),
        Case(name: "bad method", input: changing(fixed, [2: 7]),
             message: "unsupported gzip compression method 7 (only 8, deflate, exists)"),
        Case(name: "reserved flag", input: changing(fixed, [3: 0x20]),
             message: "gzip header sets reserved flag bits (flags 0x20)"),
        Case(name: "header cut", input: Array(fixed.prefix(9)), message: "truncated gzip header"),
        Case(name: "FNAME cut", input: Array(Fixture.bytes("gzip/headerfields.gz").prefix(25)),
             message: "truncated gzip header"),
        Case(name: "FEXTRA longer than the file", input: changing(Array(fixed.prefix(12)), [3: 4, 10: 0xFF, 11: 0]),
             message: "truncated gzip header"),
        Case(name: "FHCRC wrong", input: changing(Fixture.bytes("gzip/headerfields.gz"), [66: 0x00]),
             message: "gzip header CRC mismatch: FHCRC says 0xb700, the header has 0xb72e"),
        Case(name: "no data", input: Array(fixed.prefix(10)),
             message: "truncated gzip stream (the compressed data ends after 0 bytes of output)"),
        Case(name: "dynamic cut at 4000", input: Array(Fixture.bytes("gzip/dynamic.gz").prefix(4000)),
             message: "truncated gzip stream (the compressed data ends after 12235 bytes of output)"),
        Case(name: "stored cut at 1000", input: Array(Fixture.bytes("gzip/stored.gz").prefix(1000)),
             message: "truncated gzip stream (the compressed data ends after 985 bytes of output)"),
        Case(name: "stored header cut", input: Array(Fixture.bytes("gzip/stored.gz").prefix(13)),
             message: "truncated gzip stream (the compressed data ends after 0 bytes of output)"),
        Case(name: "trailer cut", input: Array(fixed.dropLast(3)),
             message: "truncated gzip stream (the 8-byte CRC-32/ISIZE trailer is incomplete)"),
        Case(name: "CRC wrong", input: changing(fixed, [fixed.count - 8: 0xA4]),
             message: "CRC-32 mismatch: the trailer says 0xccb2d9a4, the data has 0xccb2d9a5"),
        Case(name: "ISIZE wrong", input: changing(fixed, [fixed.count - 4: 69]),
             message: "ISIZE mismatch: the trailer says 69 bytes, decoded 68 (modulo 2^32)"),
        Case(name: "trailing text", input: fixed + Array("junk".utf8),
             message: "trailing garbage: 4 bytes at offset 57 after the last gzip member do not start another member"),
        Case(name: "trailing zero", input: fixed + [0],
             message: "trailing garbage: 1 byte at offset 57 after the last gzip member do not start another member"),
        Case(name: "trailing magic only", input: fixed + [0x1F, 0x8B, 8],
             message: "truncated gzip header"),
        Case(name: "block type 3", input: plainGzipHeader + [0x07],
             message: "invalid DEFLATE block type 3 (reserved)"),
        Case(name: "stored NLEN wrong", input: changing(Fixture.bytes("gzip/stored.gz"), [13: 0x00]),
             message: "stored block LEN 0x0bb8 does not match NLEN 0xf400 (must be its one's complement)"),
        Case(name: "287 literal/length codes",
             input: member { $0.blockHeader(final: true, type: 2); $0.write(30, bits: 5); $0.write(0, bits: 5); $0.write(0, bits: 4) },
             message: "dynamic block declares 287 literal/length and 1 distance codes (at most 286 and 30)"),
        Case(name: "32 distance codes",
             input: member { $0.blockHeader(final: true, type: 2); $0.write(0, bits: 5); $0.write(31, bits: 5); $0.write(0, bits: 4) },
             message: "dynamic block declares 257 literal/length and 32 distance codes (at most 286 and 30)"),
        Case(name: "code-length code over-subscribed",
             input: member { writer in
                 writer.blockHeader(final: true, type: 2)
                 writer.write(0, bits: 5); writer.write(0, bits: 5); writer.write(0, bits: 4)
                 for _ in 0..<4 { writer.write(1, bits: 3) }  // symbols 16, 17, 18, 0 all one bit long
             },
             message: "invalid code-length code lengths (over-subscribed code)"),
        Case(name: "code-length code incomplete",
             input: member { writer in
                 writer.blockHeader(final: true, type: 2)
                 writer.write(0, bits: 5); writer.write(0, bits: 5); writer.write(0, bits: 4)
                 for length in [1, 0, 0, 0] { writer.write(length, bits: 3) }  // only symbol 16
             },
             message: "invalid code-length code lengths (incomplete code)"),
        Case(name: "repeat with no previous length",
             input: member { writer in
                 writer.blockHeader(final: true, type: 2)
                 writer.write(0, bits: 5); writer.write(0, bits: 5); writer.write(0, bits: 4)
                 for length in [1, 0, 0, 1] { writer.write(length, bits: 3) }  // 0 → "0", 16 → "1"
                 writer.writeCode(1, length: 1)
             },
             message: "invalid code lengths: repeat code 16 with no previous length"),
        Case(name: "repeat past the declared lengths",
             input: member { writer in
                 writer.blockHeader(final: true, type: 2)
                 writer.write(0, bits: 5); writer.write(0, bits: 5); writer.write(0, bits: 4)
                 for length in [0, 0, 1, 1] { writer.write(length, bits: 3) }  // 0 → "0", 18 → "1"
                 for _ in 0..<2 { writer.writeCode(1, length: 1); writer.write(127, bits: 7) }  // 2 × 138 zeros > 258
             },
             message: "invalid code lengths: a repeat runs past the 258 declared lengths"),
        Case(name: "no end-of-block code", input: dynamic(codeLengths(257, [0: 1, 1: 1]), [1]),
             message: "invalid code lengths: the end-of-block symbol 256 has no code"),
        Case(name: "literal/length over-subscribed", input: dynamic(codeLengths(257, [0: 1, 1: 1, 2: 1, 256: 1]), [1]),
             message: "invalid literal/length code lengths (over-subscribed code)"),
        Case(name: "literal/length incomplete", input: dynamic(codeLengths(257, [0: 2, 256: 1]), [1]),
             message: "invalid literal/length code lengths (incomplete code)"),
        Case(name: "distance over-subscribed", input: dynamic(codeLengths(257, [0: 1, 256: 1]), [1, 1, 1]),
             message: "invalid distance code lengths (over-subscribed code)"),
        Case(name: "distance incomplete", input: dynamic(codeLengths(257, [0: 1, 256: 1]), [2, 2, 2]),
             message: "invalid distance code lengths (incomplete code)"),
        Case(name: "fixed literal/length symbol 286",
             input: member { $0.blockHeader(final: true, type: 1); $0.fixedSymbol(286) },
             message: "invalid literal/length symbol 286"),
        Case(name: "fixed distance symbol 30",
             input: member { $0.blockHeader(final: true, type: 1); $0.fixedSymbol(97); $0.fixedSymbol(257); $0.fixedDistance(30) },
             message: "invalid distance symbol 30"),
        Case(name: "unused distance bit pattern",
             input: member { writer in
                 // Literal/length: 257 → "0", 'a' → "10", 256 → "11"; one distance code "0", so "1" is unused.
                 writer.blockHeader(final: true, type: 2)
                 writer.dynamicHeader(literalLengths: codeLengths(258, [97: 2, 256: 2, 257: 1]), distanceLengths: [1])
                 writer.writeCode(0b10, length: 2); writer.writeCode(0, length: 1); writer.writeCode(1, length: 1)
                 writer.writeCode(0b11, length: 2)
             },
             message: "invalid distance code (unused bit pattern)"),
        Case(name: "distance too far back",
             input: member { $0.blockHeader(final: true, type: 1); $0.fixedSymbol(97); $0.fixedSymbol(257); $0.fixedDistance(1) },
             message: "invalid distance 2 too far back (only 1 byte decoded)"),
        Case(name: "distance into the previous member",
             input: fixed + member { $0.blockHeader(final: true, type: 1); $0.fixedSymbol(257); $0.fixedDistance(0); $0.fixedSymbol(256) },
             message: "invalid distance 1 too far back (only 0 bytes decoded)"),
    ]

    @Test(arguments: cases)
    func exactMessage(_ corruption: Case) {
        do {
            let decoded = try Gzip.decompress(corruption.input)
            Issue.record("decoded \(decoded.count) bytes; expected: \(corruption.message)")
        } catch {
            #expect(error.description == corruption.message)
        }
    }

    @Test func randomDamageEndsInTheRightBytesOrAnError() {
        // Flipped bytes, cut files, inserted and overwritten bytes: each decode must throw a one-line error or
        // return exactly the original data (damage to MTIME, XFL or OS changes nothing); never trap or hang.
        var generator = SplitMix64(seed: 1952)
        var failures = 0
        for name in ["fixed", "dynamic", "stored", "headerfields", "syncflush", "multimember"] {
            let original = Fixture.bytes("gzip/\(name).gz")
            let payload = Fixture.bytes("gzip/\(name).bin")
            for trial in 0..<40 {
                var damaged = original
                let position = Shuffling.uniformIndex(below: damaged.count, using: &generator)
                switch trial % 4 {
                case 0: damaged[position] ^= UInt8(1 + Shuffling.uniformIndex(below: 255, using: &generator))
                case 1: damaged.removeSubrange(position...)
                case 2: damaged.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
                default:
                    for offset in position..<min(damaged.count, position + 16) {
                        damaged[offset] = UInt8(truncatingIfNeeded: generator.next())
                    }
                }
                do {
                    let decoded = try Gzip.decompress(damaged)
                    #expect(decoded == payload, "\(name) trial \(trial) at \(position) decoded wrong bytes")
                } catch {
                    #expect(!error.description.isEmpty && !error.description.contains("\n"))
                    failures += 1
                }
            }
        }
        #expect(failures > 0)
    }
}
