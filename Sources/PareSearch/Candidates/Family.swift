// A topology family: the base after some structural moves, explored at every uniform width scale.

import PareModel

/// A topology derived from the base by structural moves; its members differ only in width.
public struct Family: Hashable, Sendable {
    /// The structural moves that made it, in application order (empty for the base).
    public var moves: [SearchMove]
    /// The family at the base model's widths.
    public var spec: ModelSpec

    /// The family's name: its moves joined by `+`, or `base`.
    public var name: String { Candidate.familyName(moves) }

    /// The members at uniform width scales, smallest `measure` first, without duplicates or invalid shapes.
    ///
    /// Scales are `k / w` for the smallest hidden width `w` and k in 1, 2, 3, 4, 6, 8, 12, 16, … up to `w`
    /// (so the narrowest layer takes those widths and the others keep their ratios), plus the base widths.
    /// With `scaleWidths` false, only the base widths.
    public func levels(measure: Measure, scaleWidths: Bool) -> [Candidate] {
        let widths = spec.hiddenWidths
        var specs = [spec]
        if scaleWidths, let narrowest = widths.min(), narrowest > 1 {
            specs = Self.ladder(upTo: narrowest).map { spec.scalingHiddenWidths(by: Double($0) / Double(narrowest)) } + [spec]
        }
        var seen = Set<String>()
        let candidates = specs.compactMap { Candidate(spec: $0, moves: moves) }.filter { seen.insert($0.pareText).inserted }
        return candidates.sorted { ($0.size(measure), $0.pareText) < ($1.size(measure), $1.pareText) }
    }

    /// 1, 2, 3, 4, 6, 8, 12, 16, 24, … below `limit`: about √2 apart, so bisection over them is fine-grained
    /// where models are small and coarse where they are big.
    static func ladder(upTo limit: Int) -> [Int] {
        var values: [Int] = []
        var power = 1
        while power < limit {
            for value in [power, power * 3 / 2] where value < limit && !values.contains(value) && value > 0 {
                values.append(value)
            }
            power *= 2
        }
        return values.sorted()
    }

    /// Every family reachable from `base` with the allowed structural moves: each move at most once, except
    /// `drop-dense` (while hidden Dense layers remain) and `conv-stage` (at most twice). Families are listed
    /// breadth-first (fewer moves first), without duplicate topologies or invalid shapes.
    public static func enumerate(base: ModelSpec, moves allowed: Set<SearchMove>) -> [Family] {
        var families = [Family(moves: [], spec: base)]
        var seen: Set<String> = [base.pareText]
        var frontier = families
        let structural = SearchMove.structural.filter(allowed.contains)
        while !frontier.isEmpty {
            var next: [Family] = []
            for family in frontier {
                for move in structural {
                    let uses = family.moves.filter { $0 == move }.count
                    let limit = move == .convStage ? 2 : (move == .dropDense ? Int.max : 1)
                    guard uses < limit, let spec = move.apply(to: family.spec), (try? ModelAnalysis(spec)) != nil,
                          seen.insert(spec.pareText).inserted else { continue }
                    next.append(Family(moves: family.moves + [move], spec: spec))
                }
            }
            families += next
            frontier = next
        }
        return families
    }
}
