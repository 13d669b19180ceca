// Study reports end to end: folders made by the real search and sweep runners (with the modelled evaluator),
// rebuilt from study.json + journal.jsonl, against snapshots; plus the invariants snapshots cannot show.

import Foundation
import Testing
@testable import PareReport
import PareSearch

@Suite struct SearchReportTests {
    static func files(_ run: StudyFixtures.SearchRun, passReason: Bool = true) throws -> [String: String] {
        let report = try StudyReport(folder: run.folder, stopReason: passReason ? run.stopReason : nil)
        return Dictionary(uniqueKeysWithValues: try report.files().map { ($0.name, $0.contents) })
    }

    static func content(_ run: StudyFixtures.SearchRun) throws -> SearchReportContent {
        let report = try StudyReport(folder: run.folder, stopReason: run.stopReason)
        return try SearchReportContent(description: report.description, entries: report.entries, stopReason: run.stopReason)
    }

    @Test func finishedSearchSnapshots() throws {
        let files = try Self.files(StudyFixtures.finished.get())
        #expect(files.keys.sorted() == ["candidates.csv", "pareto.csv", "pareto.svg", "report.md", "winner.pare"])
        for name in files.keys.sorted() { Snapshot.expect(files[name] ?? "", matches: "search.\(name)") }
    }

    @Test func stoppedSearchSnapshots() throws {
        let early = try Self.files(StudyFixtures.stoppedEarly.get())
        #expect(early["winner.pare"] == nil)
        Snapshot.expect(early["report.md"] ?? "", matches: "search-budget.report.md")
        let withBest = try Self.files(StudyFixtures.stoppedWithBest.get())
        Snapshot.expect(withBest["report.md"] ?? "", matches: "search-budget-best.report.md")
        Snapshot.expect(withBest["winner.pare"] ?? "", matches: "search-budget-best.winner.pare")
    }

    @Test func nothingPassedSnapshot() throws {
        let files = try Self.files(StudyFixtures.nothingPassed.get())
        #expect(files["winner.pare"] == nil)
        #expect(files["report.md"]?.contains("**Nothing passed:** no candidate reached 99.5% mean validation accuracy.") == true)
        Snapshot.expect(files["report.md"] ?? "", matches: "search-nothing.report.md")
    }

    @Test func theReportsWinnerIsTheRunnersBest() throws {
        for run in [try StudyFixtures.finished.get(), try StudyFixtures.stoppedWithBest.get(), try StudyFixtures.nothingPassed.get()] {
            let content = try Self.content(run)
            #expect(content.winner?.pareText == run.best)
            #expect(content.completion.isFinished == (run.stopReason == .finished))
        }
    }

    @Test func withoutTheRunnersReasonAnUnfinishedSearchSaysSo() throws {
        let files = try Self.files(StudyFixtures.stoppedWithBest.get(), passReason: false)
        let report = try #require(files["report.md"])
        #expect(report.contains("> **PROVISIONAL:** the search did not finish: its journal ends before the last trainings"))
        #expect(files["winner.pare"]?.contains("# PROVISIONAL: the search did not finish") == true)
        #expect(files["pareto.svg"]?.contains("PROVISIONAL") == true)
    }

