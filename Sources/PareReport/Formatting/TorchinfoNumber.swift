// torchinfo 1.8.0's number formats: megabytes (10^6 bytes) with two decimals, and the totals lines' counts.

/// The number formats of torchinfo 1.8.0's `ModelStatistics` (model_statistics.py).
public enum TorchinfoNumber {
    /// A byte count in megabytes of 10^6 bytes with two decimals, `f"{bytes / 1e6:0.2f}"`:
    /// `1_186_072` → `1.19`, `4_999` → `0.00`, `5_000` → `0.01` (0.005 is just above the tie in binary).
    public static func megabytes(bytes: Int) -> String {
        fixedTwoDecimals(Double(bytes) / 1e6)
    }

    /// A plain count as the totals lines print it (`format_output_num` with no unit): `: 1,234`.
    public static func countSuffix(_ count: Int) -> String {
        ": \(count.groupedDecimal)"
    }

    /// The multiply-adds total as `format_output_num` with automatic units prints it after "Total mult-adds":
    /// ` (Units.MEGABYTES): 0.05`.
    ///
    /// torchinfo picks terabytes from 10^12, gigabytes from 10^9 and megabytes otherwise (its enum names, printed
    /// with the enum class by Python 3.11's `format`), divides, and prints a whole result without decimals
    /// (`0`, `1`, `2,000`) and any other with two decimals and thousands separators (`1,234.57`).
    public static func multiplyAddsSuffix(_ multiplyAdds: Int) -> String {
        let (unit, divisor): (String, Double) =
            multiplyAdds >= 1_000_000_000_000 ? ("TERABYTES", 1e12)
            : multiplyAdds >= 1_000_000_000 ? ("GIGABYTES", 1e9)
            : ("MEGABYTES", 1e6)
        let converted = Double(multiplyAdds) / divisor
        let number = converted == converted.rounded(.towardZero)
            ? Int(converted).groupedDecimal
            : groupedFixedTwoDecimals(converted)
        return " (Units.\(unit)): \(number)"
    }
}
