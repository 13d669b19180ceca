// A minimal zip reader for `.keras` files (PKWARE APPNOTE.TXT 6.3: end of central directory record, central
// directory file headers, local file headers): finds a member by name and returns its bytes. Stored members are
// copied; DEFLATE members are handed to a decoder the caller supplies, because PareModel depends on nothing and
// the DEFLATE decoder lives in PareData. No ZIP64, encryption or multi-disk archives (Keras writes none).

/// Decodes one DEFLATE-compressed zip member: its raw RFC 1951 data, the CRC-32 and size the archive records
/// for the decoded bytes (for the decoder to check). Throws any error; its description becomes the message.
public typealias ZipMemberInflater = (_ compressed: [UInt8], _ crc32: UInt32, _ uncompressedSize: Int) throws -> [UInt8]

/// The members of a zip archive, read from its central directory.
struct ZipArchive {
    /// One member as the central directory describes it.
    struct Member {
        var name: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// Why an archive cannot be read (one phrase, e.g. `no end of central directory record`).
    struct Problem: Error {
        var message: String
    }

    private let bytes: [UInt8]
    /// The members in central-directory order.
    let members: [Member]

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    /// Reads the central directory of `bytes`.
    init(bytes: [UInt8]) throws(Problem) {
        self.bytes = bytes
        // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
        let lowest = max(0, bytes.count - 22 - 65_535)
        guard bytes.count >= 22,
              let end = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: { Self.uint32(bytes, $0) == Self.endSignature })
        else { throw Problem(message: "no end of central directory record (not a zip file)") }
        let entryCount = Int(Self.uint16(bytes, end + 10))
        let directorySize = Int(Self.uint32(bytes, end + 12))
        let directoryOffset = Int(Self.uint32(bytes, end + 16))
        guard Self.uint16(bytes, end + 4) == 0, Self.uint16(bytes, end + 6) == 0 else {
            throw Problem(message: "multi-disk archives are not supported")
        }
        guard entryCount != 0xFFFF, directoryOffset != 0xFFFF_FFFF else { throw Problem(message: "ZIP64 archives are not supported") }
        guard directoryOffset + directorySize <= end else { throw Problem(message: "the central directory runs past its end record") }
        var members: [Member] = []
        var offset = directoryOffset
        for _ in 0..<entryCount {
            guard offset + 46 <= end, Self.uint32(bytes, offset) == Self.centralSignature else {
                throw Problem(message: "corrupt central directory at byte \(offset)")
            }
            let nameLength = Int(Self.uint16(bytes, offset + 28))
            let extraLength = Int(Self.uint16(bytes, offset + 30))
            let commentLength = Int(Self.uint16(bytes, offset + 32))
            let next = offset + 46 + nameLength + extraLength + commentLength
            guard next <= end else { throw Problem(message: "corrupt central directory at byte \(offset)") }
            members.append(Member(
                name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                flags: Self.uint16(bytes, offset + 8), method: Self.uint16(bytes, offset + 10),
                crc32: Self.uint32(bytes, offset + 16), compressedSize: Int(Self.uint32(bytes, offset + 20)),
                uncompressedSize: Int(Self.uint32(bytes, offset + 24)), localHeaderOffset: Int(Self.uint32(bytes, offset + 42))))
            offset = next
        }
        self.members = members
    }

    /// The member called `name`, if any.
    func member(named name: String) -> Member? {
        members.first { $0.name == name }
    }

    /// The decoded bytes of `member`, refusing members larger than `limit` bytes.
    func contents(of member: Member, limit: Int, inflate: ZipMemberInflater) throws(Problem) -> [UInt8] {
        guard member.flags & 1 == 0 else { throw Problem(message: "\(member.name) is encrypted") }
        guard member.uncompressedSize <= limit else {
            throw Problem(message: "\(member.name) is \(member.uncompressedSize) bytes, more than the \(limit) accepted")
        }
        let header = member.localHeaderOffset
        guard header + 30 <= bytes.count, Self.uint32(bytes, header) == Self.localSignature else {
            throw Problem(message: "no local header for \(member.name) at byte \(header)")
        }
        let start = header + 30 + Int(Self.uint16(bytes, header + 26)) + Int(Self.uint16(bytes, header + 28))
        guard start + member.compressedSize <= bytes.count else { throw Problem(message: "\(member.name) runs past the end of the file") }
        let data = Array(bytes[start..<(start + member.compressedSize)])
        switch member.method {
        case 0:
            guard member.compressedSize == member.uncompressedSize else {
                throw Problem(message: "stored member \(member.name) has different compressed and uncompressed sizes")
            }
            return data
        case 8:
            do {
                return try inflate(data, member.crc32, member.uncompressedSize)
            } catch {
                throw Problem(message: "\(member.name): \(error)")
            }
        default:
            throw Problem(message: "\(member.name) uses compression method \(member.method); Pare reads stored and DEFLATE members")
        }
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}
