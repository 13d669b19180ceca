// Integers with thousands separators, as Python's `f"{n:,}"` writes them (both Keras and torchinfo use it).

extension BinaryInteger {
    /// The decimal digits with a comma between every group of three, Python's `f"{n:,}"`:
    /// `0` → `0`, `1234` → `1,234`, `-1234567` → `-1,234,567`.
    public var groupedDecimal: String {
        groupingThousands(String(self.magnitude), negative: self < 0)
    }
}

/// Inserts a comma between every group of three digits of `digits` (an unsigned decimal integer part).
func groupingThousands(_ digits: String, negative: Bool = false) -> String {
    var grouped = ""
    grouped.reserveCapacity(digits.count + digits.count / 3 + 1)
    for (offset, digit) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    return negative ? "-" + grouped : grouped
}
