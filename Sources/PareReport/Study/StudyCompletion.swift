// How far a study got: finished, stopped for a known reason, or stopped for a reason its folder does not keep.

import PareSearch

/// Whether a study's result is final.
///
/// A folder records what finished (the journal), not why a run ended: a search whose planner still has work
/// was stopped by its budget or interrupted, and only the process that ran it knows which. `pare search` passes
/// its `SearchStopReason`; `pare report DIR` cannot, and the report then says the run did not finish.
public enum StudyCompletion: Hashable, Sendable {
    /// Nothing is left to train: the result is final.
    case finished
    /// The run stopped early for this reason; the result is provisional.
    case stopped(SearchStopReason)
    /// The run stopped early for a reason the folder does not record; the result is provisional.
    case unfinished

    /// The completion of a study whose work is done (`finished`) or not, with the stop reason if known.
    public init(finished: Bool, stopReason: SearchStopReason?) {
        if finished {
            self = .finished
        } else if let stopReason, stopReason != .finished {
            self = .stopped(stopReason)
        } else {
            self = .unfinished
        }
    }

    /// True when the result is final.
    public var isFinished: Bool { self == .finished }

    /// What happened, as a predicate after "The search" / "The sweep": `finished: nothing was left to train`.
    var reasonText: String {
        switch self {
        case .finished: "finished: nothing was left to train"
        case .stopped(.budgetExhausted): "was stopped by its budget (--budget or --max-trainings) before it finished"
        case .stopped(.interrupted): "was interrupted (Ctrl-C) before it finished"
        case .stopped(.finished), .unfinished:
            "did not finish: its journal ends before the last trainings (a budget or an interrupt stopped it; the folder does not record which)"
        }
    }
}
