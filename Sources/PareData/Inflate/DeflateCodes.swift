// The constant parts of DEFLATE (RFC 1951 §3.2.5–3.2.7): what each symbol means, and the fixed codes.

/// Symbol meanings and the fixed Huffman codes of RFC 1951.
enum DeflateCodes {
    /// Index width of the first-level literal/length table (longer codes go through a subtable).
    static let literalLengthPrimaryBits = 10
    /// Index width of the first-level distance table.
    static let distancePrimaryBits = 8
    /// Index width of the code-length table (code-length codes are at most 7 bits, so no subtables).
    static let codeLengthPrimaryBits = 7

    /// The order in which a dynamic block lists the code-length code's lengths (RFC 1951 §3.2.7).
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Base match length and extra bits for length symbols 257...285.
    static let lengthBases: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                     35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtraBits: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                         3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Base distance and extra bits for distance symbols 0...29.
    static let distanceBases: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
                                       513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtraBits: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7,
                                           8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Entry templates for literal/length symbols 0...287 (286 and 287 are invalid).
    static let literalLengthTemplates: [UInt32] = (0..<288).map { symbol in
        switch symbol {
        case 0..<256: HuffmanEntry.make(kind: HuffmanEntry.literal, value: symbol)
        case 256: HuffmanEntry.make(kind: HuffmanEntry.endOfBlock, value: 0)
        case 257...285: HuffmanEntry.make(kind: HuffmanEntry.lengthOrDistance,
                                          extraBits: lengthExtraBits[symbol - 257], value: lengthBases[symbol - 257])
        default: HuffmanEntry.make(kind: HuffmanEntry.invalid, value: symbol)
        }
    }

    /// Entry templates for distance symbols 0...31 (30 and 31 are invalid).
    static let distanceTemplates: [UInt32] = (0..<32).map { symbol in
        symbol < 30
            ? HuffmanEntry.make(kind: HuffmanEntry.lengthOrDistance, extraBits: distanceExtraBits[symbol],
                                value: distanceBases[symbol])
            : HuffmanEntry.make(kind: HuffmanEntry.invalid, value: symbol)
    }

    /// Entry templates for code-length symbols 0...18 (the value is the symbol).
    static let codeLengthTemplates: [UInt32] = (0..<19).map { HuffmanEntry.make(kind: HuffmanEntry.literal, value: $0) }

    /// The fixed literal/length table (RFC 1951 §3.2.6: 8, 9, 7 and 8-bit codes).
    static let fixedLiteralLengthTable: [UInt32] = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        return completeTable(lengths, templates: literalLengthTemplates, primaryBits: literalLengthPrimaryBits)
    }()

    /// The fixed distance table: 32 five-bit codes, of which 30 and 31 are invalid symbols.
    static let fixedDistanceTable: [UInt32] = completeTable([UInt8](repeating: 5, count: 32),
                                                            templates: distanceTemplates,
                                                            primaryBits: distancePrimaryBits)

    /// The table of a code known to be complete.
    private static func completeTable(_ lengths: [UInt8], templates: [UInt32], primaryBits: Int) -> [UInt32] {
        var table: [UInt32] = []
        let problem = HuffmanTable.build(codeLengths: lengths[...], templates: templates, primaryBits: primaryBits,
                                         allowsSingleCode: false, into: &table)
        precondition(problem == nil, "the fixed DEFLATE codes are complete")
        return table
    }
}
