// `pare search` end to end on a slice of the embedded MNIST: a tiny search interrupted (by its budget, and by
// SIGKILL of a real process) and resumed must give the front of an uninterrupted run, without retraining.

import Foundation
import Testing
import PareSearch
import PareTestSupport

@Suite(.serialized) struct SearchCommandTests {
    /// A tiny base and settings: 8 trainings of ≤ 900 images (5 rounds, a winner of 1,120 parameters), about
    /// two seconds in all in a debug build.
    static func arguments(out: URL, target: String = "0.7", extra: [String] = []) throws -> [String] {
        let base = out.deletingLastPathComponent().appendingPathComponent(out.lastPathComponent + ".pare")
        try """
        model "tiny"
        input 28x28x1
        maxpool2d 2
        conv2d 4 3 relu
        maxpool2d 2
        flatten
        dense 8 relu
        dense 10 softmax
        """.write(to: base, atomically: true, encoding: .utf8)
        return ["search", base.path, "--train-limit", "1000", "--test-limit", "100", "--epochs", "3", "--batch-size", "32",
                "--target", target, "--moves", "width,drop-dense", "--seeds", "1", "--jobs", "2", "--out", out.path] + extra
    }

    /// The size–accuracy front as (front, family, widths, params, validation accuracy) rows. (The time–accuracy
    /// front depends on measured seconds, which differ between runs; results must not.)
    static func front(_ folder: URL) throws -> [[String]] {
        let text = try String(contentsOf: folder.appendingPathComponent("pareto.csv"), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        let keep = ["front", "family", "widths", "params", "val_mean"].compactMap { header.firstIndex(of: $0) }
        #expect(keep.count == 5, "pareto.csv header: \(header)")
        return rows.dropFirst().map { row in keep.map { row[$0] } }.filter { $0[0] == "size-accuracy" }
    }

    static func keys(_ folder: URL) throws -> [String] {
        try Journal.read(folder.appendingPathComponent("journal.jsonl")).entries.map(\.key)
    }

    @Test func interruptedAndResumedSearchGivesTheUninterruptedFront() throws {
        let root = temporaryFolder("pare-search")
        let whole = root.appendingPathComponent("whole")
        let complete = pare(try Self.arguments(out: whole))
        #expect(complete.status == 0, "\(complete.error)")
        for file in ["report.md", "pareto.svg", "pareto.csv", "candidates.csv", "winner.pare", "study.json"] {
            #expect(FileManager.default.fileExists(atPath: whole.appendingPathComponent(file).path), "\(file)")
        }

        let resumed = root.appendingPathComponent("resumed")
        let stopped = pare(try Self.arguments(out: resumed, extra: ["--max-trainings", "3"]))
        #expect(stopped.status == 0)
        #expect(stopped.output.contains("budget exhausted after 3 trainings"))
        #expect(try String(contentsOf: resumed.appendingPathComponent("report.md"), encoding: .utf8).contains("PROVISIONAL"))
        let rerun = pare(try Self.arguments(out: resumed))
        #expect(rerun.status == 0)
        #expect(rerun.output.contains("(resuming: 3 trainings recorded)"))
        #expect(rerun.output.components(separatedBy: "(from journal)").count - 1 == 3)

        #expect(try Self.front(whole).count >= 2)  // a real front, so the comparison below means something
        #expect(try Self.front(resumed) == Self.front(whole))
        #expect(Set(try Self.keys(resumed)) == Set(try Self.keys(whole)))
        let resumedKeys = try Self.keys(resumed)
        #expect(Set(resumedKeys).count == resumedKeys.count)  // nothing trained twice
    }

    @Test func killedProcessLosesOnlyTheTrainingsInFlight() throws {
        guard let executable = pareExecutable else {
            Issue.record("the pare executable is not built next to the tests (run 'swift build' first)")
            return
        }
        let root = temporaryFolder("pare-kill")
        let killed = root.appendingPathComponent("killed")
        let process = Process()
        process.executableURL = executable
        process.arguments = try Self.arguments(out: killed)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let journal = killed.appendingPathComponent("journal.jsonl")
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning, ((try? Journal.read(journal).entries.count) ?? 0) < 2 {
            Thread.sleep(forTimeInterval: 0.02)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = try Self.keys(killed)
        #expect(before.count >= 2)

        let rerun = pare(try Self.arguments(out: killed))
        #expect(rerun.status == 0, "\(rerun.error)")
        let after = try Self.keys(killed)
        #expect(Array(after.prefix(before.count)) == before)  // finished trainings were kept, not redone
        #expect(Set(after).count == after.count)

        let whole = root.appendingPathComponent("whole")
        #expect(pare(try Self.arguments(out: whole)).status == 0)
        #expect(try Self.front(killed) == Self.front(whole))
    }

    @Test func aDifferentStudyInTheSameFolderIsRefused() throws {
        let folder = temporaryFolder("pare-other").appendingPathComponent("study")
        #expect(pare(try Self.arguments(out: folder, extra: ["--max-trainings", "1"])).status == 0)
        let other = pare(try Self.arguments(out: folder, target: "0.6"))
        #expect(other.status == 1)
        #expect(other.error.contains("the folder holds a different study"))
    }
}
