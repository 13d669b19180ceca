// The IDX reader on bytes made in the test and on the fixture files (Fixtures/make_fixtures.py).

import Testing
import PareData

@Suite struct IDXReaderTests {
    /// An IDX file: big-endian magic and dimensions, then `data`.
    static func idx(_ magic: UInt32, _ dimensions: [Int], _ data: [UInt8]) -> [UInt8] {
        ([Int(magic)] + dimensions).flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
            + data
    }

    @Test func readsImagesAndLabels() throws {
        let pixels = (0..<24).map { UInt8($0 * 10) }
        let images = try IDXReader.parseImages(Self.idx(0x803, [2, 3, 4], pixels), path: "x")
        #expect(images.headerCount == 2 && images.count == 2)
        #expect(images.shape == ImageShape(height: 3, width: 4, channels: 1))
        #expect(images.pixels == pixels)
        #expect(try IDXReader.parseLabels(Self.idx(0x801, [3], [7, 0, 9]), path: "y") == [7, 0, 9])
    }

    @Test func readsRank4ImagesChannelsLast() throws {
        let pixels = (0..<24).map { UInt8($0) }
        let images = try IDXReader.parseImages(Self.idx(0x804, [2, 2, 3, 2], pixels), path: "x")
        #expect(images.shape == ImageShape(height: 2, width: 3, channels: 2))
        #expect(images.pixels == pixels)
    }

    @Test func limitReadsAPrefix() throws {
        let pixels = (0..<24).map { UInt8($0) }
        let images = try IDXReader.parseImages(Self.idx(0x803, [4, 2, 3], pixels), path: "x", limit: 3)
        #expect(images.headerCount == 4 && images.count == 3)
        #expect(images.pixels == Array(pixels.prefix(18)))
        let all = try IDXReader.parseImages(Self.idx(0x803, [4, 2, 3], pixels), path: "x", limit: 99)
        #expect(all.count == 4)
    }

    @Test func gzippedFileMatchesThePythonValues() throws {
        // python3: g = gzip.decompress(open('idx/good/train-images-idx3-ubyte.gz','rb').read());
        //          list(g[16:28]) → [68, 32, 130, 60, 253, 230, 241, 194, 107, 48, 249, 14]; sum(g[16:]) → 9763
        let images = try IDXReader.readImages(path: Fixture.path("idx/good/train-images-idx3-ubyte.gz"))
        #expect(images.shape == ImageShape(height: 4, width: 3, channels: 1) && images.count == 6)
        #expect(Array(images.pixels.prefix(12)) == [68, 32, 130, 60, 253, 230, 241, 194, 107, 48, 249, 14])
        #expect(images.pixels.reduce(0) { $0 + Int($1) } == 9763)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var isLabels = false
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "labels magic in an images file", bytes: idx(0x801, [2], [0, 1]),
             message: "f: error: wrong IDX magic 0x00000801, expected 0x00000803 (images)"),
        Case(name: "images magic in a labels file", bytes: idx(0x803, [1, 1, 1], [0]), isLabels: true,
             message: "f: error: wrong IDX magic 0x00000803, expected 0x00000801 (labels)"),
        Case(name: "float IDX", bytes: idx(0xD03, [1, 1, 1], [0, 0, 0, 0]),
             message: "f: error: wrong IDX magic 0x00000d03, expected 0x00000803 (images)"),
        Case(name: "empty file", bytes: [],
             message: "f: error: truncated IDX header (expected 4 bytes, got 0)"),
        Case(name: "header cut", bytes: Array(idx(0x803, [1, 2, 2], []).prefix(10)),
             message: "f: error: truncated IDX header (expected 16 bytes, got 10)"),
        Case(name: "zero images", bytes: idx(0x803, [0, 28, 28], []),
             message: "f: error: invalid IDX dimensions 0x28x28 (each must be at least 1, and their product must fit in memory)"),
        Case(name: "overflowing dimensions", bytes: idx(0x804, [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF, 2], []),
             message: "f: error: invalid IDX dimensions 4294967295x4294967295x4294967295x2 (each must be at least 1, and their product must fit in memory)"),
        Case(name: "data short", bytes: idx(0x803, [2, 2, 2], [1, 2, 3, 4, 5, 6, 7]),
             message: "f: error: truncated IDX data (header 2x2x2 needs 24 bytes, got 23)"),
        Case(name: "data long", bytes: idx(0x801, [2], [1, 2, 3]), isLabels: true,
             message: "f: error: IDX data longer than its header says (header 2 needs 10 bytes, got 11)"),
        Case(name: "broken gzip", bytes: [0x1F, 0x8B, 9],
             message: "f: error: truncated gzip header"),
    ]

    @Test(arguments: cases)
    func exactMessage(_ bad: Case) {
        do {
            if bad.isLabels {
                _ = try IDXReader.parseLabels(bad.bytes, path: "f")
            } else {
                _ = try IDXReader.parseImages(bad.bytes, path: "f")
            }
            Issue.record("parsed; expected: \(bad.message)")
        } catch {
            #expect(error.description == bad.message)
        }
    }

    @Test func truncatedGzipNamesExpectedAndDecodedSizes() {
        // 20 images of 8x8: 16 + 1280 = 1296 bytes expected. Python's zlib decodes 644 bytes from the half file:
        // len(zlib.decompressobj(-15).decompress(open('idx/truncated/train-images-idx3-ubyte.gz','rb').read()[10:]))
        let path = Fixture.path("idx/truncated/train-images-idx3-ubyte.gz")
        #expect(throws: DatasetError.truncatedGzip(path: path, expectedBytes: 1296, decodedBytes: 644)) {
            try IDXReader.readImages(path: path)
        }
        #expect(DatasetError.truncatedGzip(path: path, expectedBytes: 1296, decodedBytes: 644).description
            == "\(path): error: truncated gzip stream (expected 1296 bytes, got 644)")
    }

    @Test func prefixOfATruncatedGzipStillLoads() throws {
        // Only the needed bytes are inflated: the first 5 images (16 + 320 bytes) lie before the cut.
        let images = try IDXReader.readImages(path: Fixture.path("idx/truncated/train-images-idx3-ubyte.gz"), limit: 5)
        #expect(images.count == 5 && images.headerCount == 20)
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: DatasetError.unreadable(path: "/nonexistent/idx")) {
            try IDXReader.readLabels(path: "/nonexistent/idx")
        }
    }
}
