// swift-tools-version: 6.0
// Pare — a model-compression analyzer: describe, analyse, train and search small image classifiers.
// Zero package dependencies by design; see README.md.
import PackageDescription

/// Every target gets the same code-generation flags. Without AVX2/FMA, `SIMD.addingProduct` lowers to a
/// libm `fmaf` call per lane (~70x slower, measured in ../shared/notes/SWIFT_PERF.md), and `@inlinable`
/// SIMD code takes the features of the module it is inlined into — so all targets must agree.
let vectorFlags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma"])]

let package = Package(
    name: "Pare",
    products: [
        .executable(name: "pare", targets: ["pare"]),
    ],
    targets: [
        // description → analysis
        .target(name: "PareModel", swiftSettings: vectorFlags),
        // numbers: tensors, kernels, layers, optimizers
        .target(name: "PareEngine", swiftSettings: vectorFlags),
        // examples: gzip, IDX, the embedded MNIST
        // (the resource bundle is found by EmbeddedMNIST, never through SwiftPM's trapping Bundle.module)
        .target(name: "PareData", resources: [.copy("Resources/mnist")], swiftSettings: vectorFlags),
        // spec + engine + data → trained network
        .target(name: "PareTraining", dependencies: ["PareModel", "PareEngine", "PareData"],
                swiftSettings: vectorFlags),
        // candidates, strategy, Pareto front, sweeps, journal
        .target(name: "PareSearch", dependencies: ["PareModel", "PareTraining"], swiftSettings: vectorFlags),
        // summaries, CSV, SVG, Markdown
        .target(name: "PareReport", dependencies: ["PareModel", "PareTraining", "PareSearch"], swiftSettings: vectorFlags),
        // argument parsing and commands
        .target(name: "PareCLI",
                dependencies: ["PareModel", "PareEngine", "PareData", "PareTraining", "PareSearch", "PareReport"],
                swiftSettings: vectorFlags),
        .executableTarget(name: "pare", dependencies: ["PareCLI"], swiftSettings: vectorFlags),

        // Golden files from Keras and torchinfo (../shared/golden, copied verbatim), fixtures and helpers.
        .target(name: "PareTestSupport", dependencies: ["PareModel"], path: "Tests/PareTestSupport",
                resources: [.copy("Golden")], swiftSettings: vectorFlags),
        .testTarget(name: "PareModelTests", dependencies: ["PareModel", "PareTestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: vectorFlags),
        .testTarget(name: "PareEngineTests", dependencies: ["PareEngine", "PareTestSupport"],
                    swiftSettings: vectorFlags),
        .testTarget(name: "PareDataTests", dependencies: ["PareData", "PareTestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: vectorFlags),
        .testTarget(name: "PareTrainingTests", dependencies: ["PareTraining", "PareTestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: vectorFlags),
        .testTarget(name: "PareSearchTests", dependencies: ["PareSearch", "PareTestSupport"],
                    swiftSettings: vectorFlags),
        .testTarget(name: "PareReportTests", dependencies: ["PareReport", "PareTestSupport"],
                    resources: [.copy("Snapshots")], swiftSettings: vectorFlags),
        .testTarget(name: "PareCLITests", dependencies: ["PareCLI", "PareTestSupport"],
                    exclude: ["Python"], swiftSettings: vectorFlags),
    ]
)
