// Lookup tables that decode a canonical Huffman code (RFC 1951 §3.2.2) in one or two table reads.
//
// The stream stores each code most-significant bit first inside a least-significant-bit-first bit stream, so
// the next `primaryBits` bits of the bit buffer, read as an integer, are the first bits of the code reversed.
// The table is indexed by exactly that integer. A code no longer than `primaryBits` fills every entry whose
// low bits equal its reversed code. Longer codes share a subtable per `primaryBits`-bit prefix, indexed by the
// following bits (the same layout zlib's inflate_table and libdeflate use).

/// One table entry packed into 32 bits, so a lookup is a single load.
///
/// Bits 0–3: the code length (bits to drop); bits 4–6: the kind; bits 8–15: extra bits to read after the code
/// (for a subtable pointer: the subtable's index width); bits 16–31: the value (literal byte, base length,
/// base distance, subtable offset, or the offending symbol of an invalid entry).
enum HuffmanEntry {
    /// A literal byte (kind 0, so the most frequent case is `entry & kindMask == 0`).
    static let literal: UInt32 = 0 << 4
    /// A match length (literal/length code) or a distance (distance code) with extra bits.
    static let lengthOrDistance: UInt32 = 1 << 4
    /// The end-of-block symbol 256.
    static let endOfBlock: UInt32 = 2 << 4
    /// A pointer to a subtable for codes longer than the primary index.
    static let subtable: UInt32 = 3 << 4
    /// A symbol DEFLATE forbids, or a bit pattern no code uses.
    static let invalid: UInt32 = 4 << 4
    /// The kind bits.
    static let kindMask: UInt32 = 7 << 4
    /// The value stored in an invalid entry that no symbol reached.
    static let unassigned: UInt32 = 0xFFFF

    /// Packs an entry; `codeLength` is filled in by the table builder.
    static func make(kind: UInt32, extraBits: Int = 0, value: Int, codeLength: Int = 0) -> UInt32 {
        UInt32(codeLength) | kind | UInt32(extraBits) << 8 | UInt32(value) << 16
    }

    /// The number of code bits.
    @inline(__always) static func codeLength(_ entry: UInt32) -> Int { Int(entry & 0xF) }
    /// The number of extra bits (or a subtable's index width).
    @inline(__always) static func extraBits(_ entry: UInt32) -> Int { Int((entry >> 8) & 0xFF) }
    /// The value field.
    @inline(__always) static func value(_ entry: UInt32) -> Int { Int(entry >> 16) }
}

/// Builds decoding tables from code lengths.
enum HuffmanTable {
    /// The longest code DEFLATE allows.
    static let maximumCodeLength = 15

    /// Fills `table` with the decoding table of the code whose lengths are `codeLengths` (0 = symbol unused).
    ///
    /// - Parameters:
    ///   - templates: the entry for each symbol without its code length (kind, extra bits, value); at least
    ///     `codeLengths.count` of them.
    ///   - primaryBits: the index width of the first-level table.
    ///   - allowsSingleCode: accept an incomplete code when it has at most one code, of length 1 — RFC 1951
    ///     §3.2.7 allows one distance code, and zlib accepts the same for literal/length codes.
    /// - Returns: why the lengths are not a usable code, or nil when the table was built.
    static func build(codeLengths: ArraySlice<UInt8>, templates: [UInt32], primaryBits: Int,
                      allowsSingleCode: Bool, into table: inout [UInt32]) -> GzipError.CodeLengthProblem? {
        precondition(templates.count >= codeLengths.count, "fewer entry templates than symbols")
        var lengthCounts = [Int](repeating: 0, count: maximumCodeLength + 1)
        for length in codeLengths { lengthCounts[Int(length)] += 1 }
        lengthCounts[0] = 0
        var unusedPatterns = 1
        var longestLength = 0
        for length in 1...maximumCodeLength {
            unusedPatterns = unusedPatterns * 2 - lengthCounts[length]
            if unusedPatterns < 0 { return .overSubscribed }
            if lengthCounts[length] > 0 { longestLength = length }
        }
        if unusedPatterns > 0 && !(allowsSingleCode && longestLength <= 1) { return .incomplete }

        // Canonical codes: shorter codes first, and in symbol order within one length.
        var nextCode = [Int](repeating: 0, count: maximumCodeLength + 1)
        var code = 0
        for length in 1...maximumCodeLength {
            code = (code + lengthCounts[length - 1]) << 1
            nextCode[length] = code
        }
        var reversedCodes = [Int](repeating: 0, count: codeLengths.count)
        for (symbol, length) in codeLengths.enumerated() where length > 0 {
            reversedCodes[symbol] = reversed(nextCode[Int(length)], bitCount: Int(length))
            nextCode[Int(length)] += 1
        }

        let primarySize = 1 << primaryBits
        let primaryMask = primarySize - 1
        let invalid = HuffmanEntry.make(kind: HuffmanEntry.invalid, value: Int(HuffmanEntry.unassigned), codeLength: 1)
        table.removeAll(keepingCapacity: true)
        table.append(contentsOf: repeatElement(invalid, count: primarySize))

        // Subtables: one per primary prefix that long codes share, wide enough for the longest of them.
        var subtableBits = [Int](repeating: 0, count: primarySize)
        for (symbol, length) in codeLengths.enumerated() where Int(length) > primaryBits {
            let prefix = reversedCodes[symbol] & primaryMask
            subtableBits[prefix] = max(subtableBits[prefix], Int(length) - primaryBits)
        }
        for prefix in 0..<primarySize where subtableBits[prefix] > 0 {
            table[prefix] = HuffmanEntry.make(kind: HuffmanEntry.subtable, extraBits: subtableBits[prefix],
                                              value: table.count)
            table.append(contentsOf: repeatElement(invalid, count: 1 << subtableBits[prefix]))
        }

        for (symbol, length) in codeLengths.enumerated() where length > 0 {
            let length = Int(length)
            let entry = templates[symbol] | UInt32(length)
            if length <= primaryBits {
                for index in stride(from: reversedCodes[symbol], to: primarySize, by: 1 << length) {
                    table[index] = entry
                }
            } else {
                let prefix = reversedCodes[symbol] & primaryMask
                let offset = HuffmanEntry.value(table[prefix])
                let suffix = reversedCodes[symbol] >> primaryBits
                for index in stride(from: suffix, to: 1 << subtableBits[prefix], by: 1 << (length - primaryBits)) {
                    table[offset + index] = entry
                }
            }
        }
        return nil
    }

    /// The low `bitCount` bits of `code` in reverse order.
    private static func reversed(_ code: Int, bitCount: Int) -> Int {
        var result = 0
        var code = code
        for _ in 0..<bitCount {
            result = result << 1 | code & 1
            code >>= 1
        }
        return result
    }
}
