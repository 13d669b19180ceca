// One recursive-descent JSON reader (RFC 8259, www.rfc-editor.org/rfc/rfc8259) for every JSON format Pare reads:
// Keras model configs and safetensors headers. It returns booleans, numbers and nulls as what they are —
// Foundation's JSONSerialization hands back NSNumbers in which `true` and `1` are hard to tell apart on Linux,
// merges repeated keys silently and forgets key order. `Options` holds what the formats disagree on.

/// Reads one JSON document into a `JSONValue`.
public struct JSONReader {
    private let bytes: [UInt8]
    private let options: Options
    private var position = 0
    private var depth = 0

    private init(bytes: [UInt8], options: Options) {
        self.bytes = bytes
        self.options = options
    }

    /// Reads a whole document: one value followed only by whitespace.
    ///
    /// - Throws: `JSONSyntaxError` at the byte where reading stopped.
    public static func read(_ bytes: [UInt8], options: Options = Options()) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: bytes, options: options)
        if options.skipsByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.position = 3 }
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.position == bytes.count else { throw reader.fail(.dataAfterValue) }
        return value
    }

    private func fail(_ problem: JSONSyntaxError.Problem) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, problem: problem)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    /// Consumes `byte` if it is the next non-space byte.
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        guard consume(byte) else { throw fail(.expected(Character(Unicode.Scalar(byte)))) }
    }

    /// Consumes `word` if the text continues with it.
    private mutating func consume(word: String) -> Bool {
        guard bytes[position...].starts(with: word.utf8) else { return false }
        position += word.utf8.count
        return true
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw fail(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            if consume(word: "true") { return .bool(true) }
            if consume(word: "false") { return .bool(false) }
            if consume(word: "null") { return .null }
            if options.acceptsNonFiniteLiterals {
                for word in ["NaN", "Infinity"] where consume(word: word) { return .number(word) }
            }
            throw fail(.unexpectedCharacter)
        }
    }

    private mutating func nested(_ body: (inout JSONReader) throws(JSONSyntaxError) -> JSONValue)
        throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        guard depth <= options.maximumDepth else { throw fail(.tooDeep(limit: options.maximumDepth)) }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try nested { reader throws(JSONSyntaxError) in
            reader.position += 1  // the opening brace
            var members: [JSONValue.Member] = []
            var indexOfKey: [String: Int] = [:]
            if reader.consume(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                reader.skipWhitespace()
                guard reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: "\"") else {
                    throw reader.fail(.expectedKey)
                }
                let key = try reader.string()
                let earlier = indexOfKey[key]
                if earlier != nil, reader.options.duplicateKeys == .reject { throw reader.fail(.duplicateKey(key)) }
                try reader.expect(UInt8(ascii: ":"))
                let value = try reader.value()
                if let earlier {
                    members[earlier].value = value
                } else {
                    indexOfKey[key] = members.count
                    members.append(JSONValue.Member(key: key, value: value))
                }
            } while reader.consume(UInt8(ascii: ","))
            try reader.expect(UInt8(ascii: "}"))
            return .object(members)
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try nested { reader throws(JSONSyntaxError) in
            reader.position += 1  // the opening bracket
            var elements: [JSONValue] = []
            if reader.consume(UInt8(ascii: "]")) { return .array(elements) }
            repeat { elements.append(try reader.value()) } while reader.consume(UInt8(ascii: ","))
            try reader.expect(UInt8(ascii: "]"))
            return .array(elements)
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            if options.acceptsNonFiniteLiterals, consume(word: "Infinity") { return .number("-Infinity") }
        }
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.position
            while reader.position < reader.bytes.count, (0x30...0x39).contains(reader.bytes[reader.position]) {
                reader.position += 1
            }
            return reader.position - first
        }
        let integerStart = position
        let integerDigits = digits(&self)
        guard integerDigits > 0, !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0")) else {
            throw fail(.malformedNumber)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw fail(.malformedNumber) }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits(&self) > 0 else { throw fail(.malformedNumber) }
        }
        return .number(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        position += 1  // the opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flushRun(_ reader: JSONReader, upTo end: Int) {
            scalars.append(contentsOf: String(decoding: reader.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard position < bytes.count else { throw fail(.unterminatedString) }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                flushRun(self, upTo: position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flushRun(self, upTo: position)
                position += 1
                scalars.append(try escape())
                runStart = position
            case 0..<0x20:
                throw fail(.controlCharacter)
            default:
                position += 1
            }
        }
    }

    /// The character of an escape sequence (after the backslash), joining UTF-16 surrogate pairs.
    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard position < bytes.count else { throw fail(.unterminatedString) }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hex4()
            if (0xD800..<0xDC00).contains(unit) {
                let afterHigh = position
                if consume(word: "\\u") {
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low),
                       let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) {
                        return scalar
                    }
                    guard options.replacesLoneSurrogates else { throw fail(.unpairedSurrogate) }
                    position = afterHigh  // the escape after a lone high surrogate is a character of its own
                }
            }
            if let scalar = Unicode.Scalar(unit) { return scalar }
            // Python writes lone surrogates for broken text; where allowed they become U+FFFD rather than an error.
            guard options.replacesLoneSurrogates else { throw fail(.unpairedSurrogate) }
            return "\u{FFFD}"
        default:
            throw fail(.invalidEscape(Character(Unicode.Scalar(letter))))
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        let digits = bytes[position..<min(position + 4, bytes.count)]
        guard digits.count == 4, digits.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
              let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) else {
            throw fail(.invalidUnicodeEscape)
        }
        position += 4
        return value
    }
}