    @Test func reportSectionsComeInOrder() throws {
        let report = try #require(try Self.files(StudyFixtures.finished.get())["report.md"])
        let headings = ["**Question:**", "## Answer", "**validation** accuracy", "**test** accuracy", "Its Keras summary",
                        "## Size–accuracy front", "![", "## Search log", "## Rules", "## Training settings",
                        "## Stop reason", "## Reproduce", "pare train winner.pare --epochs 6 --seed 0"]
        let positions = headings.map { report.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "missing: \(zip(headings, positions).filter { $0.1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
        #expect(report.contains("pare search models/qiita_cnn1.pare --target 0.97 --seeds 3 --epochs 6 --out 'reports/search qiita'"))
    }

    @Test func plotIsValidSVGWithEveryCandidateInsideThePlot() throws {
        let run = try StudyFixtures.finished.get()
        let inspection = SVGInspection(try #require(try Self.files(run)["pareto.svg"]))
        #expect(inspection.problems == [])
        #expect(inspection.points.count == (try Self.content(run)).summaries.count)
    }

    @Test func candidatesCSVRoundTrips() throws {
        let run = try StudyFixtures.finished.get()
        let content = try Self.content(run)
        let records = try CSVReader.records(try #require(try Self.files(run)["candidates.csv"]))
        #expect(records.first == CandidatesCSV.columns)
        #expect(records.count == content.entries.count + 1)
        let column = Dictionary(uniqueKeysWithValues: CandidatesCSV.columns.enumerated().map { ($0.element, $0.offset) })
        for (entry, record) in zip(content.entries, records.dropFirst()) {
            #expect(record.count == CandidatesCSV.columns.count)
            #expect(record[column["key"]!] == entry.key)
            #expect(record[column["family"]!] == entry.family)
            #expect(record[column["params"]!] == "\(entry.params)")
            #expect(record[column["message"]!] == (entry.outcome.message ?? ""))
            let accuracy = Double(record[column["val_accuracy"]!])
            #expect(accuracy.map { abs($0 - (entry.outcome.validationAccuracy ?? .nan)) <= 5e-7 } ?? (entry.outcome.validationAccuracy == nil))
            #expect(record[column["val_curve"]!].split(separator: ";").count == entry.outcome.validationCurve.count)
        }
        // The modelled evaluator's failure message holds a comma, so some rows needed quoting.
        #expect(content.entries.contains { $0.outcome.message?.contains(",") == true })
    }

    @Test func paretoCSVListsBothFronts() throws {
        let run = try StudyFixtures.finished.get()
        let content = try Self.content(run)
        let records = try CSVReader.records(try #require(try Self.files(run)["pareto.csv"]))
        #expect(records.first == ParetoCSV.columns)
        let fronts = records.dropFirst().map { $0[0] }
        #expect(fronts == Array(repeating: "size-accuracy", count: content.sizeFront.count)
                + Array(repeating: "time-accuracy", count: content.timeFront.count))
        // Along the size front, size grows and accuracy grows.
        let sizes = records.dropFirst().prefix(content.sizeFront.count).compactMap { Int($0[3]) }
        let accuracies = records.dropFirst().prefix(content.sizeFront.count).compactMap { Double($0[8]) }
        #expect(sizes == sizes.sorted() && accuracies == accuracies.sorted())
    }

    @Test func writeReplacesFilesAtomicallyAndLinksWeights() throws {
        let run = try StudyFixtures.finished.get()
        let folder = StudyFixtures.temporaryFolder("copy")
        try FileManager.default.copyItem(at: run.folder, to: folder)
        try Data().write(to: folder.appendingPathComponent(WinnerFile.weightsName))
        let report = try StudyReport(folder: folder, stopReason: run.stopReason)
        let written = try report.write()
        #expect(written.map(\.lastPathComponent).sorted() == ["candidates.csv", "pareto.csv", "pareto.svg", "report.md", "winner.pare"])
        for url in written {
            let expected = try report.files().first { $0.name == url.lastPathComponent }?.contents
            #expect(try String(contentsOf: url, encoding: .utf8) == expected)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers == [])
        #expect(try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
                    .contains("Trained weights: [winner.safetensors](winner.safetensors)."))
    }

    @Test func fineTuningStudiesGetTheirFilesAndAFolderWithoutAStudyIsRefused() throws {
        let folder = StudyFixtures.temporaryFolder("finetune")
        let description = StudyDescription(kind: .finetune, base: "input 4\ndense 2\n", modelName: "m", command: ["finetune"],
                                           pareVersion: "0.1.0")
        _ = try description.open(in: folder)
        let files = try StudyReport(folder: folder).files()
        #expect(files.map(\.name) == ["finetune.csv", "accuracy-vs-k.svg", "efficiency-vs-k.svg", "report.md"])

        let empty = StudyFixtures.temporaryFolder("empty")
        #expect(throws: StudyError.self) { try StudyReport(folder: empty) }
    }

    @Test func anEmptyJournalStillGivesAReport() throws {
        let folder = StudyFixtures.temporaryFolder("fresh")
        let settings = StudyFixtures.searchSettings()
        let description = StudyDescription(kind: .search, base: "input 28x28x1\nflatten\ndense 16 relu\ndense 10 softmax\n",
                                           modelName: "mlp", search: settings, command: ["search", "mlp.pare"], pareVersion: "0.1.0")
        _ = try description.open(in: folder)
        let files = try StudyReport(folder: folder).files()
        let report = try #require(files.first { $0.name == "report.md" }?.contents)
        #expect(report.contains("No training has finished yet."))
        #expect(SVGInspection(try #require(files.first { $0.name == "pareto.svg" }?.contents)).problems == [])
    }
}

@Suite struct SweepReportTests {
    static func files() throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try StudyReport(folder: StudyFixtures.sweepFolder.get()).files().map { ($0.name, $0.contents) })
    }

    @Test func sweepSnapshots() throws {
        let files = try Self.files()
        #expect(files.keys.sorted() == ["accuracy-vs-params.svg", "accuracy-vs-time.svg", "report.md", "sweep.csv"])
        for name in files.keys.sorted() { Snapshot.expect(files[name] ?? "", matches: "sweep.\(name)") }
    }

    @Test func plotsAreValidSVGWithEveryPointInside() throws {
        let files = try Self.files()
        let report = try StudyReport(folder: StudyFixtures.sweepFolder.get())
        let content = SweepReportContent(description: report.description, entries: report.entries)
        for (name, points) in [("accuracy-vs-params.svg", content.points.count), ("accuracy-vs-time.svg", content.entries.count)] {
            let inspection = SVGInspection(try #require(files[name]))
            #expect(inspection.problems == [], "\(name)")
            #expect(inspection.points.count == points, "\(name)")
        }
    }

    @Test func sweepCSVHasTheAxesFirstInGridOrder() throws {
        let folder = try StudyFixtures.sweepFolder.get()
        let report = try StudyReport(folder: folder)
        let records = try CSVReader.records(try #require(try Self.files()["sweep.csv"]))
        #expect(Array(records[0].prefix(4)) == ["n", "lr", "activation", "point"])
        #expect(records.count == 24 + 1)  // 3 n × 2 lr × 2 activations × 2 seeds
        // Grid order: models slowest, activation fastest, seeds innermost (SweepGrid.points, SweepRunner).
        #expect(records.dropFirst().prefix(4).map { Array($0.prefix(3)) } == [
            ["1", "0.01", "relu"], ["1", "0.01", "relu"], ["1", "0.01", "sigmoid"], ["1", "0.01", "sigmoid"],
        ])
        let keys = records.dropFirst().map { $0[4] }
        #expect(keys == report.description.sweepKeys)
    }

    @Test func aSweepWithTrainingsMissingIsProvisional() throws {
        let folder = try StudyFixtures.sweepFolder.get()
        let report = try StudyReport(folder: folder)
        let content = SweepReportContent(description: report.description, entries: Array(report.entries.prefix(10)))
        #expect(!content.completion.isFinished)
        #expect(SweepReportMarkdown.render(content).contains("> **PROVISIONAL:** the sweep did not finish"))
        #expect(SweepReportMarkdown.render(content).contains("10 of 24 trainings are in the journal"))
    }
}
