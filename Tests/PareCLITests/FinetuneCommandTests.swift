// `pare finetune` end to end on the MNIST digits split (no extra data): pre-training, K runs, reports, resume.

import Foundation
import Testing
import PareSearch
import PareTestSupport

@Suite struct FinetuneCommandTests {
    @Test func digitsSplitStudyRunsAndResumes() throws {
        let folder = temporaryFolder("pare-finetune").appendingPathComponent("study")
        let base = folder.deletingLastPathComponent().appendingPathComponent("base.pare")
        try "input 28x28x1\nmaxpool2d 2\nconv2d 4 3 relu\nmaxpool2d 2\nflatten\ndense 10 softmax\n".write(to: base, atomically: true, encoding: .utf8)
        let arguments = ["finetune", base.path, "--pretrain", "mnist:0-4", "--target", "mnist:5-9", "--unfreeze-top", "0,4",
                         "--epochs", "2", "--train-limit", "600", "--test-limit", "200", "--out", folder.path]
        let first = pare(arguments)
        #expect(first.status == 0, "\(first.error)")
        for file in ["report.md", "finetune.csv", "accuracy-vs-k.svg", "efficiency-vs-k.svg", "pretrained.safetensors"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }
        let entries = try Journal.read(folder.appendingPathComponent("journal.jsonl")).entries
        #expect(entries.count == 3)  // pre-training + K = 0 and K = 4
        #expect(entries.allSatisfy { $0.outcome.status == .completed })
        let csv = try String(contentsOf: folder.appendingPathComponent("finetune.csv"), encoding: .utf8)
        #expect(csv.split(whereSeparator: \.isNewline).count == 3)  // header + 2 trainings

        let second = pare(arguments)
        #expect(second.status == 0)
        #expect(second.output.components(separatedBy: "(from journal)").count - 1 == 3)
        #expect(try Journal.read(folder.appendingPathComponent("journal.jsonl")).entries.count == 3)
    }
}
