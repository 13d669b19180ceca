// The choices in which Pare's JSON formats differ: Keras configs come from Python's json module (NaN literals,
// last repeated key wins, lone surrogates), safetensors headers are strict and refuse repeated keys.

extension JSONReader {
    /// What a `JSONReader` accepts beyond strict RFC 8259, and how deep it nests; the defaults are strict.
    public struct Options: Hashable, Sendable {
        /// What happens when an object repeats a key.
        public enum DuplicateKeys: Hashable, Sendable {
            /// The key keeps its first position and its last value, as Python's `json.loads` does.
            case keepLast
            /// The document is refused with `JSONSyntaxError.Problem.duplicateKey`.
            case reject
        }

        /// Whether `NaN`, `Infinity` and `-Infinity` read as numbers (Python's json module writes them).
        public var acceptsNonFiniteLiterals: Bool
        /// What happens when an object repeats a key.
        public var duplicateKeys: DuplicateKeys
        /// The deepest nesting of arrays and objects accepted, so hostile input cannot exhaust the stack.
        public var maximumDepth: Int
        /// Whether a leading UTF-8 byte order mark is skipped (as Python's json.load on a text file skips it).
        public var skipsByteOrderMark: Bool
        /// Whether a lone UTF-16 surrogate escape reads as U+FFFD instead of being an error.
        public var replacesLoneSurrogates: Bool

        /// Creates options; the defaults are strict RFC 8259 with duplicate keys refused.
        public init(acceptsNonFiniteLiterals: Bool = false, duplicateKeys: DuplicateKeys = .reject,
                    maximumDepth: Int = 64, skipsByteOrderMark: Bool = false, replacesLoneSurrogates: Bool = false) {
            precondition(maximumDepth >= 1, "a JSON reader needs a maximum depth of at least 1, not \(maximumDepth)")
            self.acceptsNonFiniteLiterals = acceptsNonFiniteLiterals
            self.duplicateKeys = duplicateKeys
            self.maximumDepth = maximumDepth
            self.skipsByteOrderMark = skipsByteOrderMark
            self.replacesLoneSurrogates = replacesLoneSurrogates
        }
    }
}
