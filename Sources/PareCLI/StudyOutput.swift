// Writing a study folder's outputs after a run: reports, the winner's description and weights.

import Foundation

/// The files a finished (or stopped) study writes next to its journal.
enum StudyOutput {
    /// Rebuilds every report of the study in `folder` from its journal.
    static func writeReports(folder: URL, console: Console) throws {
    }
}
