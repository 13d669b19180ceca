// An estimate of how wide text is drawn, for layout: the chart cannot measure fonts, so it uses the advance
// widths of DejaVu Sans (the common Linux default sans-serif), which are wider than Helvetica/Arial's.

/// Estimated text extents for SVG layout.
enum TextMetrics {
    /// Approximate advance width of `text` at `fontSize` pixels, from DejaVu Sans's widths in ems: digits 0.64,
    /// narrow letters and punctuation 0.32, `m w M W %` 0.95, other capitals 0.72, everything else 0.6.
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "0"..."9": ems += 0.64
            case "i", "j", "l", "t", "f", "r", ".", ",", ":", ";", "'", "|", "!", "(", ")", "[", "]", "·", " ", "I":
                ems += 0.32
            case "m", "w", "M", "W", "%": ems += 0.95
            case "A"..."Z": ems += 0.72
            default: ems += 0.6
            }
        }
        return ems * fontSize
    }
}
