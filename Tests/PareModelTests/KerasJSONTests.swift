// The JSON reader with the Keras importer's options: what Python's json module writes is read, malformed text is
// an error at the right byte, and hostile nesting cannot exhaust the stack.

import Testing
@testable import PareModel

@Suite struct KerasJSONTests {
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONReader.read(Array(text.utf8), options: .kerasConfig)
    }

    @Test func readsWhatPythonWrites() throws {
        let value = try Self.parse(#" {"a": [1, -2.5e-3, true, null, "\u00e9\ud83d\ude00\n"], "b": NaN, "c": -Infinity, "a": 7} "#)
        let object = try #require(value.object)
        #expect(object["a"] == .number("7"))  // a repeated key keeps its last value, as json.loads does
        #expect(object["b"]?.finiteNumber == nil && object["b"]?.pythonText == "NaN")
        #expect(object["c"]?.pythonText == "-Infinity")
        let list = try #require(try Self.parse(#"[1, -2.5e-3, true, null, "\u00e9\ud83d\ude00\n"]"#).array)
        #expect(list.map(\.pythonText) == ["1", "-2.5e-3", "True", "None", "'é😀\n'"])
        #expect(list[0].integer == 1 && list[1].integer == nil)
        #expect(try Self.parse("\u{FEFF}{}") == .object([]))  // a byte order mark is skipped
    }

    @Test(arguments: [
        ("", 0, "unexpected end of the document"),
        ("{\"a\" 1}", 5, "expected ':'"),
        ("[1 2]", 3, "expected ']'"),
        ("{} {}", 3, "unexpected data after the JSON value"),
        ("[1.]", 3, "malformed number"),
        ("[01]", 3, "malformed number"),  // RFC 8259 has no leading zeros; Python's json.loads refuses them too
        ("\"tab\there\"", 4, "control character in a string"),
        ("\"\\q\"", 3, "invalid escape '\\q'"),
        ("\"\\u12G4\"", 3, "invalid \\u escape"),
        ("[tru]", 1, "unexpected character"),
        (String(repeating: "[", count: 300), 256, "nesting deeper than 256 levels"),
    ] as [(String, Int, String)])
    func malformedTextIsAnErrorAtItsByte(text: String, offset: Int, problem: String) {
        let error = #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
        #expect(error?.offset == offset)
        #expect(error?.problem.description == problem)
    }
}
