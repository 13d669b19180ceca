// CRC-32: the slicing-by-8 version against the bitwise reference and the standard check value.

import Testing
import PareData

@Suite struct CRC32Tests {
    @Test func checkValue() {
        // The CRC-32 "check" value of the ASCII digits 123456789 (catalogued as CRC-32/ISO-HDLC).
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func matchesReferenceForEveryLengthAndSplit() {
        var generator = SplitMix64(seed: 8)
        let bytes = (0..<80).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for length in 0...bytes.count {
            let prefix = Array(bytes[..<length])
            let reference = CRC32.referenceChecksum(prefix)
            #expect(CRC32.checksum(prefix) == reference, "length \(length)")
            // Fed in two pieces at every split point (covers the 8-byte loop and the byte tail at every offset).
            for split in [0, 1, 3, 7, 8, 9, 15, 16, 17].filter({ $0 <= length }) {
                var crc = CRC32()
                prefix[..<split].withUnsafeBytes { crc.update($0) }
                prefix[split...].withUnsafeBytes { crc.update($0) }
                #expect(crc.value == reference, "length \(length), split at \(split)")
            }
        }
    }
}
