// Parses the header of one gzip member (RFC 1952 §2.3): magic, method, flags and the optional fields.

/// The fields of a gzip member header that Pare uses, and where the compressed data starts.
struct GzipHeader: Equatable {
    /// The original file name (FNAME), if present, as raw Latin-1 bytes.
    var fileName: [UInt8]?
    /// The comment (FCOMMENT), if present.
    var comment: [UInt8]?
    /// The extra field (FEXTRA), if present.
    var extra: [UInt8]?
    /// The offset of the first byte after the header.
    var dataOffset: Int

    /// The gzip magic bytes.
    static let magic: (UInt8, UInt8) = (0x1F, 0x8B)

    /// Flag bits (RFC 1952 §2.3.1); FTEXT (bit 0) is only a hint and is ignored.
    private static let headerCRCFlag: UInt8 = 1 << 1, extraFlag: UInt8 = 1 << 2
    private static let nameFlag: UInt8 = 1 << 3, commentFlag: UInt8 = 1 << 4, reservedFlags: UInt8 = 0xE0

    /// Parses the member header starting at `offset`.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) throws(GzipError) -> GzipHeader {
        let remaining = input.count - offset
        guard remaining >= 2, input[offset] == magic.0, input[offset + 1] == magic.1 else {
            throw GzipError.notGzip(firstBytes: Array(input[offset..<offset + min(2, remaining)]))
        }
        guard remaining >= 10 else { throw GzipError.truncatedHeader }
        guard input[offset + 2] == 8 else { throw GzipError.unsupportedMethod(input[offset + 2]) }
        let flags = input[offset + 3]
        guard flags & reservedFlags == 0 else { throw GzipError.reservedFlags(flags) }
        // MTIME (4 bytes), XFL and OS carry nothing a decoder needs.
        var position = offset + 10
        var header = GzipHeader(dataOffset: 0)
        if flags & extraFlag != 0 {
            guard input.count - position >= 2 else { throw GzipError.truncatedHeader }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            position += 2
            guard input.count - position >= length else { throw GzipError.truncatedHeader }
            header.extra = Array(input[position..<position + length])
            position += length
        }
        if flags & nameFlag != 0 { header.fileName = try zeroTerminated(input, &position) }
        if flags & commentFlag != 0 { header.comment = try zeroTerminated(input, &position) }
        if flags & headerCRCFlag != 0 {
            guard input.count - position >= 2 else { throw GzipError.truncatedHeader }
            let stored = UInt16(input[position]) | UInt16(input[position + 1]) << 8
            var crc = CRC32()
            crc.update(UnsafeRawBufferPointer(start: input.baseAddress! + offset, count: position - offset))
            let computed = UInt16(truncatingIfNeeded: crc.value)
            guard stored == computed else { throw GzipError.headerCRCMismatch(stored: stored, computed: computed) }
            position += 2
        }
        header.dataOffset = position
        return header
    }

    /// The bytes up to the next zero byte, moving `position` past the zero.
    private static func zeroTerminated(_ input: UnsafeBufferPointer<UInt8>,
                                       _ position: inout Int) throws(GzipError) -> [UInt8] {
        guard let zero = input[position...].firstIndex(of: 0) else { throw GzipError.truncatedHeader }
        defer { position = zero + 1 }
        return Array(input[position..<zero])
    }
}
