// Inflate throughput on the real MNIST training images (9.7 MB → 47 MB). A benchmark, not a test: it runs
// only when PARE_BENCHMARK=1, and is meant for a release build:
//   PARE_BENCHMARK=1 swift test -c release --filter InflateBenchmark
//
// Expected output size and CRC-32 from Python:
//   python3 -c "import gzip,zlib; d=gzip.open('../shared/datasets/mnist/train-images-idx3-ubyte.gz').read(); print(len(d), hex(zlib.crc32(d)))"
//   → 47040016 0xe9f4d8b3

import Foundation
import Testing
import PareData

@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["PARE_BENCHMARK"] == "1"))
struct InflateBenchmark {
    @Test func mnistTrainingImages() throws {
        let folder = try DatasetSource.mnist.folder()
        let path = URL(fileURLWithPath: folder).appendingPathComponent("train-images-idx3-ubyte.gz").path
        let compressed = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        var seconds: [Double] = []
        var output: [UInt8] = []
        for _ in 0..<7 {
            let start = DispatchTime.now().uptimeNanoseconds
            output = try Gzip.decompress(compressed)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        #expect(output.count == 47_040_016)
        #expect(CRC32.checksum(output) == 0xE9F4_D8B3)
        seconds.sort()
        let megabytes = Double(output.count) / 1e6
        print(String(format: "inflate %.1f MB → %.1f MB: best %.1f ms (%.0f MB/s output), median %.1f ms (%.0f MB/s)",
                     Double(compressed.count) / 1e6, megabytes, seconds[0] * 1e3, megabytes / seconds[0],
                     seconds[3] * 1e3, megabytes / seconds[3]))
    }

    @Test func fullMNISTLoad() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let mnist = try Dataset.load(.mnist)
        let first = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let again = DispatchTime.now().uptimeNanoseconds
        _ = try Dataset.load(.mnist)
        let cached = Double(DispatchTime.now().uptimeNanoseconds - again) / 1e6
        // ../shared/datasets/README.md: training label counts 5923 6742 5958 6131 5842 5421 5918 6265 5851 5949.
        var counts = [Int](repeating: 0, count: 10)
        for label in mnist.train.labels { counts[Int(label)] += 1 }
        #expect(counts == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        print(String(format: "full MNIST load (4 files, 55 MB decoded, checked): %.0f ms; cached: %.3f ms", first, cached))
    }
}
