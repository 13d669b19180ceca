// The Keras model files of Fixtures/keras (see make_keras3_fixtures.py and keras2/README.md), read the way
// `pare` reads them.

import Foundation
import PareModel
import PareTestSupport

enum KerasFixtures {
    /// The seed models with a Keras 3 fixture: (golden name, .pare file, `--set` values), as `Golden.smallModels`.
    static let seedModels = Golden.smallModels.filter {
        ["seed000_cnn", "seed000_mlp_128", "qiita_mlp_16", "qiita_poolmlp_16", "qiita_cnn1_2", "qiita_cnn2_2",
         "seed004_fc1", "seed004_cnn1", "seed004_cnn2"].contains($0.golden)
    }

    /// The path of `Fixtures/keras/NAME` in the test bundle.
    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/keras/\(name)").path
    }

    /// Imports `Fixtures/keras/NAME`.
    static func load(_ name: String) throws -> KerasModelFile {
        try load(path: path(name))
    }

    /// Imports the file at `path`; archive members compressed with DEFLATE fail with `NoDeflate` (the fixtures
    /// Keras wrote are stored).
    static func load(path: String) throws -> KerasModelFile {
        try KerasModelFile.load(path: path) { _, _, _ in
            throw NoDeflate()
        }
    }

    /// Imports JSON text named `m.json`.
    static func parse(_ json: String) throws(KerasImportError) -> KerasModelFile {
        try KerasModelFile.parse(json: Array(json.utf8), path: "m.json")
    }

    /// The error for a DEFLATE member (PareModel has no DEFLATE decoder; PareCLITests read those archives).
    struct NoDeflate: Error, CustomStringConvertible {
        var description: String { "no DEFLATE decoder in PareModelTests" }
    }
}
