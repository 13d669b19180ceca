// Keras's human-readable weight sizes: 1024-based units with two decimals (`3.64 KB`, `0.00 B`).

/// Formats a byte count the way Keras 3's `readable_memory_size` does for `model.summary()`.
///
/// The unit is the first of B, KB, MB, GB, TB, PB for which `bytes / 1024` would drop below 1; the value is
/// divided by 1024 once per step and printed with two decimals. So 1023 bytes is `1023.00 B`, 1024 bytes is
/// `1.00 KB`, and 1,048,575 bytes is `1024.00 KB` (the unit is picked before rounding, as in Keras); past
/// 1024 PB the value is divided once more but still labelled PB, Keras's quirk.
/// Division by 1024 is exact in binary floating point, so the result equals Keras's for any integer byte count.
public enum KerasMemorySize {
    /// Keras's units, smallest first.
    static let units = ["B", "KB", "MB", "GB", "TB", "PB"]

    /// `bytes` as Keras prints it, e.g. `3728` → `3.64 KB`.
    public static func readable(bytes: Double) -> String {
        var value = bytes
        for unit in units {
            if value / 1024 < 1 { return "\(fixedTwoDecimals(value)) \(unit)" }
            value /= 1024
        }
        // Keras's loop divides once more before giving up, so 2048 PB reads "2.00 PB".
        return "\(fixedTwoDecimals(value)) \(units[units.count - 1])"
    }

    /// The size of `parameterCount` float32 weights as Keras prints it (4 bytes each).
    public static func readable(float32Parameters parameterCount: Int) -> String {
        readable(bytes: Double(parameterCount) * 4)
    }
}
