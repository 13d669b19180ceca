// What `JSONReader` reports for text it does not accept: a byte offset and a problem as data, so each format can
// word a problem its own way (safetensors reports a duplicate key in its own message) while most use the
// default one-line descriptions.

/// Malformed JSON: the byte offset where reading stopped and what is wrong there.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte offset in the document (a byte order mark counts).
    public var offset: Int
    /// What is wrong.
    public var problem: Problem

    /// Creates an error at byte `offset`.
    public init(offset: Int, problem: Problem) {
        self.offset = offset
        self.problem = problem
    }

    /// The ways JSON text can be malformed, or be well-formed but refused by the reader's options.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        /// The text ends where a value should start.
        case unexpectedEnd
        /// More than whitespace follows the top-level value.
        case dataAfterValue
        /// A byte that starts no value (including a literal the options do not accept, such as `NaN`).
        case unexpectedCharacter
        /// A required `:`, `]` or `}` is missing.
        case expected(Character)
        /// An object member does not start with a string key.
        case expectedKey
        /// A number that does not follow RFC 8259's grammar (no leading zeros, digits after `.` and `e`).
        case malformedNumber
        /// A string runs to the end of the text.
        case unterminatedString
        /// An unescaped control character (below U+0020) in a string.
        case controlCharacter
        /// A backslash followed by this character, which starts no escape.
        case invalidEscape(Character)
        /// `\u` not followed by four hexadecimal digits.
        case invalidUnicodeEscape
        /// A UTF-16 surrogate escape without its partner (refused unless the options replace them).
        case unpairedSurrogate
        /// Arrays and objects nested deeper than the options allow (the limit).
        case tooDeep(limit: Int)
        /// An object repeats this key and the options reject duplicates.
        case duplicateKey(String)

        /// A one-line description, e.g. `expected ':'` or `nesting deeper than 64 levels`.
        public var description: String {
            switch self {
            case .unexpectedEnd: "unexpected end of the document"
            case .dataAfterValue: "unexpected data after the JSON value"
            case .unexpectedCharacter: "unexpected character"
            case .expected(let character): "expected '\(character)'"
            case .expectedKey: "expected a string key"
            case .malformedNumber: "malformed number"
            case .unterminatedString: "unterminated string"
            case .controlCharacter: "control character in a string"
            case .invalidEscape(let character): "invalid escape '\\\(character)'"
            case .invalidUnicodeEscape: "invalid \\u escape"
            case .unpairedSurrogate: "unpaired surrogate"
            case .tooDeep(let limit): "nesting deeper than \(limit) levels"
            case .duplicateKey(let key): "duplicate key '\(key)'"
            }
        }
    }

    /// `byte OFFSET: PROBLEM`.
    public var description: String { "byte \(offset): \(problem)" }
}
