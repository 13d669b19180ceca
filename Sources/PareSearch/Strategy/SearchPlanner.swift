// The search strategy as a pure function: from the trainings finished so far, the next round to train.
//
// Because a round depends only on the results (never on their order or timing), a search gives the same
// answer with any number of parallel jobs, and a resumed search replays its earlier rounds from the journal.

import PareModel

/// Decides what to train next.
///
/// Strategy, in priority order each round:
/// 1. **Reseed**: candidates too close to the target to judge (`Judgement.Verdict.needsSeeds`) and no larger
///    than the best get their next seed.
/// 2. **Uniform widths** (per topology family): accuracy is assumed monotone in width, so each family's
///    members (by increasing size) are searched from the smallest side — galloping (1st, 2nd, 4th, 8th member
///    …) until one passes, then bisection between the largest failure and the smallest pass. Every family
///    not yet resolved gets one probe per round (families run in parallel).
/// 3. **Per-layer refinement** (NetAdapt-style, when every family is resolved): every one-layer narrowing of
///    each family's smallest passing model that could still beat the best is trained, and refinement continues
///    from whatever passes. Narrowing every family, not only the best one, matters: the family whose uniform
///    widths win is not always the one whose per-layer narrowings go furthest (a depthwise-separable stage
///    wins at uniform widths, a full conv stage narrows further).
/// 4. **Confirmation**: the best is trained with all `seeds` seeds and judged on their mean.
///
/// At every step, a candidate whose size is not below the best's is never trained.
public struct SearchPlanner: Sendable {
    /// The base model.
    public let base: ModelSpec
    /// The settings.
    public let settings: SearchSettings
    /// The topology families, base first.
    public let families: [Family]
    /// Each family's members by increasing size (parallel to `families`).
    public let levels: [[Candidate]]

    /// Prepares the families of `base` under `settings`.
    public init(base: ModelSpec, settings: SearchSettings) {
        self.base = base
        self.settings = settings
        families = Family.enumerate(base: base, moves: Set(settings.moves))
        let scaleWidths = settings.moves.contains(.width)
        levels = families.map { $0.levels(measure: settings.measure, scaleWidths: scaleWidths) }
    }

    /// The phase a round belongs to, for progress and the search log.
    public enum Phase: String, Sendable {
        case reseed = "more seeds near the target"
        case uniform = "uniform widths per family"
        case refine = "per-layer narrowing"
        case confirm = "confirming the winner"
        case grid = "the sweep grid"
    }

    /// What to do next.
    public enum Plan: Sendable {
        /// Train these (in any order, in parallel).
        case train([TrainingRequest], Phase)
        /// Nothing left to train; `best` is the smallest candidate that passed (if any).
        case finished(best: Candidate?)
    }

    /// The next round, given everything finished so far.
    public func plan(_ results: SearchResults) -> Plan {
        let judged = judgedCandidates(results)
        let best = self.best(judged)
        let bestSize = best?.size(settings.measure)
        func smallerThanBest(_ candidate: Candidate) -> Bool { bestSize.map { candidate.size(settings.measure) < $0 } ?? true }

        // 1. Reseed undecided candidates that could still matter.
        var reseeds: [TrainingRequest] = []
        for (candidate, judgement) in judged where judgement.verdict == .needsSeeds {
            guard bestSize.map({ candidate.size(settings.measure) <= $0 }) ?? true else { continue }
            reseeds.append(request(candidate, seedIndex: results.outcomes(of: candidate).count))
        }
        if !reseeds.isEmpty { return .train(sorted(reseeds), .reseed) }

        // 2. One galloping/bisection probe per unresolved family.
        var probes: [TrainingRequest] = []
        for members in levels {
            if let probe = probe(members.filter(smallerThanBest), results) {
                probes.append(request(probe, seedIndex: 0))
            }
        }
        if !probes.isEmpty { return .train(sorted(deduplicated(probes)), .uniform) }

        guard let best else { return .finished(best: nil) }

        // 3. Every one-layer narrowing of each family's smallest pass that could beat the best.
        let narrowings = familyLeaders(judged).flatMap(self.narrowings(of:)).filter(smallerThanBest)
        let untried = narrowings.filter { results.judge($0, settings).verdict == .unknown }
        if !untried.isEmpty { return .train(sorted(deduplicated(untried.map { request($0, seedIndex: 0) })), .refine) }

        // 4. Confirm the best with all its seeds.
        let trained = results.outcomes(of: best).count
        if trained < settings.seeds {
            return .train((trained..<settings.seeds).map { request(best, seedIndex: $0) }, .confirm)
        }
        return .finished(best: best)
    }

