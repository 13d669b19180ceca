// SafeTensors: round trips, a file written by Python (struct + json, by Tests/PareDataTests/Fixtures/
// make_fixtures.py), and every malformed header → its exact message.

import Foundation
import Testing
import PareTraining
import PareTestSupport

@Suite struct SafeTensorsTests {
    /// Written by make_fixtures.py's write_safetensors_fixture (kept with the other Python-made fixtures).
    static let pythonFile = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/safetensors/python.safetensors")

    static let sample = SafeTensorsFile(
        metadata: ["epoch": "3", "pare.model": "seed000_cnn", "quote \"\n": "é ✓"],
        tensors: [
            .init(name: "conv2d/kernel", shape: [3, 3, 1, 2], values: (0..<18).map { Float($0) * 0.25 - 2 }),
            .init(name: "conv2d/bias", shape: [2], values: [0.5, -0.5]),
            .init(name: "scalar", shape: [], values: [.pi]),
            .init(name: "empty", shape: [4, 0], values: []),
            .init(name: "special \"name\"\t\u{1}", shape: [4], values: [.infinity, -.infinity, -0.0, .leastNonzeroMagnitude]),
        ])

    @Test func roundTripThroughAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pare-st-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("model.safetensors")
        try Data("old contents".utf8).write(to: url)
        try Self.sample.write(to: url)
        #expect(try SafeTensorsFile.read(from: url) == Self.sample)
        // Atomic write: the temporary file was renamed over the target, nothing else is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.safetensors"])
    }

    @Test func nanKeepsItsBits() throws {
        let nan = Float(bitPattern: 0x7FC0_1234)
        let file = SafeTensorsFile(tensors: [.init(name: "x", shape: [1], values: [nan])])
        let decoded = try SafeTensorsFile.decode(file.encoded(), path: "x")
        #expect(decoded.tensors[0].values[0].bitPattern == 0x7FC0_1234)
    }

    @Test func layoutFollowsTheSpecification() throws {
        let bytes = Self.sample.encoded()
        let headerLength = (0..<8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        #expect((8 + headerLength) % 8 == 0)  // data 8-byte aligned
        let header = bytes[8..<8 + headerLength]
        #expect(header.first == UInt8(ascii: "{"))
        let json = try JSONSerialization.jsonObject(with: Data(header)) as? [String: Any]
        #expect(json?["__metadata__"] as? [String: String] == Self.sample.metadata)
        let kernel = json?["conv2d/kernel"] as? [String: Any]
        #expect(kernel?["dtype"] as? String == "F32")
        #expect(kernel?["shape"] as? [Int] == [3, 3, 1, 2])
        #expect(kernel?["data_offsets"] as? [Int] == [0, 72])
        #expect((json?["conv2d/bias"] as? [String: Any])?["data_offsets"] as? [Int] == [72, 80])
        // Little-endian floats: 0.5 is 0x3F000000.
        #expect(Array(bytes[8 + headerLength + 72..<8 + headerLength + 76]) == [0x00, 0x00, 0x00, 0x3F])
        #expect(bytes.count == 8 + headerLength + 4 * (18 + 2 + 1 + 0 + 4))
    }

    @Test func readsTheFileWrittenByPython() throws {
        let file = try SafeTensorsFile.read(from: Self.pythonFile)
        // make_fixtures.py: metadata {"format": "pt", "written_by": "make_fixtures.py"}; tensors dense.bias [3],
        // dense.kernel [2, 3], empty [0], step [] (a scalar), packed with struct.pack("<%df").
        #expect(file.metadata == ["format": "pt", "written_by": "make_fixtures.py"])
        #expect(file.tensors.map(\.name) == ["dense.bias", "dense.kernel", "empty", "step"])
        #expect(file["dense.bias"] == .init(name: "dense.bias", shape: [3], values: [0.5, -1.25, 3.0]))
        #expect(file["dense.kernel"] == .init(name: "dense.kernel", shape: [2, 3], values: [1, 2, 3, -4, 5.5, 1e-3]))
        #expect(file["empty"]?.shape == [0] && file["step"]?.shape == [] && file["step"]?.values == [42])
        // Pare writes the same content to the same bytes as Python's json.dumps(separators=(",", ":")).
        #expect(file.encoded() == [UInt8](try Data(contentsOf: Self.pythonFile)))
    }

    @Test func missingFileIsReported() {
        let url = URL(fileURLWithPath: "/nonexistent/model.safetensors")
        #expect(throws: SafeTensorsError(.cannotRead, path: url.path)) { try SafeTensorsFile.read(from: url) }
    }

    /// A file with the given header text (unpadded) and data bytes; `length` overrides the stored length.
    static func file(_ header: String, data: [UInt8] = [], length: Int? = nil) -> [UInt8] {
        file(Array(header.utf8), data: data, length: length)
    }

    static func file(_ header: [UInt8], data: [UInt8] = [], length: Int? = nil) -> [UInt8] {
        let count = length ?? header.count
        return (0..<8).map { UInt8(truncatingIfNeeded: count >> (8 * $0)) } + header + data
    }

    /// A tensor entry of the JSON header.
    static func tensor(_ name: String, dtype: String = "F32", shape: String, offsets: String, extra: String = "") -> String {
        "\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":\(offsets)\(extra)}"
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var message: String
        var testDescription: String { name }
    }

    static let zeros4: [UInt8] = [0, 0, 0, 0]

    static let cases: [Case] = [
        Case(name: "too short", bytes: [1, 2, 3],
             message: "not a safetensors file: 3 bytes, fewer than the 8-byte header length"),
        Case(name: "header too large", bytes: file("{}", length: 100_000_001),
             message: "header length 100000001 exceeds the 100 MB limit"),
        Case(name: "header past the end", bytes: file("{}", data: Array(repeating: 0, count: 8), length: 50),
             message: "header length 50 runs past the end of the file (18 bytes)"),
        Case(name: "not UTF-8", bytes: file([0x7B, 0xFF, 0x7D]), message: "the header is not UTF-8 text"),
        Case(name: "array header", bytes: file("[1]"), message: "the header is not a JSON object (it must start with '{')"),
        Case(name: "leading space", bytes: file(" {}"), message: "the header is not a JSON object (it must start with '{')"),
        Case(name: "missing value", bytes: file("{\"a\":}"), message: "invalid JSON in the header at byte 5: unexpected character"),
        Case(name: "trailing comma", bytes: file("{\"a\":\"b\",}"), message: "invalid JSON in the header at byte 9: expected a string key"),
        Case(name: "unterminated", bytes: file("{\"a"), message: "invalid JSON in the header at byte 3: unterminated string"),
        Case(name: "data after the object", bytes: file("{} x"),
             message: "invalid JSON in the header at byte 3: unexpected data after the top-level object"),
        Case(name: "too deep", bytes: file("{\"__metadata__\":" + String(repeating: "[", count: 100)),
             message: "invalid JSON in the header at byte 79: nesting deeper than 64 levels"),
        Case(name: "duplicate key",
             bytes: file("{" + tensor("w", shape: "[1]", offsets: "[0,4]") + "," + tensor("w", shape: "[1]", offsets: "[4,8]") + "}",
                         data: Array(repeating: 0, count: 8)),
             message: "duplicate key 'w' in the header"),
        Case(name: "metadata with a number", bytes: file("{\"__metadata__\":{\"a\":1}}"),
             message: "__metadata__ must be an object mapping strings to strings"),
        Case(name: "unknown dtype", bytes: file("{" + tensor("w", dtype: "F17", shape: "[1]", offsets: "[0,4]") + "}", data: zeros4),
             message: "tensor 'w' has unknown dtype 'F17'"),
        Case(name: "F16", bytes: file("{" + tensor("w", dtype: "F16", shape: "[2]", offsets: "[0,4]") + "}", data: zeros4),
             message: "tensor 'w' has dtype F16; Pare reads only F32"),
        Case(name: "negative dimension", bytes: file("{" + tensor("w", shape: "[-1]", offsets: "[0,4]") + "}", data: zeros4),
             message: "tensor 'w' has a shape that is not a list of non-negative integers"),
        Case(name: "fractional dimension", bytes: file("{" + tensor("w", shape: "[1.0]", offsets: "[0,4]") + "}", data: zeros4),
             message: "tensor 'w' has a shape that is not a list of non-negative integers"),
        Case(name: "reversed offsets", bytes: file("{" + tensor("w", shape: "[1]", offsets: "[4,0]") + "}", data: zeros4),
             message: "tensor 'w' has data_offsets that are not [BEGIN, END] with 0 ≤ BEGIN ≤ END"),
        Case(name: "missing data_offsets", bytes: file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", data: zeros4),
             message: "tensor 'w' has no 'data_offsets'"),
        Case(name: "unknown key", bytes: file("{" + tensor("w", shape: "[1]", offsets: "[0,4]", extra: ",\"foo\":1") + "}", data: zeros4),
             message: "tensor 'w' has unknown key 'foo'"),
        Case(name: "out of bounds", bytes: file("{" + tensor("w", shape: "[3]", offsets: "[0,12]") + "}", data: Array(repeating: 0, count: 8)),
             message: "tensor 'w' data_offsets [0, 12] run past the data section (8 bytes)"),
        Case(name: "size mismatch", bytes: file("{" + tensor("w", shape: "[2]", offsets: "[0,12]") + "}", data: Array(repeating: 0, count: 12)),
             message: "tensor 'w' data_offsets [0, 12] hold 12 bytes, but F32 shape [2] needs 8"),
        Case(name: "overlap",
             bytes: file("{" + tensor("a", shape: "[2]", offsets: "[0,8]") + "," + tensor("b", shape: "[2]", offsets: "[4,12]") + "}",
                         data: Array(repeating: 0, count: 12)),
             message: "tensors 'a' and 'b' overlap in the data section"),
        Case(name: "gap",
             bytes: file("{" + tensor("a", shape: "[1]", offsets: "[0,4]") + "," + tensor("b", shape: "[1]", offsets: "[8,12]") + "}",
                         data: Array(repeating: 0, count: 12)),
             message: "bytes 4..<8 of the data section belong to no tensor"),
        Case(name: "trailing bytes", bytes: file("{" + tensor("a", shape: "[1]", offsets: "[0,4]") + "}", data: Array(repeating: 0, count: 8)),
             message: "bytes 4..<8 of the data section belong to no tensor"),
    ]

    @Test(arguments: cases)
    func exactMessage(_ bad: Case) {
        do {
            let file = try SafeTensorsFile.decode(bad.bytes, path: "f.safetensors")
            Issue.record("decoded \(file.tensors.count) tensors; expected: \(bad.message)")
        } catch {
            #expect(error.description == "f.safetensors: error: \(bad.message)")
        }
    }

    @Test func randomDamageNeverTraps() throws {
        // 2000 damaged copies of the Python file (a byte changed, or the file cut): each decodes or throws a
        // one-line error. The generator is a 64-bit LCG (Knuth's MMIX constants), enough for picking positions.
        let original = [UInt8](try Data(contentsOf: Self.pythonFile))
        var state: UInt64 = 2023
        func draw(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var failures = 0
        for trial in 0..<2000 {
            var damaged = original
            let position = draw(damaged.count)
            if trial % 2 == 0 { damaged[position] = UInt8(draw(256)) } else { damaged.removeSubrange(position...) }
            do {
                _ = try SafeTensorsFile.decode(damaged, path: "f")
            } catch {
                #expect(!error.description.contains("\n"))
                failures += 1
            }
        }
        #expect(failures >= 1000)  // every cut fails (the data section shrinks), so at least the 1000 cuts
    }

    @Test func paddedHeaderAndEscapesAreAccepted() throws {
        // Trailing spaces are the padding the specification allows; \u escapes (with a surrogate pair) decode.
        let header = "{\"__metadata__\":{\"k\\u00e9\\ud83d\\ude00\":\"v\\n\"}}    "
        let file = try SafeTensorsFile.decode(Self.file(header), path: "f")
        #expect(file.metadata == ["ké😀": "v\n"] && file.tensors.isEmpty)
    }
}
