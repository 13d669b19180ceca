// Loading data set folders: the fixture folders (Fixtures/make_fixtures.py), every folder-level error, the
// Fashion-MNIST lookup, and the process-wide cache.

import Foundation
import Testing
import PareData

@Suite struct DatasetLoadingTests {
    @Test func loadsMixedRawAndGzippedFolder() throws {
        let dataset = try Dataset.load(.folder(Fixture.path("idx/good")))
        #expect(dataset.name == "good")
        #expect(dataset.imageHeight == 4 && dataset.imageWidth == 3 && dataset.imageChannels == 1)
        // make_fixtures.py: train labels [0, 1, 2, 0, 1, 2], test labels [2, 1, 0, 1]; 3 classes.
        #expect(dataset.train.labels == [0, 1, 2, 0, 1, 2] && dataset.test.labels == [2, 1, 0, 1])
        #expect(dataset.classCount == 3)
        #expect(dataset.train.count == 6 && dataset.train.pixels.count == 6 * 12)
        // The raw test images file is the reference for the decoded pixels.
        #expect(dataset.test.pixels == Array(Fixture.bytes("idx/good/t10k-images-idx3-ubyte")[16...]))
    }

    @Test func loadsRank4Images() throws {
        // python3: r = gzip.decompress(open('idx/rank4/train-images-idx3-ubyte.gz','rb').read());
        //          list(r[20:32]) → [121, 66, 189, 242, 33, 6, 240, 132, 119, 98, 240, 243]; sum(r[20:]) → 7982
        let dataset = try Dataset.load(.folder(Fixture.path("idx/rank4")))
        #expect(dataset.imageShape == ImageShape(height: 2, width: 2, channels: 3))
        #expect(Array(dataset.train.image(0)) == [121, 66, 189, 242, 33, 6, 240, 132, 119, 98, 240, 243])
        #expect(dataset.train.pixels.reduce(0) { $0 + Int($1) } == 7982)
        #expect(dataset.classCount == 2 && dataset.test.count == 2)
    }

    @Test func limitsTakeTheFirstExamples() throws {
        let full = try Dataset.load(.folder(Fixture.path("idx/good")))
        let limited = try Dataset.load(folder: Fixture.path("idx/good"), name: "good",
                                       options: DatasetLoadOptions(trainLimit: 4, testLimit: 100))
        #expect(limited.train == full.train.prefix(4) && limited.test == full.test)
        #expect(limited.classCount == 3)  // from the whole training label file, not just the first 4
    }

    @Test func limitedLoadWithoutCacheReadsOnlyThePrefix() throws {
        // The truncated folder cannot be loaded whole, but its first 5 training images lie before the cut.
        let dataset = try Dataset.load(folder: Fixture.path("idx/truncated"), name: "truncated",
                                       options: DatasetLoadOptions(trainLimit: 5))
        #expect(dataset.train.count == 5 && dataset.test.count == 4)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var folder: String
        var options = DatasetLoadOptions()
        var message: @Sendable (String) -> String
        var testDescription: String { folder }
    }

    static let cases: [Case] = [
        Case(folder: "wrongmagic") {
            "\($0)/train-images-idx3-ubyte.gz: error: wrong IDX magic 0x00000801, expected 0x00000803 (images)"
        },
        Case(folder: "truncated") {
            "\($0)/train-images-idx3-ubyte.gz: error: truncated gzip stream (expected 1296 bytes, got 644)"
        },
        Case(folder: "shortdata") {
            "\($0)/train-images-idx3-ubyte: error: truncated IDX data (header 6x4x3 needs 88 bytes, got 87)"
        },
        Case(folder: "longdata") {
            "\($0)/train-images-idx3-ubyte: error: IDX data longer than its header says (header 6x4x3 needs 88 bytes, got 89)"
        },
        Case(folder: "countmismatch") {
            "\($0)/train-labels-idx1-ubyte: error: 5 labels but 6 images in \($0)/train-images-idx3-ubyte.gz"
        },
        Case(folder: "labelrange") {
            "\($0)/t10k-labels-idx1-ubyte: error: label 3 of example 2 is not below the class count 3 (the largest training label + 1)"
        },
        Case(folder: "shapemismatch") {
            "\($0)/t10k-images-idx3-ubyte: error: images are 3x4x1 but the training images are 4x3x1"
        },
        Case(folder: "good", options: DatasetLoadOptions(trainLimit: 0)) { _ in
            "error: --train-limit must be a positive number of examples, got 0"
        },
        Case(folder: "good", options: DatasetLoadOptions(testLimit: -2)) { _ in
            "error: --test-limit must be a positive number of examples, got -2"
        },
        Case(folder: "nonexistent") {
            "\($0): error: no such data set folder; expected 'mnist', 'fashion-mnist' or a folder holding IDX files"
        },
    ]

    @Test(arguments: cases)
    func exactMessage(_ bad: Case) {
        let folder = Fixture.path("idx/\(bad.folder)")
        do {
            _ = try Dataset.load(.folder(folder), options: bad.options)
            Issue.record("loaded \(bad.folder)")
        } catch {
            #expect(error.description == bad.message(folder))
        }
    }