    /// The smallest passing candidate (ties: higher mean accuracy, then text), among every candidate trained.
    public func best(_ results: SearchResults) -> Candidate? {
        best(judgedCandidates(results))
    }

    /// Every trained candidate with its judgement, in `allKnownCandidates` order.
    private func judgedCandidates(_ results: SearchResults) -> [(candidate: Candidate, judgement: Judgement)] {
        allKnownCandidates(results).map { ($0, results.judge($0, settings)) }
    }

    /// The smallest passing candidate among `judged` (see `best(_:)`).
    private func best(_ judged: [(candidate: Candidate, judgement: Judgement)]) -> Candidate? {
        judged
            .filter { $0.1.verdict == .pass }
            .min { lhs, rhs in
                (lhs.0.size(settings.measure), -lhs.1.meanAccuracy, lhs.0.pareText)
                    < (rhs.0.size(settings.measure), -rhs.1.meanAccuracy, rhs.0.pareText)
            }?.0
    }

    /// Each family's smallest passing candidate (refinements included), smallest family first.
    private func familyLeaders(_ judged: [(candidate: Candidate, judgement: Judgement)]) -> [Candidate] {
        var leaders: [[SearchMove]: (candidate: Candidate, size: Int)] = [:]
        for (candidate, judgement) in judged where judgement.verdict == .pass {
            let size = candidate.size(settings.measure)
            if let leader = leaders[candidate.moves], leader.size <= size { continue }
            leaders[candidate.moves] = (candidate, size)
        }
        return leaders.values.sorted { ($0.size, $0.candidate.pareText) < ($1.size, $1.candidate.pareText) }.map(\.candidate)
    }

    /// The next member to train in one family (members already limited to those smaller than the best), or
    /// `nil` when the family is resolved or waiting for more seeds.
    func probe(_ members: [Candidate], _ results: SearchResults) -> Candidate? {
        let verdicts = members.map { results.judge($0, settings).verdict }
        if verdicts.contains(.needsSeeds) { return nil }
        let lastFailure = verdicts.lastIndex(of: .fail) ?? -1
        let firstPass = verdicts.firstIndex(of: .pass) ?? members.count
        // Monotonicity: everything up to the last failure fails, everything from the first pass passes.
        guard lastFailure + 1 < firstPass else { return nil }
        let open = (lastFailure + 1)..<firstPass
        let index: Int
        if firstPass == members.count {
            // No pass yet: gallop from the small side (members 0, 1, 3, 7, …).
            index = min(lastFailure < 0 ? 0 : 2 * lastFailure + 1, open.upperBound - 1)
        } else {
            index = (lastFailure + firstPass) / 2
        }
        return verdicts[index] == .unknown ? members[index] : nil
    }

    /// `candidate` with one hidden layer one step narrower, for each layer where that is possible.
    func narrowings(of candidate: Candidate) -> [Candidate] {
        guard settings.moves.contains(.width) else { return [] }
        return candidate.widths.indices.compactMap { slot in
            guard let narrower = narrowerWidth(candidate.widths[slot]) else { return nil }
            var widths = candidate.widths
            widths[slot] = narrower
            return Candidate(spec: candidate.spec.settingHiddenWidths(widths), moves: candidate.moves)
        }
    }

    /// Every candidate that has been trained: family members and refinements (refinements are found again by
    /// narrowing trained candidates, so the journal needs no extra bookkeeping).
    func allKnownCandidates(_ results: SearchResults) -> [Candidate] {
        var known: [Candidate] = []
        var seen = Set<String>()
        var queue = levels.flatMap { $0 }.filter { !results.outcomes(of: $0).isEmpty }
        while let candidate = queue.popLast() {
            guard seen.insert(candidate.pareText).inserted else { continue }
            known.append(candidate)
            queue += narrowings(of: candidate).filter { !results.outcomes(of: $0).isEmpty }
        }
        return known.sorted { $0.pareText < $1.pareText }
    }

    private func request(_ candidate: Candidate, seedIndex: Int) -> TrainingRequest {
        TrainingRequest(candidate: candidate, configuration: settings.configuration(seedIndex: seedIndex),
                        stopRule: settings.stopRule, seedIndex: seedIndex)
    }

    /// Smallest first, so the cheap trainings start first.
    private func sorted(_ requests: [TrainingRequest]) -> [TrainingRequest] {
        requests.sorted { ($0.candidate.size(settings.measure), $0.key) < ($1.candidate.size(settings.measure), $1.key) }
    }

    private func deduplicated(_ requests: [TrainingRequest]) -> [TrainingRequest] {
        var seen = Set<String>()
        return requests.filter { seen.insert($0.key).inserted }
    }
}
