// The lane layout's index math and helpers.

import Testing
import PareEngine

@Suite struct LaneLayoutTests {
    /// ((s / 16) · F + f) · 16 + s % 16: sample 17, feature 2 of F = 3 → (1 · 3 + 2) · 16 + 1 = 81.
    @Test func indexFormula() {
        #expect(LaneLayout.index(sample: 17, feature: 2, featureCount: 3) == 81)
        #expect(LaneLayout.index(sample: 0, feature: 0, featureCount: 3) == 0)
        #expect(LaneLayout.index(sample: 15, feature: 0, featureCount: 3) == 15)
        #expect(LaneLayout.index(sample: 0, feature: 1, featureCount: 3) == 16)
        #expect([1, 16, 17, 33].map { LaneLayout.chunkCount(batchSize: $0) } == [1, 1, 2, 3])
        #expect(LaneLayout.floatCount(batchSize: 17, featureCount: 3) == 2 * 3 * 16)
        #expect([0, 1, 2].map { LaneLayout.validLanes(chunk: $0, batchSize: 33) } == [16, 16, 1])
    }

    @Test func storeLoadAndZeroPadding() {
        let featureCount = 5, batchSize = 18
        var buffer = [Float](repeating: 7, count: LaneLayout.floatCount(batchSize: batchSize, featureCount: featureCount))
        buffer.withUnsafeMutableBufferPointer { lanes in
            for sample in 0..<batchSize {
                let features = (0..<featureCount).map { Float(sample * 100 + $0) }
                features.withUnsafeBufferPointer {
                    LaneLayout.store(sample: sample, features: $0.baseAddress!, featureCount: featureCount,
                                     into: lanes.baseAddress!)
                }
            }
            LaneLayout.zeroPaddingLanes(of: lanes.baseAddress!, batchSize: batchSize, featureCount: featureCount)
            for sample in 0..<32 {
                var features = [Float](repeating: -1, count: featureCount)
                features.withUnsafeMutableBufferPointer {
                    LaneLayout.load(sample: sample, featureCount: featureCount, from: lanes.baseAddress!, into: $0.baseAddress!)
                }
                let expected = sample < batchSize ? (0..<featureCount).map { Float(sample * 100 + $0) }
                                                  : [Float](repeating: 0, count: featureCount)
                #expect(features == expected, "sample \(sample)")
            }
        }
    }

    /// Bytes 0, 51, 255 with scale 1/255 become byte · Float(1/255) (≈ 0, 0.2, 1) in the sample's lane; other
    /// lanes are untouched.
    @Test func storeBytes() {
        var buffer = [Float](repeating: -1, count: LaneLayout.floatCount(batchSize: 20, featureCount: 3))
        let pixels: [UInt8] = [0, 51, 255]
        let scale: Float = 1 / 255
        buffer.withUnsafeMutableBufferPointer { lanes in
            pixels.withUnsafeBufferPointer {
                LaneLayout.store(sample: 18, bytes: $0.baseAddress!, featureCount: 3, scale: scale, into: lanes.baseAddress!)
            }
        }
        #expect((0..<3).map { buffer[LaneLayout.index(sample: 18, feature: $0, featureCount: 3)] } == [0, 51 * scale, 255 * scale])
        #expect(buffer.filter { $0 != -1 }.count == 3)
    }
}
