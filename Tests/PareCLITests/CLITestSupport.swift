// Running `pare` in-process (and, for kill tests, as a real process) from the CLI tests.

import Foundation
import PareCLI

/// The result of one `pare` run.
struct Run {
    let status: Int32
    let output: String
    let error: String
}

/// Runs `pare arguments…` in-process with a capturing console.
func pare(_ arguments: String...) -> Run {
    pare(arguments)
}

/// Runs `pare` with an argument array in-process.
func pare(_ arguments: [String]) -> Run {
    let console = Console.capture()
    let status = Pare.main(arguments, console: console)
    return Run(status: status, output: console.output, error: console.errorOutput)
}

/// A fresh temporary folder.
func temporaryFolder(_ name: String = "pare-cli") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The `pare` executable built next to this test bundle (`swift build` builds it before `swift test`).
var pareExecutable: URL? {
    let candidates = [Bundle.main.bundleURL.appendingPathComponent("pare"),
                      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("pare")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}