    @Test func missingFileIsNamed() throws {
        let folder = try temporaryFolder(copying: ["train-images-idx3-ubyte.gz"], from: "idx/good")
        #expect(throws: DatasetError.missingFile(folder: folder, fileName: "train-labels-idx1-ubyte")) {
            try Dataset.load(.folder(folder))
        }
        #expect(DatasetError.missingFile(folder: folder, fileName: "train-labels-idx1-ubyte").description
            == "\(folder): error: missing train-labels-idx1-ubyte (or train-labels-idx1-ubyte.gz) in this data set folder")
    }

    @Test func fashionMNISTIsLookedUpInPareDataThenItsSubfolderThenTheSystem() throws {
        let good = Fixture.path("idx/good")
        let source = DatasetSource.fashionMNIST
        // PARE_DATA itself holds the files.
        #expect(try source.folder(environment: ["PARE_DATA": good], systemFolder: "/nonexistent") == good)
        // PARE_DATA/fashion-mnist holds them.
        let root = try temporaryFolder(copying: [], from: "idx/good")
        let nested = URL(fileURLWithPath: root).appendingPathComponent("fashion-mnist").path
        try FileManager.default.copyItem(atPath: good, toPath: nested)
        #expect(try source.folder(environment: ["PARE_DATA": root], systemFolder: "/nonexistent") == nested)
        // Neither: the system folder.
        #expect(try source.folder(environment: ["PARE_DATA": "/nonexistent"], systemFolder: good) == good)
        #expect(try source.folder(environment: [:], systemFolder: good) == good)
    }

    @Test func fashionMNISTNotFoundSaysWhereAndHow() {
        let hint = "install it with 'apt install dataset-fashion-mnist', or set PARE_DATA or pass a folder holding its IDX files"
        do {
            _ = try DatasetSource.fashionMNIST.folder(environment: ["PARE_DATA": "/data"], systemFolder: "/usr/share/none")
            Issue.record("found fashion-mnist")
        } catch {
            #expect(error.description == "fashion-mnist: error: data set not found (looked in /data, /data/fashion-mnist, "
                + "/usr/share/none); \(hint)")
        }
        do {
            _ = try DatasetSource.fashionMNIST.folder(environment: [:], systemFolder: "/usr/share/none")
            Issue.record("found fashion-mnist")
        } catch {
            #expect(error.description == "fashion-mnist: error: data set not found (looked in /usr/share/none, "
                + "$PARE_DATA is not set); \(hint)")
        }
    }

    @Test func sourceNames() {
        #expect(DatasetSource("mnist") == .mnist && DatasetSource("fashion-mnist") == .fashionMNIST)
        #expect(DatasetSource("./mnist") == .folder("./mnist"))
        #expect(DatasetSource("/data/kmnist/").name == "kmnist")
    }

    @Test func concurrentFullLoadsShareOneLoad() async throws {
        // A folder no other test loads whole, so this test owns its cache entry.
        let folder = try temporaryFolder(copying: ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte",
                                                   "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte.gz"],
                                         from: "idx/good")
        let loads = try await withThrowingTaskGroup(of: Dataset.self) { group in
            for _ in 0..<4 { group.addTask { try Dataset.load(.folder(folder)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(loads.count == 4 && loads.allSatisfy { $0 == loads[0] })
        // Break a file: the cached data set still loads, whole or limited, because the files are not read again.
        let labels = URL(fileURLWithPath: folder).appendingPathComponent("train-labels-idx1-ubyte")
        try Data([0, 0, 0, 0]).write(to: labels)
        #expect(try Dataset.load(.folder(folder)) == loads[0])
        #expect(try Dataset.load(folder: folder, name: "x", options: DatasetLoadOptions(trainLimit: 2)).train.count == 2)
    }

    @Test func limitedLoadsAreCachedByFolderAndLimits() throws {
        let folder = try temporaryFolder(copying: ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte",
                                                   "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte.gz"],
                                         from: "idx/good")
        let options = DatasetLoadOptions(trainLimit: 2, testLimit: 3)
        let first = try Dataset.load(folder: folder, name: "tiny", options: options)
        try Data([0, 0, 0, 0]).write(to: URL(fileURLWithPath: folder).appendingPathComponent("train-labels-idx1-ubyte"))
        // Same limits: served from the cache. Other limits: read again, and the broken file shows.
        #expect(try Dataset.load(folder: folder, name: "tiny", options: options) == first)
        #expect(throws: DatasetError.self) {
            try Dataset.load(folder: folder, name: "tiny", options: DatasetLoadOptions(trainLimit: 3))
        }
    }

    /// A new temporary folder holding copies of `files` from the fixture folder `from`.
    private func temporaryFolder(copying files: [String], from fixtureFolder: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pare-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            try FileManager.default.copyItem(atPath: Fixture.path("\(fixtureFolder)/\(file)"),
                                             toPath: folder.appendingPathComponent(file).path)
        }
        return folder.path
    }
}
