// Two-decimal fixed-point text for doubles, rounded exactly as Python's `format(x, ".2f")` rounds.

import Foundation

/// `value` with exactly two decimals, Python's `f"{value:.2f}"`.
///
/// Both Python and glibc's `printf` round the exact binary value of the double to the nearest decimal, ties to
/// even, so `String(format:)` reproduces Keras's and torchinfo's figures digit for digit (`0.125` → `0.12`).
func fixedTwoDecimals(_ value: Double) -> String {
    String(format: "%.2f", value)
}

/// `value` with two decimals and thousands separators in the integer part, Python's `f"{value:,.2f}"`.
func groupedFixedTwoDecimals(_ value: Double) -> String {
    let text = fixedTwoDecimals(value)
    let negative = text.hasPrefix("-")
    let unsigned = negative ? text.dropFirst() : Substring(text)
    let parts = unsigned.split(separator: ".", maxSplits: 1)
    let fraction = parts.count > 1 ? "." + parts[1] : ""
    return groupingThousands(String(parts[0]), negative: negative) + fraction
}
