// `pare report DIR`: rebuild every report of a study from its journal alone.

import Foundation
import PareSearch

/// Rebuilds a study's reports (CSV, SVG, Markdown, winner files) from `study.json` and `journal.jsonl`.
enum ReportCommand: Command {
    static let name = "report"
    static let abstract = "Rebuild a study's reports (CSV, SVG, Markdown) from its journal alone."
    static let usage = "pare report DIR"
    static let discussion = "DIR is the --out folder of 'pare search' or 'pare sweep'. Nothing is trained."
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 1)
        guard let path = arguments.positionals.first else { throw CLIError.usage("report needs a study folder DIR") }
        let folder = URL(fileURLWithPath: path)
        try StudyOutput.writeReports(folder: folder, stopReason: nil, console: console)
        console.print("reports rebuilt in \(folder.path) (report.md)")
    }
}
