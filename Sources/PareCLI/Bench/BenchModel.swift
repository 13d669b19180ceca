// The models `pare bench` trains: issue 8's speed table, with the batch size and optimizer PyTorch was timed with.
// Their descriptions are embedded (the same layers as models/*.pare with the table's variable values; a CLI test
// checks that they analyse to the files' parameter and multiply-add counts), so the benchmark runs anywhere.

import PareEngine

/// One benchmark model: a `.pare` description, its batch size and its optimizer.
struct BenchModel: Sendable {
    /// The word `--models` selects it by.
    let key: String
    /// The name in issue 8's table, e.g. `qiita_cnn2 n=2`.
    let name: String
    /// The model file it stands for (`models/NAME.pare`) and the variable values it uses.
    let file: String
    let variables: [String: Int]
    /// The description, `.pare` text.
    let source: String
    let batchSize: Int
    let optimizer: OptimizerRule
    let learningRate: Float

    /// Every benchmark model, smallest first (the order `pare bench` runs them in by default).
    static let all: [BenchModel] = [
        BenchModel(key: "cnn2", name: "qiita_cnn2 n=2", file: "qiita_cnn2", variables: ["n": 2], source: """
            model "qiita_cnn2"
            input 28x28x1
            conv2d 2 3 relu
            conv2d 2 3 relu
            maxpool2d 2
            conv2d 4 3 relu
            conv2d 4 3 relu
            maxpool2d 2
            flatten
            dense 10 softmax
            """, batchSize: 128, optimizer: .adadelta(), learningRate: 1.0),
        BenchModel(key: "qmlp", name: "qiita_mlp n=64", file: "qiita_mlp", variables: ["n": 64], source: """
            model "qiita_mlp"
            input 784
            dense 64 relu
            dense 64 relu
            dense 10 softmax
            """, batchSize: 128, optimizer: .rmsprop(), learningRate: 0.001),
        BenchModel(key: "mlp", name: "seed000_mlp W=128", file: "seed000_mlp", variables: ["W": 128], source: """
            model "seed000_mlp"
            input 28x28x1
            flatten
            dense 128 relu
            dense 10
            """, batchSize: 64, optimizer: .adam(), learningRate: 0.001),
        BenchModel(key: "seed000", name: "seed000_cnn", file: "seed000_cnn", variables: [:], source: """
            model "seed000_cnn"
            input 28x28x1
            conv2d 4 3
            conv2d 4 3
            flatten
            dense 128 relu
            dense 10
            """, batchSize: 64, optimizer: .adam(), learningRate: 0.001),
        BenchModel(key: "cnn1", name: "qiita_cnn1 n=32", file: "qiita_cnn1", variables: ["n": 32], source: """
            model "qiita_cnn1"
            input 28x28x1
            conv2d 32 3 relu
            conv2d 64 3 relu
            maxpool2d 2
            flatten
            dense 128 relu
            dense 10 softmax
            """, batchSize: 128, optimizer: .adadelta(), learningRate: 1.0),
    ]

    /// The keys, in order.
    static var keys: [String] { all.map(\.key) }
}
