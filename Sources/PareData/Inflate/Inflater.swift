// Decodes one raw DEFLATE stream (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
//
// The symbol loop works on raw pointers: table entries are read through UnsafePointer, output is written
// through UnsafeMutablePointer, and the bit reader lives in locals the optimizer keeps in registers. Every
// malformed input ends in a thrown GzipError; the bit reader's zero-padding bound (BitReader) and the output
// limit are what make every loop finite.

/// A decoder for one raw DEFLATE stream that appends to an `OutputBuffer`.
struct Inflater {
    /// How a stream ended.
    enum Outcome: Equatable {
        /// The final block ended; the stream's last byte is just before `endOffset` of the input.
        case finished(endOffset: Int)
        /// The output reached its limit before the stream ended.
        case outputLimitReached
    }

    /// The compressed input.
    private var bits: BitReader
    /// Where decoded bytes go.
    private let output: OutputBuffer
    /// The output offset at which this stream starts: back-references may not reach before it.
    private let streamStart: Int
    /// Reusable storage for the tables of dynamic blocks.
    private var literalLengthTable: [UInt32] = []
    private var distanceTable: [UInt32] = []
    private var codeLengthTable: [UInt32] = []
    private var codeLengths: [UInt8] = []

    /// A decoder for the stream starting at byte `offset` of `input`, appending to `output`.
    init(input: UnsafeBufferPointer<UInt8>, offset: Int, output: OutputBuffer) {
        bits = BitReader(input, offset: offset)
        self.output = output
        streamStart = output.count
    }

    /// Decodes blocks until the final one ends or the output is full.
    mutating func run() throws(GzipError) -> Outcome {
        var isFinalBlock = false
        while !isFinalBlock {
            if output.isFull { return .outputLimitReached }
            guard bits.refill(), !bits.hasReadPastEnd else { throw truncated }
            isFinalBlock = bits.take(1) == 1
            let finished: Bool
            switch bits.take(2) {
            case 0:
                finished = try copyStoredBlock()
            case 1:
                finished = try decodeSymbols(DeflateCodes.fixedLiteralLengthTable, DeflateCodes.fixedDistanceTable)
            case 2:
                try readDynamicTables()
                finished = try decodeSymbols(literalLengthTable, distanceTable)
            default:
                throw failure(.reservedBlockType)
            }
            if !finished { return .outputLimitReached }
        }
        bits.alignToByte()
        if bits.hasReadPastEnd { throw truncated }
        return .finished(endOffset: bits.byteOffset)
    }

    /// The error for input that ends inside the stream.
    private var truncated: GzipError { .truncatedData(outputBytes: output.count) }

    /// `error`, or a truncation if the decoder has already consumed bits past the end of the input (whatever
    /// it then found wrong was made of padding, not of the stream).
    private func failure(_ error: GzipError) -> GzipError {
        bits.hasReadPastEnd ? truncated : error
    }

    // MARK: - Stored blocks

    /// Copies a stored block (RFC 1951 §3.2.4); false when the output limit cut it short.
    private mutating func copyStoredBlock() throws(GzipError) -> Bool {
        bits.alignToByte()
        guard bits.refill() else { throw truncated }
        let length = bits.take(16), complement = bits.take(16)
        if bits.hasReadPastEnd { throw truncated }
        guard length == ~complement & 0xFFFF else {
            throw GzipError.storedLengthMismatch(length: UInt16(length), complement: UInt16(complement))
        }
        let offset = bits.byteOffset
        let available = bits.end - bits.start - offset
        let copied = min(length, available, output.limit - output.count)
        if output.count + copied > output.capacity { output.grow(toFit: copied) }
        (output.base + output.count).initialize(from: bits.start + offset, count: copied)
        output.count += copied
        if copied < length {
            if output.isFull { return false }
            throw truncated
        }
        bits.seek(toByte: offset + length)
        return true
    }

    // MARK: - Dynamic block header

