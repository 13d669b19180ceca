// A small JSON reader for Keras model configs (RFC 8259, plus the NaN/Infinity literals Python's json module
// writes), so the importer sees booleans, numbers and nulls as what they are — Foundation's JSONSerialization
// hands back NSNumbers in which `true` and `1` are hard to tell apart on Linux.

/// A parsed JSON value of a Keras config.
indirect enum KerasJSON: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number and its text in the file (echoed in messages as written: `1.0` stays `1.0`).
    case number(Double, text: String)
    case string(String)
    case array([KerasJSON])
    /// Keys in file order; a repeated key keeps its last value, as Python's `json.loads` does.
    case object([String: KerasJSON])

    /// The members of an object, or `nil`.
    var object: [String: KerasJSON]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The elements of an array, or `nil`.
    var array: [KerasJSON]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The text of a string, or `nil`.
    var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The value of a number that is a whole number in `Int`'s range, or `nil` (`3.0` counts, `3.5` does not).
    var integer: Int? {
        guard case .number(let value, _) = self, value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// The value of a finite number, or `nil`.
    var finiteNumber: Double? {
        if case .number(let value, _) = self, value.isFinite { value } else { nil }
    }

    /// True for `null`.
    var isNull: Bool { self == .null }

    /// The value as Python would print it inside a config (`None`, `True`, `[2, 2]`, `'same'`; numbers as the file
    /// writes them), for messages.
    var pythonText: String {
        switch self {
        case .null: "None"
        case .bool(let value): value ? "True" : "False"
        case .number(_, let text): text
        case .string(let text): "'\(text)'"
        case .array(let elements): "[" + elements.map(\.pythonText).joined(separator: ", ") + "]"
        case .object: "{…}"
        }
    }

    /// Parses a whole document: one value followed only by whitespace.
    static func parse(_ bytes: [UInt8]) throws(KerasJSONSyntaxError) -> KerasJSON {
        var reader = KerasJSONReader(bytes: bytes)
        return try reader.document()
    }
}

/// Malformed JSON: the byte offset where reading stopped and what was expected there.
struct KerasJSONSyntaxError: Error, Hashable, Sendable {
    /// Byte offset in the document.
    var offset: Int
    /// What is wrong, e.g. `expected ':'`.
    var problem: String
}

/// The recursive-descent reader behind `KerasJSON.parse`.
private struct KerasJSONReader {
    let bytes: [UInt8]
    var position = 0
    var depth = 0

    /// Deepest nesting accepted (Keras configs nest about a dozen levels), so hostile input cannot exhaust the stack.
    static let maximumDepth = 256

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(KerasJSONSyntaxError) -> KerasJSON {
        // A UTF-8 byte order mark is tolerated, as Python's json.load on a text file tolerates it.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        let value = try self.value()
        skipWhitespace()
        guard position == bytes.count else { throw fail("unexpected data after the JSON value") }
        return value
    }

    private func fail(_ problem: String) -> KerasJSONSyntaxError {
        KerasJSONSyntaxError(offset: position, problem: problem)
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

    private mutating func expect(_ byte: UInt8) throws(KerasJSONSyntaxError) {
        guard consume(byte) else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
    }

    private mutating func value() throws(KerasJSONSyntaxError) -> KerasJSON {
        skipWhitespace()
        guard position < bytes.count else { throw fail("unexpected end of the document") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            let literals: [(String, KerasJSON)] = [("true", .bool(true)), ("false", .bool(false)), ("null", .null),
                                                   ("NaN", .number(.nan, text: "NaN")), ("Infinity", .number(.infinity, text: "Infinity"))]
            for (word, value) in literals where bytes[position...].starts(with: word.utf8) {
                position += word.utf8.count
                return value
            }
            throw fail("unexpected character")
        }
    }

    private mutating func nested(_ body: (inout KerasJSONReader) throws(KerasJSONSyntaxError) -> KerasJSON)
        throws(KerasJSONSyntaxError) -> KerasJSON {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(KerasJSONSyntaxError) -> KerasJSON {
        try nested { reader throws(KerasJSONSyntaxError) in
            reader.position += 1  // the opening brace
            var members: [String: KerasJSON] = [:]
            if reader.consume(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                reader.skipWhitespace()
                guard reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: "\"") else {
                    throw reader.fail("expected a string key")
                }
                let key = try reader.string()
                try reader.expect(UInt8(ascii: ":"))
                members[key] = try reader.value()
            } while reader.consume(UInt8(ascii: ","))
            try reader.expect(UInt8(ascii: "}"))
            return .object(members)
        }
    }

    private mutating func array() throws(KerasJSONSyntaxError) -> KerasJSON {
        try nested { reader throws(KerasJSONSyntaxError) in
            reader.position += 1  // the opening bracket
            var elements: [KerasJSON] = []
            if reader.consume(UInt8(ascii: "]")) { return .array(elements) }
            repeat { elements.append(try reader.value()) } while reader.consume(UInt8(ascii: ","))
            try reader.expect(UInt8(ascii: "]"))
            return .array(elements)
        }
    }

    private mutating func number() throws(KerasJSONSyntaxError) -> KerasJSON {
        let start = position
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            if bytes[position...].starts(with: "Infinity".utf8) {
                position += 8
                return .number(-.infinity, text: "-Infinity")
            }
        }
        func digits(_ reader: inout KerasJSONReader) -> Int {
            let first = reader.position
            while reader.position < reader.bytes.count, (0x30...0x39).contains(reader.bytes[reader.position]) {
                reader.position += 1
            }
            return reader.position - first
        }
        guard digits(&self) > 0 else { throw fail("malformed number") }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw fail("malformed number") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits(&self) > 0 else { throw fail("malformed number") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text) else { throw fail("malformed number") }
        return .number(value, text: text)
    }

    private mutating func string() throws(KerasJSONSyntaxError) -> String {
        position += 1  // the opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flushRun(_ reader: KerasJSONReader, upTo end: Int) {
            scalars.append(contentsOf: String(decoding: reader.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard position < bytes.count else { throw fail("unterminated string") }
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
                throw fail("control character in a string")
            default:
                position += 1
            }
        }
    }

    /// The character of an escape sequence (after the backslash), joining UTF-16 surrogate pairs.
    private mutating func escape() throws(KerasJSONSyntaxError) -> Unicode.Scalar {
        guard position < bytes.count else { throw fail("unterminated string") }
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
            if (0xD800..<0xDC00).contains(unit), bytes[position...].starts(with: "\\u".utf8) {
                position += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) {
                    return scalar
                }
            }
            // A lone surrogate (Python writes them for broken input) becomes U+FFFD rather than an error.
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        default:
            throw fail("invalid escape '\\\(Character(Unicode.Scalar(letter)))'")
        }
    }

    private mutating func hex4() throws(KerasJSONSyntaxError) -> UInt32 {
        let digits = bytes[position..<min(position + 4, bytes.count)]
        guard digits.count == 4, digits.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
              let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) else {
            throw fail("invalid \\u escape")
        }
        position += 4
        return value
    }
}
