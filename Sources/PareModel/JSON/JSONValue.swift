// The value tree `JSONReader` produces: objects keep their members in file order and numbers keep their text, so
// a caller decides how to read a number (an exact integer, a Double, as written for a message) and can rely on
// key order when a format gives it meaning.

/// A parsed JSON value (RFC 8259), with numbers as written and object members in file order.
public indirect enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number as its source text (`1.0` stays `1.0`); with `JSONReader.Options.acceptsNonFiniteLiterals` also
    /// `NaN`, `Infinity` or `-Infinity`. `Double(text)` reads every text the reader accepts.
    case number(String)
    /// A string, escapes resolved.
    case string(String)
    /// An array's elements in order.
    case array([JSONValue])
    /// An object's members in file order; a key appears once (see `JSONReader.Options.duplicateKeys`).
    case object([Member])

    /// One key and its value in an object.
    public struct Member: Hashable, Sendable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONValue

        /// Creates a member.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value of the member `key` of an object; `nil` if there is none or this is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }
}