    /// Reads a dynamic block's code lengths (RFC 1951 §3.2.7) and builds its two tables.
    private mutating func readDynamicTables() throws(GzipError) {
        guard bits.refill() else { throw truncated }
        let literalLengthCount = bits.take(5) + 257
        let distanceCount = bits.take(5) + 1
        let codeLengthCount = bits.take(4) + 4
        if literalLengthCount > 286 || distanceCount > 30 {
            throw failure(.tooManyCodes(literalLength: literalLengthCount, distance: distanceCount))
        }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            guard bits.refill() else { throw truncated }
            codeLengthLengths[DeflateCodes.codeLengthOrder[index]] = UInt8(bits.take(3))
        }
        if let problem = HuffmanTable.build(codeLengths: codeLengthLengths[...], templates: DeflateCodes.codeLengthTemplates,
                                            primaryBits: DeflateCodes.codeLengthPrimaryBits, allowsSingleCode: false,
                                            into: &codeLengthTable) {
            throw failure(.invalidCodeLengths(.codeLength, problem))
        }

        let total = literalLengthCount + distanceCount
        codeLengths.removeAll(keepingCapacity: true)
        while codeLengths.count < total {
            guard bits.refill() else { throw truncated }
            // The code-length code is complete (checked above), so every 7-bit pattern decodes.
            let entry = codeLengthTable[Int(bits.peek(DeflateCodes.codeLengthPrimaryBits))]
            bits.consume(HuffmanEntry.codeLength(entry))
            let symbol = HuffmanEntry.value(entry)
            let repeated: UInt8, repeatCount: Int
            switch symbol {
            case 0...15:
                codeLengths.append(UInt8(symbol))
                continue
            case 16:
                guard let previous = codeLengths.last else { throw failure(.repeatWithoutPrevious) }
                (repeated, repeatCount) = (previous, 3 + bits.take(2))
            case 17:
                (repeated, repeatCount) = (0, 3 + bits.take(3))
            default:
                (repeated, repeatCount) = (0, 11 + bits.take(7))
            }
            guard codeLengths.count + repeatCount <= total else { throw failure(.codeLengthsOverrun(declared: total)) }
            codeLengths.append(contentsOf: repeatElement(repeated, count: repeatCount))
        }
        if bits.hasReadPastEnd { throw truncated }
        if codeLengths[256] == 0 { throw GzipError.missingEndOfBlock }
        if let problem = HuffmanTable.build(codeLengths: codeLengths[..<literalLengthCount],
                                            templates: DeflateCodes.literalLengthTemplates,
                                            primaryBits: DeflateCodes.literalLengthPrimaryBits, allowsSingleCode: true,
                                            into: &literalLengthTable) {
            throw GzipError.invalidCodeLengths(.literalLength, problem)
        }
        if let problem = HuffmanTable.build(codeLengths: codeLengths[literalLengthCount...],
                                            templates: DeflateCodes.distanceTemplates,
                                            primaryBits: DeflateCodes.distancePrimaryBits, allowsSingleCode: true,
                                            into: &distanceTable) {
            throw GzipError.invalidCodeLengths(.distance, problem)
        }
    }

    // MARK: - Huffman-coded symbols

    /// Decodes a Huffman-coded block with the given tables (passed by value, so reading them does not overlap
    /// the mutation of `bits`); false when the output limit stopped it.
    private mutating func decodeSymbols(_ literalLengthTable: [UInt32], _ distanceTable: [UInt32]) throws(GzipError) -> Bool {
        try literalLengthTable.withUnsafeBufferPointer { literalLength throws(GzipError) in
            try distanceTable.withUnsafeBufferPointer { distance throws(GzipError) in
                // Both tables hold at least their primary level, so the base addresses exist.
                try Self.decodeSymbols(bits: &bits, output: output, streamStart: streamStart,
                                       literalLength: literalLength.baseAddress!, distance: distance.baseAddress!)
            }
        }
    }

    /// Decodes literal/length and distance symbols until end-of-block (true) or a full output (false).
    ///
    /// A static function over an `inout` bit reader, so that the reader and the output pointers stay in
    /// registers rather than being reloaded through `self`.
    private static func decodeSymbols(bits: inout BitReader, output: OutputBuffer, streamStart: Int,
                                      literalLength: UnsafePointer<UInt32>,
                                      distance: UnsafePointer<UInt32>) throws(GzipError) -> Bool {
        let literalLengthBits = DeflateCodes.literalLengthPrimaryBits
        let distanceBits = DeflateCodes.distancePrimaryBits
        var reader = bits
        defer { bits = reader }
        var base = output.base
        var out = base + output.count
        var outEnd = base + output.capacity
        while true {
            guard reader.refill() else {
                output.count = out - base
                throw GzipError.truncatedData(outputBytes: output.count)
            }
            var entry = literalLength[Int(reader.peek(literalLengthBits))]
            if entry & HuffmanEntry.kindMask == HuffmanEntry.subtable {
                let suffix = UInt32(truncatingIfNeeded: reader.buffer >> UInt64(literalLengthBits))
                    & ((1 << UInt32(HuffmanEntry.extraBits(entry))) - 1)
                entry = literalLength[HuffmanEntry.value(entry) + Int(suffix)]
            }
            reader.consume(HuffmanEntry.codeLength(entry))
            if reader.hasReadPastEnd {
                // The symbol used padding bits: report exactly the output of the symbols the input holds.
                output.count = out - base
                throw GzipError.truncatedData(outputBytes: output.count)
            }
            let kind = entry & HuffmanEntry.kindMask
            if kind == HuffmanEntry.literal {
                if out == outEnd {
                    output.count = out - base
                    output.grow(toFit: 1)
                    if output.isFull { return false }
                    (base, out, outEnd) = (output.base, output.base + output.count, output.base + output.capacity)
                }
                out.pointee = UInt8(truncatingIfNeeded: entry >> 16)
                out += 1
                continue
            }
            if kind != HuffmanEntry.lengthOrDistance {
                output.count = out - base
                if kind == HuffmanEntry.endOfBlock { return true }
                let symbol = HuffmanEntry.value(entry)
                throw GzipError.invalidSymbol(.literalLength, symbol: symbol == Int(HuffmanEntry.unassigned) ? nil : symbol)
            }
            var length = HuffmanEntry.value(entry) + reader.take(HuffmanEntry.extraBits(entry))

            var distanceEntry = distance[Int(reader.peek(distanceBits))]
            if distanceEntry & HuffmanEntry.kindMask == HuffmanEntry.subtable {
                let suffix = UInt32(truncatingIfNeeded: reader.buffer >> UInt64(distanceBits))
                    & ((1 << UInt32(HuffmanEntry.extraBits(distanceEntry))) - 1)
                distanceEntry = distance[HuffmanEntry.value(distanceEntry) + Int(suffix)]
            }
            reader.consume(HuffmanEntry.codeLength(distanceEntry))
            let matchDistance = HuffmanEntry.value(distanceEntry) + reader.take(HuffmanEntry.extraBits(distanceEntry))
            let produced = out - base
            if reader.hasReadPastEnd {
                output.count = produced
                throw GzipError.truncatedData(outputBytes: produced)
            }
            if distanceEntry & HuffmanEntry.kindMask != HuffmanEntry.lengthOrDistance {
                output.count = produced
                let symbol = HuffmanEntry.value(distanceEntry)
                throw GzipError.invalidSymbol(.distance, symbol: symbol == Int(HuffmanEntry.unassigned) ? nil : symbol)
            }
            if matchDistance > produced - streamStart {
                output.count = produced
                throw GzipError.distanceTooFarBack(distance: matchDistance, available: produced - streamStart)
            }
            if length > outEnd - out {
                output.count = produced
                output.grow(toFit: length)
                (base, out, outEnd) = (output.base, output.base + output.count, output.base + output.capacity)
                if length > outEnd - out {
                    // The limit cuts this match: keep its prefix and stop.
                    length = outEnd - out
                    copyMatch(to: out, distance: matchDistance, length: length)
                    output.count = produced + length
                    return false
                }
            }
            copyMatch(to: out, distance: matchDistance, length: length)
            out += length
        }
    }

    /// Copies `length` bytes from `distance` bytes back to `destination`; the regions may overlap (a distance
    /// shorter than the length repeats the last `distance` bytes). May write up to 7 bytes past the end.
    @inline(__always) private static func copyMatch(to destination: UnsafeMutablePointer<UInt8>, distance: Int,
                                                    length: Int) {
        guard length > 0 else { return }
        var source = UnsafeMutableRawPointer(destination - distance)
        var target = UnsafeMutableRawPointer(destination)
        let stop = target + length
        if distance >= 8 {
            // Each 8-byte word is read from bytes written before it (distance ≥ 8), so overlap is harmless.
            repeat {
                target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
                source += 8
                target += 8
            } while target < stop
        } else if distance == 1 {
            destination.update(repeating: destination[-1], count: length)
        } else {
            repeat {
                target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
                source += 1
                target += 1
            } while target < stop
        }
    }
}
