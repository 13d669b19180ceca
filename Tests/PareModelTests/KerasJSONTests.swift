// The JSON reader of the Keras importer: what Python's json module writes is read, malformed text is an error
// at the right byte, and hostile nesting cannot exhaust the stack.

import Testing
@testable import PareModel

@Suite struct KerasJSONTests {
    @Test func readsWhatPythonWrites() throws {
        let value = try KerasJSON.parse(Array(#" {"a": [1, -2.5e-3, true, null, "\u00e9\ud83d\ude00\n"], "b": NaN, "c": -Infinity, "a": 7} "#.utf8))
        let object = try #require(value.object)
        #expect(object["a"] == .number(7, text: "7"))  // a repeated key keeps its last value, as json.loads does
        #expect(object["b"]?.finiteNumber == nil && object["b"]?.pythonText == "NaN")
        #expect(object["c"]?.pythonText == "-Infinity")
        let list = try #require(try KerasJSON.parse(Array(#"[1, -2.5e-3, true, null, "\u00e9\ud83d\ude00\n"]"#.utf8)).array)
        #expect(list.map(\.pythonText) == ["1", "-2.5e-3", "True", "None", "'é😀\n'"])
        #expect(list[0].integer == 1 && list[1].integer == nil)
        #expect(try KerasJSON.parse(Array("\u{FEFF}{}".utf8)) == .object([:]))  // a byte order mark is skipped
    }

    @Test(arguments: [
        ("", 0, "unexpected end of the document"),
        ("{\"a\" 1}", 5, "expected ':'"),
        ("[1 2]", 3, "expected ']'"),
        ("{} {}", 3, "unexpected data after the JSON value"),
        ("[01.]", 4, "malformed number"),
        ("\"tab\there\"", 4, "control character in a string"),
        ("\"\\q\"", 3, "invalid escape '\\q'"),
        ("\"\\u12G4\"", 3, "invalid \\u escape"),
        ("[tru]", 1, "unexpected character"),
        (String(repeating: "[", count: 300), 256, "nesting deeper than 256 levels"),
    ] as [(String, Int, String)])
    func malformedTextIsAnErrorAtItsByte(text: String, offset: Int, problem: String) {
        #expect(throws: KerasJSONSyntaxError(offset: offset, problem: problem)) { try KerasJSON.parse(Array(text.utf8)) }
    }
}
