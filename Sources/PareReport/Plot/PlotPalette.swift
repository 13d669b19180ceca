// Distinct markers for categories: the Okabe–Ito colours (readable with colour-blindness) and five shapes.

/// Markers for the categories of a plot (families, sweep settings), distinct by colour and by shape.
public enum PlotPalette {
    /// Okabe & Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/) without its yellow, which is
    /// too faint on white for small markers.
    public static let colors: [PlotColor] = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
    ].map(PlotColor.init)

    /// The marker of category number `index`: colours and shapes cycle with coprime periods (7 and 5), so the
    /// first 35 categories all differ.
    public static func marker(_ index: Int, filled: Bool = true) -> Marker {
        precondition(index >= 0, "a category index is not negative, got \(index)")
        return Marker(shape: MarkerShape.allCases[index % MarkerShape.allCases.count], color: colors[index % colors.count],
                      filled: filled)
    }
}
