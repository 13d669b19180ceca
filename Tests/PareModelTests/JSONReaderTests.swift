// The shared JSON reader through its public API, under both option sets Pare uses: strict (safetensors headers)
// and lenient (Keras configs): duplicate keys, non-finite literals, the depth limit, surrogate pairs, the byte
// order mark, and the byte offset of every kind of error. Offsets are counted by hand from the quoted text.

import PareModel
import Testing

@Suite struct JSONReaderTests {
    static let lenient = JSONReader.Options(acceptsNonFiniteLiterals: true, duplicateKeys: .keepLast, maximumDepth: 3,
                                            skipsByteOrderMark: true, replacesLoneSurrogates: true)
    static let strict = JSONReader.Options(maximumDepth: 3)

    static func read(_ text: String, _ options: JSONReader.Options) throws(JSONSyntaxError) -> JSONValue {
        try JSONReader.read(Array(text.utf8), options: options)
    }

    static func member(_ key: String, _ value: JSONValue) -> JSONValue.Member { JSONValue.Member(key: key, value: value) }

    @Test func objectsKeepKeyOrderAndNumbersKeepTheirText() throws {
        let value = try Self.read(#"{"z": [1.0, -0, 2E+3], "a": {"t": true, "f": false, "n": null}, "s": "x\/y"}"#, Self.strict)
        #expect(value == .object([
            Self.member("z", .array([.number("1.0"), .number("-0"), .number("2E+3")])),
            Self.member("a", .object([Self.member("t", .bool(true)), Self.member("f", .bool(false)), Self.member("n", .null)])),
            Self.member("s", .string("x/y")),
        ]))
        #expect(value["a"]?["n"] == .null && value["missing"] == nil && value["z"]?["0"] == nil)
    }

    @Test func duplicateKeysKeepTheLastValueOrAreRejected() throws {
        let text = #"{"a": 1, "b": 2, "a": 3}"#
        // Python: json.loads('{"a": 1, "b": 2, "a": 3}') == {'a': 3, 'b': 2}, keys in that order.
        #expect(try Self.read(text, Self.lenient) == .object([Self.member("a", .number("3")), Self.member("b", .number("2"))]))
        // The repeated key's closing quote ends at byte 20, where the reader stops.
        let error = #expect(throws: JSONSyntaxError.self) { try Self.read(text, Self.strict) }
        #expect(error == JSONSyntaxError(offset: 20, problem: .duplicateKey("a")))
        #expect(error?.description == "byte 20: duplicate key 'a'")
    }

    @Test func nonFiniteLiteralsAreNumbersOnlyWhenAccepted() throws {
        #expect(try Self.read("[NaN, Infinity, -Infinity]", Self.lenient)
            == .array([.number("NaN"), .number("Infinity"), .number("-Infinity")]))
        #expect(throws: JSONSyntaxError(offset: 1, problem: .unexpectedCharacter)) { try Self.read("[NaN]", Self.strict) }
        #expect(throws: JSONSyntaxError(offset: 2, problem: .malformedNumber)) { try Self.read("[-Infinity]", Self.strict) }
    }

    @Test(arguments: [lenient, strict])
    func nestingDeeperThanTheLimitIsAnError(options: JSONReader.Options) throws {
        #expect(try Self.read(#"[{"a": [1]}]"#, options) == .array([.object([Self.member("a", .array([.number("1")]))])]))
        // The fourth opening bracket or brace is at byte 3 and byte 15.
        #expect(throws: JSONSyntaxError(offset: 3, problem: .tooDeep(limit: 3))) { try Self.read("[[[[1]]]]", options) }
        #expect(throws: JSONSyntaxError(offset: 15, problem: .tooDeep(limit: 3))) {
            try Self.read(#"{"a":{"b":{"c":{}}}}"#, options)
        }
    }

    @Test func surrogatePairsJoinAndLoneSurrogatesAreReplacedOrRejected() throws {
        for options in [Self.lenient, Self.strict] {
            #expect(try Self.read(#""\ud83d\ude00 \u00e9""#, options) == .string("😀 é"))
        }
        #expect(try Self.read(#""\ud800""#, Self.lenient) == .string("\u{FFFD}"))
        #expect(try Self.read(#""\udc00x""#, Self.lenient) == .string("\u{FFFD}x"))
        // The escape after a lone high surrogate is read as a character of its own, as Python reads it.
        #expect(try Self.read(#""\ud800\u0041""#, Self.lenient) == .string("\u{FFFD}A"))
        // Strict: the error is where the unpaired escape ends (byte 7), or after the escape that fails to pair (13).
        #expect(throws: JSONSyntaxError(offset: 7, problem: .unpairedSurrogate)) { try Self.read(#""\ud800""#, Self.strict) }
        #expect(throws: JSONSyntaxError(offset: 7, problem: .unpairedSurrogate)) { try Self.read(#""\udc00""#, Self.strict) }
        #expect(throws: JSONSyntaxError(offset: 13, problem: .unpairedSurrogate)) {
            try Self.read(#""\ud800\u0041""#, Self.strict)
        }
    }

    @Test func aByteOrderMarkIsSkippedOnlyWhenAllowed() throws {
        #expect(try Self.read("\u{FEFF}[]", Self.lenient) == .array([]))
        #expect(throws: JSONSyntaxError(offset: 0, problem: .unexpectedCharacter)) { try Self.read("\u{FEFF}[]", Self.strict) }
    }

    @Test(arguments: [
        ("", 0, .unexpectedEnd),
        ("[1,", 3, .unexpectedEnd),
        ("[1] x", 4, .dataAfterValue),
        (#"{"a":}"#, 5, .unexpectedCharacter),
        ("[1,]", 3, .unexpectedCharacter),
        (#"{"a" 1}"#, 5, .expected(":")),
        ("[1 2]", 3, .expected("]")),
        (#"{"a":1 "b":2}"#, 7, .expected("}")),
        (#"{"a":1,}"#, 7, .expectedKey),
        ("{1:2}", 1, .expectedKey),
        ("-", 1, .malformedNumber),
        ("01", 2, .malformedNumber),
        ("1.e5", 2, .malformedNumber),
        ("1e+", 3, .malformedNumber),
        (#""abc"#, 4, .unterminatedString),
        ("\"a\u{1}\"", 2, .controlCharacter),
        (#""\x""#, 3, .invalidEscape("x")),
        (#""\u00G0""#, 3, .invalidUnicodeEscape),
    ] as [(String, Int, JSONSyntaxError.Problem)])
    func malformedTextIsAnErrorAtItsByte(text: String, offset: Int, problem: JSONSyntaxError.Problem) {
        for options in [Self.lenient, Self.strict] {
            #expect(throws: JSONSyntaxError(offset: offset, problem: problem)) { try Self.read(text, options) }
        }
    }
}
