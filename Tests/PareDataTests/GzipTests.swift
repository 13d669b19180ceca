// Gzip decoding of fixtures written by Python's gzip/zlib (Fixtures/make_fixtures.py): every block type,
// empty and multi-member files, all optional header fields, and prefix decoding with maxOutputBytes.

import Testing
import PareData

@Suite struct GzipTests {
    @Test(arguments: Fixture.gzipNames)
    func decodesPythonFixture(name: String) throws {
        let compressed = Fixture.bytes("gzip/\(name).gz")
        let expected = Fixture.bytes("gzip/\(name).bin")
        #expect(!compressed.isEmpty)
        #expect(Gzip.isCompressed(compressed))
        let decoded = try Gzip.decompress(compressed)
        #expect(decoded.count == expected.count)
        #expect(decoded == expected)
    }

    @Test func fixturesCoverWhatTheyClaim() {
        // The script asserts the block types; these sizes pin the fixtures it made (see its docstring).
        #expect(Fixture.bytes("gzip/empty.bin").isEmpty)
        #expect(Fixture.bytes("gzip/stored.bin").count == 3000)
        #expect(Fixture.bytes("gzip/dynamic.bin").count > 20000)
    }

    @Test(arguments: Fixture.gzipNames)
    func maxOutputBytesDecodesExactlyThePrefix(name: String) throws {
        let compressed = Fixture.bytes("gzip/\(name).gz")
        let expected = Fixture.bytes("gzip/\(name).bin")
        for limit in Set([0, 1, 2, 57, 100, 1000, expected.count / 2, expected.count - 1, expected.count,
                          expected.count + 1]) where limit >= 0 {
            let decoded = try Gzip.decompress(compressed, maxOutputBytes: limit)
            #expect(decoded == Array(expected.prefix(limit)), "limit \(limit)")
        }
    }

    @Test func prefixDecodingDoesNotSeeACorruptTrailer() throws {
        // Documented trade-off: a prefix cannot check the CRC-32, so a bad trailer only shows in a full decode.
        var compressed = Fixture.bytes("gzip/dynamic.gz")
        compressed[compressed.count - 8] ^= 0xFF
        #expect(try Gzip.decompress(compressed, maxOutputBytes: 100) == Array(Fixture.bytes("gzip/dynamic.bin").prefix(100)))
        #expect(throws: GzipError.self) { try Gzip.decompress(compressed) }
    }

    @Test func singleOneBitDistanceCodeIsAccepted() throws {
        // RFC 1951 §3.2.7: one distance code of one bit is a valid (incomplete) code.
        // Literal/length code: 257 → "0", 'a' (97) → "10", 256 → "11".
        var writer = DeflateBitWriter()
        writer.blockHeader(final: true, type: 2)
        writer.dynamicHeader(literalLengths: codeLengths(258, [97: 2, 256: 2, 257: 1]), distanceLengths: [1])
        writer.writeCode(0b10, length: 2)  // 'a'
        writer.writeCode(0b0, length: 1)  // length 3
        writer.writeCode(0b0, length: 1)  // distance symbol 0: distance 1
        writer.writeCode(0b11, length: 2)  // end of block
        let decoded = try Gzip.decompress(plainGzipHeader + writer.bytes + trailer(for: Array("aaaa".utf8)))
        #expect(decoded == Array("aaaa".utf8))
    }

    @Test func emptyMemberBetweenMembersIsFine() throws {
        let fixed = Fixture.bytes("gzip/fixed.gz"), empty = Fixture.bytes("gzip/empty.gz")
        let expected = Fixture.bytes("gzip/fixed.bin")
        #expect(try Gzip.decompress(empty + fixed + empty + fixed) == expected + expected)
    }

    /// The 8-byte trailer (CRC-32, ISIZE) of `payload`.
    private func trailer(for payload: [UInt8]) -> [UInt8] {
        let crc = CRC32.checksum(payload), size = UInt32(payload.count)
        return (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
            + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
    }
}
