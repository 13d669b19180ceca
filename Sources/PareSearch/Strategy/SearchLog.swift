// The search log rebuilt from a journal: replaying the deterministic planner gives back every round.

/// One round of a search as the planner decided it.
public struct SearchRound: Sendable {
    /// 1-based round number.
    public var number: Int
    /// What the round was for.
    public var phase: SearchPlanner.Phase
    /// Its trainings with their results (`nil` where the journal has none: the search stopped before).
    public var trainings: [(request: TrainingRequest, entry: JournalEntry?)]
    /// The best candidate before the round.
    public var bestBefore: Candidate?
}

/// Rebuilds a search's rounds from its journal.
public enum SearchLog {
    /// Replays `planner` over `entries`: round after round, exactly as the runner planned them, until the planner
    /// finishes or a round is incomplete in the journal (an interrupted search). Returns the rounds and the best
    /// candidate found (confirmed only if the last plan was `.finished`).
    public static func replay(_ planner: SearchPlanner, entries: [JournalEntry]) -> (rounds: [SearchRound], best: Candidate?, finished: Bool) {
        let byKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var known: [JournalEntry] = []
        var rounds: [SearchRound] = []
        while true {
            let results = SearchResults(known)
            switch planner.plan(results) {
            case .finished(let best):
                return (rounds, best, true)
            case .train(let requests, let phase):
                let trainings = requests.map { ($0, byKey[$0.key]) }
                rounds.append(SearchRound(number: rounds.count + 1, phase: phase, trainings: trainings, bestBefore: planner.best(results)))
                guard trainings.allSatisfy({ $0.1 != nil }) else {
                    return (rounds, planner.best(SearchResults(entries)), false)
                }
                known += trainings.compactMap(\.1)
            }
        }
    }
}
