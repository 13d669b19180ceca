// `study.json`: what a study folder holds, so reports can be rebuilt and a re-run resumes the same study.

import Foundation
import PareModel
import PareTraining

/// The description of a study (search, sweep or fine-tuning), stored as `study.json` in its folder.
public struct StudyDescription: Hashable, Sendable, Codable {
    /// The kinds of studies.
    public enum Kind: String, Hashable, Sendable, Codable {
        case search, sweep, finetune
    }

    /// The kind of study.
    public var kind: Kind
    /// The base model's canonical `.pare` text (searches) or the swept file's model at its first point.
    public var base: String
    /// The base model's name.
    public var modelName: String
    /// For searches: the settings.
    public var search: SearchSettings?
    /// For sweeps: the keys of every training in grid order (they fix the grid exactly).
    public var sweepKeys: [String]?
    /// For sweeps: the seeds per point.
    public var sweepSeeds: Int?
    /// For sweeps and fine-tuning: the training configuration before the swept settings are applied.
    public var training: TrainingConfiguration?
    /// The command line that started it (arguments after `pare`), for the report's "reproduce" section.
    public var command: [String]
    /// Pare's version when the study was created.
    public var pareVersion: String

    /// Creates a description.
    public init(kind: Kind, base: String, modelName: String, search: SearchSettings? = nil, sweepKeys: [String]? = nil,
                sweepSeeds: Int? = nil, training: TrainingConfiguration? = nil, command: [String], pareVersion: String) {
        self.kind = kind
        self.base = base
        self.modelName = modelName
        self.search = search
        self.sweepKeys = sweepKeys
        self.sweepSeeds = sweepSeeds
        self.training = training
        self.command = command
        self.pareVersion = pareVersion
    }

    /// True when `other` describes the same study (same kind, base and settings), whatever command line or
    /// version started it — then its journal can be resumed.
    public func isSameStudy(as other: StudyDescription) -> Bool {
        kind == other.kind && base == other.base && search == other.search && sweepKeys == other.sweepKeys
    }

    /// Opens the study in `folder`: creates it with this description, or checks that the folder holds the
    /// same study (so its journal is resumed) and refuses a different one. Processes that share the folder
    /// (`--worker`, `--shard`) record with `.resultFiles`; any number of them may open it at once (each writes
    /// the same `study.json` atomically if there is none).
    public func open(in folder: URL, writing: Journal.Writing = .journalFile) throws -> Journal {
        let url = folder.appendingPathComponent("study.json")
        if FileManager.default.fileExists(atPath: url.path) {
            let existing = try Self.read(from: folder)
            guard isSameStudy(as: existing) else { throw StudyError.differentStudy(folder.path) }
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try AtomicFile.write(try encoder.encode(self), to: url)
        }
        return try Journal(directory: folder, writing: writing)
    }

    /// Reads `study.json` from `folder`.
    public static func read(from folder: URL) throws -> StudyDescription {
        let url = folder.appendingPathComponent("study.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw StudyError.missing(folder.path) }
        do {
            return try JSONDecoder().decode(StudyDescription.self, from: data)
        } catch {
            throw StudyError.unreadable(url.path)
        }
    }
}

/// A study folder that cannot be used.
public enum StudyError: Error, CustomStringConvertible {
    /// The folder holds another study.
    case differentStudy(String)
    /// No `study.json` in the folder.
    case missing(String)
    /// `study.json` is not a study description.
    case unreadable(String)

    /// One line.
    public var description: String {
        switch self {
        case .differentStudy(let path):
            "\(path): error: the folder holds a different study (other model or settings); choose another --out or delete it"
        case .missing(let path):
            "\(path): error: not a study folder (no study.json); expected the --out folder of pare search, sweep or finetune"
        case .unreadable(let path):
            "\(path): error: not a valid study description"
        }
    }
}
