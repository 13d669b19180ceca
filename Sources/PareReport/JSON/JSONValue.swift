// A JSON document with ordered keys and a deterministic pretty printer, so machine-readable reports have a
// stable layout that scripts and snapshot tests can rely on (Foundation's serializer only sorts keys).

import PareTraining

/// A JSON value whose objects keep their keys in the order given.
public indirect enum JSONValue: Sendable {
    /// An object; keys are written in this order.
    case object([(key: String, value: JSONValue)])
    /// An array.
    case array([JSONValue])
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// `true` or `false`.
    case boolean(Bool)

    /// The document as text: two-space indentation, one member per line, arrays of scalars on one line
    /// (`[26, 26, 2]`), a newline at the end.
    public var prettyPrinted: String {
        var text = ""
        write(to: &text, indent: "")
        return text + "\n"
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        case .string, .integer, .boolean: true
        }
    }

    private func write(to text: inout String, indent: String) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            let inner = indent + "  "
            text += "{\n"
            for (offset, member) in members.enumerated() {
                text += inner + Self.quoted(member.key) + ": "
                member.value.write(to: &text, indent: inner)
                text += offset == members.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        case .array(let elements):
            if elements.allSatisfy(\.isScalar) {
                text += "[" + elements.map { element in
                    var scalar = ""
                    element.write(to: &scalar, indent: indent)
                    return scalar
                }.joined(separator: ", ") + "]"
                return
            }
            let inner = indent + "  "
            text += "[\n"
            for (offset, element) in elements.enumerated() {
                text += inner
                element.write(to: &text, indent: inner)
                text += offset == elements.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .string(let string):
            text += Self.quoted(string)
        case .integer(let number):
            text += String(number)
        case .boolean(let flag):
            text += flag ? "true" : "false"
        }
    }

    /// A JSON string literal (RFC 8259).
    static func quoted(_ string: String) -> String { JSONText.quoted(string) }
}
