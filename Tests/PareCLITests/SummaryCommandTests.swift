// `pare summary` end to end: goldens through the command line, exit statuses, one-line errors.

import Testing
import PareTestSupport

@Suite struct SummaryCommandTests {
    @Test func kerasAndTorchinfoOutputsAreTheGoldens() throws {
        // The .pare file names the model "qiita_cnn2"; the Keras golden was printed for an unnamed Sequential.
        let keras = pare("summary", Repository.model("qiita_cnn2"), "--set", "n=2")
        #expect(keras.status == 0)
        let golden = try Golden.text("qiita_cnn2_2.keras.txt").replacingOccurrences(of: "Model: \"sequential\"", with: "Model: \"qiita_cnn2\"")
        #expect(lineDiff(expected: golden, actual: keras.output) == nil)

        let torch = pare("summary", Repository.model("qiita_cnn2"), "--set", "n=2", "--format", "torchinfo", "--columns", "full")
        #expect(lineDiff(expected: try Golden.text("qiita_cnn2_2.torchinfo_full.txt"), actual: torch.output) == nil)
    }

    @Test(arguments: [
        (["summary"], 64, "error: summary needs a model FILE (e.g. models/qiita_cnn2.pare)\n"),
        (["summary", "/nonexistent.pare"], 1, "/nonexistent.pare: error: no such file\n"),
        (["summary", "x", "--fromat", "json"], 64, "error: unknown option '--fromat' for 'summary'; did you mean '--format'?\n"),
        (["summary", "x", "--format", "yaml"], 64, "error: option '--format' expects one of keras, torchinfo, json, got 'yaml'\n"),
        (["summary", "x", "--set", "n=1,2"], 64,
         "error: 'summary' takes one value per variable, got 2 for 'n'; use 'pare sweep' for lists\n"),
        (["sumary"], 64, "error: unknown command 'sumary'; did you mean 'summary'? (see 'pare --help')\n"),
        (["train"], 64, "error: train needs a model FILE (e.g. models/qiita_cnn2.pare)\n"),
        (["search", "--target", "150"], 64, "error: --target must be below 100%, got '150'\n"),
        (["search", "--moves", "widht"], 64,
         "error: unknown move 'widht'; did you mean 'width'? (moves: width, input-pool, conv-stage, drop-dense, gap, separable)\n"),
        (["search", "--budget", "ten minutes"], 64, "error: --budget expects a duration like 90s, 10m or 1h30m, got 'ten minutes'\n"),
    ] as [([String], Int32, String)])
    func errorsAreOneLineWithTheRightStatus(arguments: [String], status: Int32, message: String) {
        let run = pare(arguments)
        #expect(run.status == status)
        #expect(run.error == message)
        #expect(run.output.isEmpty)
    }

    @Test func badModelFilePointsAtTheLine() {
        let run = pare("summary", Repository.model("qiita_cnn2"), "--set", "n=0")
        #expect(run.status == 1)
        #expect(run.error.hasSuffix("qiita_cnn2.pare:6:8: error: expected a positive integer for 'filters', found 'n = 0'\n"))
    }

    @Test func helpListsCommandsAndOptions() {
        let overview = pare("--help")
        #expect(overview.status == 0)
        for command in ["search", "summary", "train", "evaluate", "report"] { #expect(overview.output.contains("  \(command) ")) }
        let help = pare("summary", "--help")
        #expect(help.status == 0 && help.output.contains("--show-trainable") && help.output.contains("USAGE: pare summary FILE"))
        #expect(pare().status == 64)
    }
}
