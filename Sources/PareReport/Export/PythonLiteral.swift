// Python source spellings of Swift values for the exported scripts.

/// Spells values as Python literals.
enum PythonLiteral {
    /// A double-quoted Python string literal of `text` (backslashes, quotes and control characters escaped).
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A float literal with up to 10 significant digits (`0.25`, `1e-05`, `0.01` for `1 - 0.99`).
    static func number(_ value: Double) -> String {
        let text = String(format: "%.10g", value)
        return text.contains(where: { ".en".contains($0) }) ? text : text + ".0"
    }

    /// A tuple of integers: `(3, 3)`, `(28, 28, 1)`, or `(784,)` for one element.
    static func tuple(_ values: [Int]) -> String {
        values.count == 1 ? "(\(values[0]),)" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }

    /// A list of integers: `[3, 3, 1, 2]`.
    static func list(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ", ") + "]"
    }
}
