// Keras files through the command line: every model-taking command reads them, `pare import` writes the .pare
// twin, `pare export` writes scripts for trained weights; exit statuses and one-line errors.

import Foundation
import Testing
import PareModel
import PareTestSupport

@Suite struct InteropCommandTests {
    /// `Tests/PareModelTests/Fixtures/keras/NAME` in the checkout.
    static func fixture(_ name: String) -> String {
        Repository.path("Tests/PareModelTests/Fixtures/keras/\(name)")
    }

    @Test func summaryReadsKerasFilesAndArchives() throws {
        let golden = try Golden.text("qiita_cnn2_2.keras.txt")
        // The deflated archive goes through the CLI's DEFLATE decoder (PareData's gzip, fed a synthesized header).
        for file in ["keras3/qiita_cnn2_2.json", "keras2/qiita_cnn2_2.json", "keras3/qiita_cnn2_2.keras", "keras3/qiita_cnn2_2_deflated.keras"] {
            let run = pare("summary", Self.fixture(file))
            #expect(run.status == 0, "\(file): \(run.error)")
            #expect(lineDiff(expected: golden, actual: run.output) == nil, "\(file)")
        }
    }

    @Test func importWritesTheEquivalentPareFile() throws {
        let folder = temporaryFolder("pare-import")
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = Self.fixture("keras3/every_layer.json")
        let output = folder.appendingPathComponent("every_layer.pare").path
        let run = pare("import", json, "--output", output)
        #expect(run.status == 0)
        // every_layer: 15 layers after its input; 738 parameters, as Keras's summary says (every_layer.keras.txt).
        #expect(run.output == "wrote \(output): Keras 3 Functional model \"every_layer\", 15 layers, 738 parameters\n")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("# Imported by `pare import` from \(json) (Keras 3 Functional model).\n"))
        #expect(pare("import", json).output == written)
        #expect(pare("summary", output).output == pare("summary", json).output)
    }

    @Test(arguments: [
        (["import"], 64, "error: import needs a Keras model FILE (.json or .keras)"),
        (["import", "models/qiita_cnn2.pare"], 64, "error: import reads Keras model files (.json or .keras), got 'models/qiita_cnn2.pare'"),
        (["summary", "/nonexistent.json"], 1, "/nonexistent.json: error: no such file"),
        (["export"], 64, "error: export needs a model FILE"),
        (["export", "m.pare"], 64, "error: export needs --weights FILE.safetensors"),
        (["export", "m.pare", "--weights", "w.safetensors"], 64, "error: export needs --to keras or --to pytorch"),
        (["export", "m.pare", "--weights", "w.safetensors", "--to", "tensorflow"], 64,
         "error: option '--to' expects one of keras, pytorch, got 'tensorflow'"),
    ] as [([String], Int32, String)])
    func usageAndFileErrors(arguments: [String], status: Int32, message: String) {
        let run = pare(arguments)
        #expect(run.status == status)
        #expect(run.error == message + "\n")
        #expect(run.output.isEmpty)
    }

    @Test func kerasFilesHaveNoVariables() {
        let json = Self.fixture("keras3/qiita_cnn2_2.json")
        let run = pare("summary", json, "--set", "n=2")
        #expect(run.status == 1)
        #expect(run.error == "\(json): error: --set names unknown variable 'n'; the file defines no variables\n")
    }

    @Test func exportRefusesGraphModelsAndForeignWeights() throws {
        let graph = pare("export", Self.fixture("keras3/every_layer.json"), "--weights", "w.safetensors", "--to", "keras")
        #expect(graph.status == 1)
        #expect(graph.error == "\(Self.fixture("keras3/every_layer.json")): error: export of graph models (named inputs, add) is not "
                + "supported yet: the scripts rebuild sequential models only\n")
        let missing = pare("export", Repository.model("qiita_cnn2"), "--weights", "/nonexistent.safetensors", "--to", "pytorch")
        #expect(missing.status == 1)
        #expect(missing.error == "/nonexistent.safetensors: error: cannot read the file\n")
    }

    @Test func trainAndExportAKerasModel() throws {
        let folder = temporaryFolder("pare-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = Self.fixture("keras3/qiita_cnn2_2.json")
        let weights = folder.appendingPathComponent("weights.safetensors").path
        let training = pare("train", json, "--train-limit", "200", "--test-limit", "50", "--epochs", "1", "--save", weights)
        try #require(training.status == 0, "\(training.error)")
        for framework in ["keras", "pytorch"] {
            let script = folder.appendingPathComponent("scripts/\(framework).py").path
            let run = pare("export", json, "--weights", weights, "--to", framework, "--output", script)
            #expect(run.status == 0, "\(run.error)")
            #expect(run.output == "wrote \(script): \(framework == "keras" ? "Keras" : "PyTorch") script for sequential (run: python3 \(script))\n")
            let text = try String(contentsOfFile: script, encoding: .utf8)
            #expect(text.contains(#"DEFAULT_WEIGHTS = os.path.join(HERE, "../weights.safetensors")"#))  // relative to the script
            // The script must at least be valid Python (running it needs the framework, which CI does not have).
            if NumpyCrossCheckTests.numpyProblem == nil {
                let compiled = Python.run(["-m", "py_compile", script])
                #expect(compiled.status == 0, "\(compiled.error)")
            }
        }
        // Weights of another model are refused before anything is written.
        let other = pare("export", Repository.model("qiita_cnn2"), "--set", "n=3", "--weights", weights, "--to", "keras")
        #expect(other.status == 1)
        #expect(other.error == "\(weights): error: 'conv2d/kernel' has shape [3, 3, 1, 2], the model needs [3, 3, 1, 3]\n")
    }

    @Test func helpListsImportAndExport() {
        let overview = pare("--help").output
        #expect(overview.contains("  import ") && overview.contains("  export "))
        #expect(pare("export", "--help").output.contains("USAGE: pare export FILE --weights WEIGHTS.safetensors --to keras|pytorch"))
    }
}
