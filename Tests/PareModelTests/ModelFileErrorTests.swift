// Table-driven: every kind of bad model file gives exactly one compiler-style line.

import Testing
import PareModel

@Suite struct ModelFileErrorTests {
    /// (file text, `--set` overrides, the exact message).
    static let cases: [(String, [String: Int], String)] = [
        ("", [:], "x.pare: error: empty model file; expected an 'input' line followed by layers"),
        ("# only a comment\n\n", [:], "x.pare: error: empty model file; expected an 'input' line followed by layers"),
        ("input 28x28x1\nConv2d 4 3\n", [:], "x.pare:2:1: error: unknown layer 'Conv2d'; did you mean 'conv2d'?"),
        ("input 28x28x1\nconvolution 4 3\n", [:], "x.pare:2:1: error: unknown layer 'convolution'"),
        ("input 28x28x1\nconv2d 4 3 strid=2\n", [:],
         "x.pare:2:12: error: unknown option 'strid' for conv2d; did you mean 'stride'?"),
        ("input 28x28x1\nflatten\ndense -3\n", [:],
         "x.pare:3:7: error: expected a positive integer for 'units', found '-3'"),
        ("input 28x28x1\nflatten\ndense ten\n", [:], "x.pare:3:7: error: undefined variable 'ten'"),
        ("let n = 2\ninput 28x28x1\nconv2d m 3\n", [:], "x.pare:3:8: error: undefined variable 'm'; did you mean 'n'?"),
        ("let n = 4 / (2 - 2)\ninput 784\ndense n\n", [:], "x.pare:1:8: error: division by zero"),
        ("let n = 99999999999 * 99999999999\ninput 784\ndense n\n", [:], "x.pare:1:8: error: integer overflow in expression"),
        ("let n = (2\ninput 784\ndense n\n", [:], "x.pare:1:8: error: bad expression ' (2': expected ')'"),
        ("let n = 2\nlet n = 3\ninput 784\ndense n\n", [:], "x.pare:2:5: error: variable 'n' is defined twice"),
        ("let n = 2\ninput 784\ndense n\n", ["m": 3], "x.pare: error: --set names unknown variable 'm'; the file defines n"),
        ("dense 10\n", [:], "x.pare:1:1: error: layer before the 'input' line; expected e.g. 'input 28x28x1' first"),
        ("model \"a\"\nlet n = 1\n", [:], "x.pare:1:1: error: layer before the 'input' line; expected e.g. 'input 28x28x1' first"),
        ("input 784\n", [:], "x.pare:1: error: the model has no layers; expected layers after the 'input' line"),
        ("input 784\ninput 784\ndense 1\n", [:], "x.pare:2:1: error: second 'input' line; a model has one input"),
        ("input 28x28\nflatten\n", [:],
         "x.pare:1:7: error: expected a shape like 28x28x1 (height x width x channels) or 784, found '28x28'"),
        ("input 28x28x1\nconv2d 4\n", [:], "x.pare:2:1: error: conv2d needs a kernel size (e.g. 'conv2d 32 3x3 relu')"),
        ("input 28x28x1\nconv2d 4 3 rellu\n", [:], "x.pare:2:12: error: unknown activation 'rellu'; did you mean 'relu'?"),
        ("input 28x28x1\nconv2d 4 3 relu extra\n", [:], "x.pare:2:17: error: unexpected argument 'extra' for conv2d"),
        ("input 28x28x1\nconv2d 4 3 padding=full\n", [:],
         "x.pare:2:20: error: expected 'valid' or 'same' for 'padding', found 'full'"),
        ("input 28x28x1\nconv2d 4 3 stride=2 strides=2\n", [:], "x.pare:2:21: error: option 'strides' given twice"),
        ("input 28x28x1\nconv2d 4 3x3x3\n", [:],
         "x.pare:2:10: error: expected a positive kernel size like 3 or 3x3, found '3x3x3'"),
        ("input 28x28x1\nflatten\ndropout 1.5\n", [:], "x.pare:3:9: error: expected a rate in [0, 1) for 'dropout', found '1.5'"),
        ("input 28x28x1\nflatten\ndense 10 bias=maybe\n", [:],
         "x.pare:3:15: error: expected true or false for 'bias', found 'maybe'"),
        ("input 28x28x1\nflatten\ndense 10 name=9lives\n", [:],
         "x.pare:3:15: error: expected a layer name (letters, digits, '_', '.', '-'), found '9lives'"),
        ("model \"unterminated\ninput 784\n", [:], "x.pare:1:7: error: unterminated string; expected a closing '\"'"),
        // 28 → 26 → 24 → pool 12 → 10 → 8 → pool 4: a 5x5 kernel no longer fits.
        ("input 28x28x1\nconv2d 4 3\nconv2d 4 3\nmaxpool2d 2\nconv2d 16 3\nconv2d 16 3\nmaxpool2d 2\nconv2d 16 5\n", [:],
         "x.pare:8: error: conv2d_4 needs at least 5x5 input, got 4x4x16"),
        ("input 28x28x1\ndense 10\n", [:], "x.pare:2: error: dense needs a flat input, got 28x28x1; add 'flatten' before it"),
        ("input 784\nconv2d 4 3\n", [:], "x.pare:2: error: conv2d needs an image input (HxWxC), got 784"),
        ("input 4x4x1\nmaxpool2d 8\n", [:], "x.pare:2: error: max_pooling2d needs at least 8x8 input, got 4x4x1"),
        ("input 784\ndense 10 name=a\ndense 10 name=a\n", [:], "x.pare:3: error: duplicate layer name 'a'"),
    ]

    @Test(arguments: cases.indices)
    func rejectsWithExactMessage(index: Int) {
        let (text, overrides, expected) = Self.cases[index]
        do {
            let parsed = try ParsedModel.parse(text, path: "x.pare", overrides: overrides)
            _ = try parsed.analyze()
            Issue.record("accepted bad input \(text.debugDescription)")
        } catch {
            #expect(error.description == expected, "input: \(text.debugDescription)")
        }
    }

    @Test func binaryGarbageIsNotText() {
        let bytes: [UInt8] = [0x69, 0x6E, 0x70, 0x75, 0x74, 0x20, 0xFF, 0xFE, 0x0A]
        #expect(throws: ModelFileError(.notText(byteOffset: 6), at: SourceLocation(path: "b.pare", line: 1))) {
            try ParsedModel.parse(bytes: bytes, path: "b.pare")
        }
        let withNul: [UInt8] = Array("input 784\n".utf8) + [0, 1, 2]
        #expect(throws: ModelFileError(.notText(byteOffset: 10), at: SourceLocation(path: "b.pare"))) {
            try ParsedModel.parse(bytes: withNul, path: "b.pare")
        }
    }

    @Test func hugeLineIsRejectedQuickly() {
        // A 100 MB line: rejected by length before any parsing (the test would time out otherwise).
        var bytes = Array("input 784\ndense ".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "9"), count: 100_000_000)
        let error = #expect(throws: ModelFileError.self) { try ParsedModel.parse(bytes: bytes, path: "big.pare") }
        #expect(error?.description == "big.pare:2: error: line is 100000006 characters long; the limit is 65536")
    }

    @Test func missingFileAndDirectory() {
        let missing = #expect(throws: ModelFileError.self) { try ParsedModel.load(path: "/nonexistent/m.pare") }
        #expect(missing?.description == "/nonexistent/m.pare: error: no such file")
        let directory = #expect(throws: ModelFileError.self) { try ParsedModel.load(path: "/tmp") }
        #expect(directory?.description == "/tmp: error: cannot read the file: it is a directory")
    }
}
