// Builds SVG 1.1 text: elements with attributes in a fixed order, escaped text, fixed-precision numbers.

import Foundation

/// Accumulates SVG markup line by line; output is deterministic (attribute order as given, numbers to 0.1 px).
struct SVGWriter {
    private(set) var lines: [String] = []
    private var depth = 0

    /// `<name a="…" …>`, indenting what follows until `close`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        lines.append(indentation + "<\(name)\(Self.attributeText(attributes))>")
        depth += 1
    }

    /// `</name>`.
    mutating func close(_ name: String) {
        precondition(depth > 0, "closing <\(name)> with no element open")
        depth -= 1
        lines.append(indentation + "</\(name)>")
    }

    /// `<name a="…"/>`, or `<name a="…">text</name>` when `text` is given.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) {
        let head = "<\(name)\(Self.attributeText(attributes))"
        lines.append(indentation + (text.map { head + ">\(Self.escape($0))</\(name)>" } ?? head + "/>"))
    }

    /// The document: an XML declaration and the lines written, newline-terminated.
    var document: String {
        precondition(depth == 0, "an element is still open")
        return (["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"] + lines).joined(separator: "\n") + "\n"
    }

    private var indentation: String { String(repeating: "  ", count: depth) }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// `text` with the five XML special characters escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A coordinate with one decimal (`12.5`, `-3.0`; never `-0.0`).
    static func number(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }
}
