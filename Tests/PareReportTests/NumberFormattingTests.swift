// The number formats at their edges. Expected strings are Python 3.11's output for the same expressions
// (`f"{n:,}"`; Keras's `readable_memory_size`, run as copied from keras/src/utils/summary_utils.py;
// torchinfo 1.8.0's `f"{n / 1e6:0.2f}"` and `format_output_num(n, Units.AUTO)`).

import Testing
@testable import PareReport

@Suite struct NumberFormattingTests {
    @Test(arguments: [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (65_536, "65,536"),
                      (1_199_882, "1,199,882"), (-1_234_567, "-1,234,567")])
    func thousandsSeparators(value: Int, expected: String) {
        #expect(value.groupedDecimal == expected)
    }

    @Test(arguments: [(0.0, "0.00 B"), (1, "1.00 B"), (1023, "1023.00 B"), (1024, "1.00 KB"),
                      (1_048_575, "1024.00 KB"), (1_048_575.99, "1024.00 KB"), (1_048_576, "1.00 MB"),
                      (3728, "3.64 KB"), (2560, "2.50 KB"), (5.125, "5.12 B"),
                      (3_377_699_720_527_872, "3.00 PB"), (2_305_843_009_213_693_952, "2.00 PB")])
    func kerasSizes(bytes: Double, expected: String) {
        #expect(KerasMemorySize.readable(bytes: bytes) == expected)
    }

    /// 932 float32 parameters: 3,728 bytes (qiita_cnn2_2.keras.txt prints "932 (3.64 KB)").
    @Test func kerasParameterSize() {
        #expect(KerasMemorySize.readable(float32Parameters: 932) == "3.64 KB")
        #expect(KerasMemorySize.readable(float32Parameters: 0) == "0.00 B")
    }

    @Test(arguments: [(0, "0.00"), (4_999, "0.00"), (5_000, "0.01"), (5_001, "0.01"), (15_000, "0.01"),
                      (1_186_072, "1.19"), (1_234_567_890_123, "1234567.89")])
    func torchinfoMegabytes(bytes: Int, expected: String) {
        #expect(TorchinfoNumber.megabytes(bytes: bytes) == expected)
    }

    @Test(arguments: [(0, "MEGABYTES", "0"), (1_000_000, "MEGABYTES", "1"), (1_234_567, "MEGABYTES", "1.23"),
                      (408_618, "MEGABYTES", "0.41"), (999_999_999, "MEGABYTES", "1,000.00"),
                      (1_000_000_000, "GIGABYTES", "1"), (1_234_567_890, "GIGABYTES", "1.23"),
                      (2_000_000_000, "GIGABYTES", "2"), (1_500_000_000_000, "TERABYTES", "1.50"),
                      (1_234_567_890_000_000, "TERABYTES", "1,234.57")])
    func torchinfoMultiplyAdds(count: Int, unit: String, expected: String) {
        #expect(TorchinfoNumber.multiplyAddsSuffix(count) == " (Units.\(unit)): \(expected)")
    }

    @Test func torchinfoCounts() {
        #expect(TorchinfoNumber.countSuffix(0) == ": 0")
        #expect(TorchinfoNumber.countSuffix(1_066_410) == ": 1,066,410")
    }
}
