// CRC-32 as gzip uses it (RFC 1952 §8), computed eight bytes at a time ("slicing-by-8"), with the bitwise
// definition kept beside it as the reference the fast version is tested against.

/// The CRC-32 checksum of gzip, zlib and PNG: reflected polynomial 0xEDB88320, initial value and final XOR
/// 0xFFFFFFFF. `CRC32.checksum(Array("123456789".utf8)) == 0xCBF43926`.
public struct CRC32: Sendable {
    /// The running register (before the final XOR).
    private var register: UInt32 = 0xFFFF_FFFF

    /// A checksum of no bytes.
    public init() {}

    /// The checksum of the bytes seen so far.
    public var value: UInt32 { register ^ 0xFFFF_FFFF }

    /// The checksum of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32()
        bytes.withUnsafeBytes { crc.update($0) }
        return crc.value
    }

    /// Adds `bytes` to the checksum.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var next = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        var crc = register
        Self.tables.withUnsafeBufferPointer { table in
            // Slicing-by-8: fold eight input bytes into the register with eight independent table lookups
            // (table k advances a byte by k further zero bytes), instead of eight dependent ones.
            while remaining >= 8 {
                let word = next.loadUnaligned(as: UInt64.self).littleEndian
                let low = UInt32(truncatingIfNeeded: word) ^ crc
                let high = UInt32(truncatingIfNeeded: word >> 32)
                crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                next += 8
                remaining -= 8
            }
            while remaining > 0 {
                crc = table[Int((crc ^ UInt32(next.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                next += 1
                remaining -= 1
            }
        }
        register = crc
    }

    /// The bitwise definition (RFC 1952 §8, one bit per step): the reference `update` is tested against.
    public static func referenceChecksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The reflected CRC-32 polynomial.
    private static let polynomial: UInt32 = 0xEDB8_8320

    /// Eight 256-entry tables, concatenated: table 0 is the CRC of each byte value; table k is table k-1
    /// advanced by one zero byte.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
            tables[byte] = crc
        }
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(slice - 1) * 256 + byte]
                tables[slice * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()
}
