// How the Keras importer reads JSON: the options matching what Python's json module writes, and accessors that
// turn a config value into what an importer asks for (a dictionary, an integer, a finite number, Python text).

extension JSONReader.Options {
    /// Keras configs as Python's json module writes them: NaN/Infinity literals, a repeated key keeps its last
    /// value (as `json.loads` does), a byte order mark is skipped, lone surrogates read as U+FFFD, and nesting up
    /// to 256 levels (Keras configs nest about a dozen).
    static let kerasConfig = JSONReader.Options(acceptsNonFiniteLiterals: true, duplicateKeys: .keepLast,
                                                maximumDepth: 256, skipsByteOrderMark: true,
                                                replacesLoneSurrogates: true)
}

extension JSONValue {
    /// The members of an object by key, or `nil`.
    var object: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The elements of an array, or `nil`.
    var array: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The text of a string, or `nil`.
    var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The value of a number that is a whole number in `Int`'s range, or `nil` (`3.0` counts, `3.5` does not).
    var integer: Int? {
        guard case .number(let text) = self, let value = Double(text), value.rounded() == value, abs(value) < 9.0e15
        else { return nil }
        return Int(value)
    }

    /// The value of a finite number, or `nil`.
    var finiteNumber: Double? {
        if case .number(let text) = self, let value = Double(text), value.isFinite { value } else { nil }
    }

    /// True for `null`.
    var isNull: Bool { self == .null }

    /// The value as Python would print it inside a config (`None`, `True`, `[2, 2]`, `'same'`; numbers as the file
    /// writes them), for messages.
    var pythonText: String {
        switch self {
        case .null: "None"
        case .bool(let value): value ? "True" : "False"
        case .number(let text): text
        case .string(let text): "'\(text)'"
        case .array(let elements): "[" + elements.map(\.pythonText).joined(separator: ", ") + "]"
        case .object: "{…}"
        }
    }
}
