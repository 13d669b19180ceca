// Chooses, among candidate positions for a label, the one that covers the least of what is already drawn.

/// Greedy label placement: each label takes the candidate box with the least overlap with earlier labels and
/// points (and the least area outside the plot frame); earlier candidates win ties, so callers list their
/// preferred positions first.
struct LabelPlacer {
    /// Boxes already taken: point markers and placed labels.
    private(set) var occupied: [PlotBox]
    /// The region labels should stay inside.
    let frame: PlotBox

    init(occupied: [PlotBox], frame: PlotBox) {
        self.occupied = occupied
        self.frame = frame
    }

    /// The index of the best of `candidates` (not empty), whose box is then taken.
    mutating func place(_ candidates: [PlotBox]) -> Int {
        precondition(!candidates.isEmpty, "a label needs at least one candidate position")
        var best = 0
        var bestScore = Double.infinity
        for (index, box) in candidates.enumerated() {
            let covered = occupied.reduce(0) { $0 + box.overlap($1) }
            // Leaving the frame is worse than covering a marker; a tiny index term keeps the caller's order.
            let score = covered + 4 * box.areaOutside(frame) + Double(index) * 1e-3
            if score < bestScore {
                bestScore = score
                best = index
            }
        }
        occupied.append(candidates[best])
        return best
    }
}
