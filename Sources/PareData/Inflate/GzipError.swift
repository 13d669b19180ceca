// Every way a gzip stream (RFC 1952) or the DEFLATE data inside it (RFC 1951) can be malformed, each
// rendered as one line.

/// A malformed gzip or DEFLATE stream: what was wrong and what was received.
///
/// `description` is a one-line message without a file name (the caller adds it), e.g.
/// `CRC-32 mismatch: the trailer says 0x1234abcd, the data has 0x0badf00d`.
public enum GzipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input does not start with the gzip magic bytes 1f 8b; `firstBytes` holds up to two received bytes.
    case notGzip(firstBytes: [UInt8])
    /// The compression method byte is not 8 (deflate), the only method RFC 1952 defines.
    case unsupportedMethod(UInt8)
    /// One of the reserved flag bits 5–7 is set (RFC 1952 §2.3.1 says a decoder must then fail).
    case reservedFlags(UInt8)
    /// The input ends inside a member header.
    case truncatedHeader
    /// The header's FHCRC field disagrees with the low 16 bits of the header's CRC-32.
    case headerCRCMismatch(stored: UInt16, computed: UInt16)
    /// The input ends inside the compressed data, after `outputBytes` bytes had been produced.
    case truncatedData(outputBytes: Int)
    /// The input ends inside the 8-byte member trailer (CRC-32 and ISIZE).
    case truncatedTrailer
    /// A block header with BTYPE 3, which RFC 1951 reserves.
    case reservedBlockType
    /// A stored block whose NLEN is not the one's complement of LEN.
    case storedLengthMismatch(length: UInt16, complement: UInt16)
    /// A dynamic block declaring more than 286 literal/length or 30 distance codes.
    case tooManyCodes(literalLength: Int, distance: Int)
    /// A set of Huffman code lengths that does not form a valid prefix code.
    case invalidCodeLengths(HuffmanCode, CodeLengthProblem)
    /// Code-length symbol 16 ("repeat the previous length") with no previous length.
    case repeatWithoutPrevious
    /// A code-length repeat that runs past the number of lengths the block declared.
    case codeLengthsOverrun(declared: Int)
    /// A dynamic block whose literal/length code gives the end-of-block symbol 256 no code.
    case missingEndOfBlock
    /// A code that decodes to a symbol DEFLATE does not allow (literal/length 286–287, distance 30–31), or a
    /// bit pattern an incomplete code leaves unassigned (`symbol` is nil).
    case invalidSymbol(HuffmanCode, symbol: Int?)
    /// A back-reference reaching before the start of the member's output.
    case distanceTooFarBack(distance: Int, available: Int)
    /// The member trailer's CRC-32 disagrees with the decoded data.
    case crcMismatch(stored: UInt32, computed: UInt32)
    /// The member trailer's ISIZE disagrees with the decoded length (modulo 2^32).
    case sizeMismatch(stored: UInt32, decoded: UInt32)
    /// Bytes after the last member that do not start another member.
    case trailingGarbage(offset: Int, byteCount: Int)

    /// The three Huffman codes of a DEFLATE block.
    public enum HuffmanCode: String, Hashable, Sendable {
        /// The code that encodes the code lengths of the other two (dynamic blocks only).
        case codeLength = "code-length"
        /// Literal bytes, match lengths and end-of-block.
        case literalLength = "literal/length"
        /// Match distances.
        case distance
    }

    /// Why code lengths do not form a usable prefix code.
    public enum CodeLengthProblem: String, Hashable, Sendable {
        /// More codes of some length than the lengths allow (Kraft sum above 1).
        case overSubscribed = "over-subscribed"
        /// Unused bit patterns remain (Kraft sum below 1), allowed only for a single one-bit code.
        case incomplete
    }

    /// The one-line message.
    public var description: String {
        switch self {
        case .notGzip(let firstBytes):
            if firstBytes.isEmpty { return "not a gzip stream (empty input)" }
            let received = firstBytes.map { "0x" + Self.hex($0, digits: 2) }.joined(separator: " ")
            return "not a gzip stream (starts with \(received), expected 0x1f 0x8b)"
        case .unsupportedMethod(let method):
            return "unsupported gzip compression method \(method) (only 8, deflate, exists)"
        case .reservedFlags(let flags):
            return "gzip header sets reserved flag bits (flags 0x\(Self.hex(flags, digits: 2)))"
        case .truncatedHeader:
            return "truncated gzip header"
        case .headerCRCMismatch(let stored, let computed):
            return "gzip header CRC mismatch: FHCRC says 0x\(Self.hex(stored, digits: 4)), "
                + "the header has 0x\(Self.hex(computed, digits: 4))"
        case .truncatedData(let outputBytes):
            return "truncated gzip stream (the compressed data ends after \(Self.bytes(outputBytes)) of output)"
        case .truncatedTrailer:
            return "truncated gzip stream (the 8-byte CRC-32/ISIZE trailer is incomplete)"
        case .reservedBlockType:
            return "invalid DEFLATE block type 3 (reserved)"
        case .storedLengthMismatch(let length, let complement):
            return "stored block LEN 0x\(Self.hex(length, digits: 4)) does not match NLEN "
                + "0x\(Self.hex(complement, digits: 4)) (must be its one's complement)"
        case .tooManyCodes(let literalLength, let distance):
            return "dynamic block declares \(literalLength) literal/length and \(distance) distance codes "
                + "(at most 286 and 30)"
        case .invalidCodeLengths(let code, let problem):
            return "invalid \(code.rawValue) code lengths (\(problem.rawValue) code)"
        case .repeatWithoutPrevious:
            return "invalid code lengths: repeat code 16 with no previous length"
        case .codeLengthsOverrun(let declared):
            return "invalid code lengths: a repeat runs past the \(declared) declared lengths"
        case .missingEndOfBlock:
            return "invalid code lengths: the end-of-block symbol 256 has no code"
        case .invalidSymbol(let code, let symbol):
            guard let symbol else { return "invalid \(code.rawValue) code (unused bit pattern)" }
            return "invalid \(code.rawValue) symbol \(symbol)"
        case .distanceTooFarBack(let distance, let available):
            return "invalid distance \(distance) too far back (only \(Self.bytes(available)) decoded)"
        case .crcMismatch(let stored, let computed):
            return "CRC-32 mismatch: the trailer says 0x\(Self.hex(stored, digits: 8)), "
                + "the data has 0x\(Self.hex(computed, digits: 8))"
        case .sizeMismatch(let stored, let decoded):
            return "ISIZE mismatch: the trailer says \(stored) bytes, decoded \(decoded) (modulo 2^32)"
        case .trailingGarbage(let offset, let byteCount):
            return "trailing garbage: \(Self.bytes(byteCount)) at offset \(offset) after the last gzip member "
                + "do not start another member"
        }
    }

    /// `1 byte`, `2 bytes`.
    private static func bytes(_ count: Int) -> String { count == 1 ? "1 byte" : "\(count) bytes" }

    /// `value` in lower-case hex, zero-padded to `digits`.
    private static func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
