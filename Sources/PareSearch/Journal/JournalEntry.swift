// One line of a study's journal: a finished training and everything needed to report it later.

/// A finished training as recorded in `journal.jsonl`; reports are rebuilt from these lines alone.
public struct JournalEntry: Hashable, Sendable, Codable {
    /// The training's key (`CandidateKey`).
    public var key: String
    /// The candidate's family name (`conv-stage+drop-dense`), or the sweep point for sweeps.
    public var family: String
    /// The candidate's hidden widths.
    public var widths: [Int]
    /// The candidate's canonical `.pare` text.
    public var pare: String
    /// Which of the candidate's seeds this training used (0 for the first).
    public var seedIndex: Int
    /// The seed itself.
    public var seed: UInt64
    /// Parameters (Keras view).
    public var params: Int
    /// Multiply-adds per example.
    public var macs: Int
    /// torchinfo's estimated total bytes.
    public var bytes: Int
    /// What the training produced.
    public var outcome: TrainingOutcome
    /// Extra columns for sweeps (e.g. `lr`, `batch-size`, `activation`), empty for searches.
    public var labels: [String: String]

    /// Creates an entry for `request`'s training with `outcome`.
    public init(request: TrainingRequest, outcome: TrainingOutcome) {
        key = request.key
        family = request.sweepPoint?.name ?? request.candidate.familyName
        widths = request.candidate.widths
        pare = request.candidate.pareText
        seedIndex = request.seedIndex
        seed = request.configuration.seed
        params = request.candidate.parameterCount
        macs = request.candidate.multiplyAdds
        bytes = request.candidate.totalBytes
        self.outcome = outcome
        labels = request.sweepPoint?.values ?? [:]
    }

    /// The entry's size on `measure`.
    public func size(_ measure: Measure) -> Int {
        switch measure {
        case .params: params
        case .macs: macs
        case .bytes: bytes
        }
    }
}
