// How a `--worker` process shows what it does with other workers: waits, takeovers, lost claims.

import Foundation
import PareSearch

/// Prints worker events as permanent lines (they matter in a batch job's log, where no live line is drawn).
enum WorkerProgress {
    /// An observer that prints each event on `console`, first clearing `display`'s live line.
    static func observer(console: Console, display: SearchProgress) -> @Sendable (WorkerEvent) -> Void {
        { event in
            display.finish()
            console.print(line(event))
        }
    }

    /// The line for one event.
    static func line(_ event: WorkerEvent) -> String {
        switch event {
        case .waiting(let trainings, let owners):
            "waiting for \(trainings) training\(trainings == 1 ? "" : "s") claimed by \(owners.joined(separator: ", ")) …"
        case .tookOver(let request, let owner, let silentSeconds):
            "taking over \(describe(request)) from \(owner?.description ?? "a worker that left no name") "
                + "(no heartbeat for \(ProgressLine.duration(silentSeconds)))"
        case .lostClaim(let request):
            "note: another worker took over \(describe(request)) (this worker's heartbeat was late); stopped training it here"
        }
    }

    /// The start-up line of a worker.
    static func startLine(_ settings: WorkerSettings) -> String {
        "worker \(settings.host):\(settings.processID): sharing the study folder with other --worker processes "
            + "(claims/, results/; a claim without heartbeat for \(ProgressLine.duration(settings.claimTimeout)) is taken over)"
    }

    /// `conv-stage 2·4·4 seed 1`, or the sweep point's name.
    static func describe(_ request: TrainingRequest) -> String {
        "\(request.sweepPoint?.name ?? request.candidate.familyName) \(request.candidate.widthsText) seed \(request.seedIndex)"
    }
}
