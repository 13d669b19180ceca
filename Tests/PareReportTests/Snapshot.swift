// Snapshot files for Pare's own formats (JSON, advice): compared byte for byte, re-recorded only when
// PARE_RECORD_SNAPSHOTS=1 is set, and a recording run fails so that nothing is blessed silently.

import Foundation
import Testing
import PareTestSupport

enum Snapshot {
    /// Set to 1 to write the current output as the new snapshots (the run then fails on purpose).
    static let recordVariable = "PARE_RECORD_SNAPSHOTS"

    /// Where recorded snapshots go: the source folder, which the test bundle copies as a resource.
    static var sourceDirectory: URL {
        Repository.root.appendingPathComponent("Tests/PareReportTests/Snapshots")
    }

    /// Checks `actual` against the snapshot `name`, or records it when PARE_RECORD_SNAPSHOTS=1.
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            let url = sourceDirectory.appendingPathComponent(name)
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded snapshot \(name); check it with git diff, then run again without \(recordVariable)",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Snapshots/\(name)"),
              let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(name); record it with \(recordVariable)=1 swift test --filter PareReportTests",
                         sourceLocation: sourceLocation)
            return
        }
        if let diff = lineDiff(expected: expected, actual: actual) {
            Issue.record("snapshot \(name) differs:\n\(diff)", sourceLocation: sourceLocation)
        }
    }
}
