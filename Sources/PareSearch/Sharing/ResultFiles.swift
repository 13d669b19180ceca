// `results/<key>.json`: one file per finished training, the journal of processes that share a study folder.

import Foundation
import PareTraining

/// The `results` folder of a study: each finished training of a `--worker` or `--shard` run as its own file.
///
/// Many processes on many machines finish trainings at once. Appending to `journal.jsonl` is not safe for that
/// on NFS (O_APPEND is simulated by each client and concurrent appends overwrite each other), so each result
/// is written to a temporary name in the folder, fsynced, and renamed to `<key>.json` (`AtomicFile`): a rename
/// within a directory is atomic on the server, so a reader sees no file or the whole file, and two writers of
/// the same key (a training taken over from a worker that was only slow) replace one complete file with another
/// whose results are the same. A file holds exactly one journal line, in the journal's encoding.
public struct ResultFiles: Sendable {
    /// The folder (`<study>/results`).
    public let folder: URL

    /// The results folder of the study in `directory`.
    public init(studyDirectory directory: URL) {
        folder = directory.appendingPathComponent("results")
    }

    /// The file of the training with `key`.
    public func url(forKey key: String) -> URL {
        folder.appendingPathComponent("\(key).json")
    }

    /// Writes `entry` atomically as `<key>.json`.
    public func write(_ entry: JournalEntry) throws {
        try AtomicFile.write(try Journal.encodeLine(entry), to: url(forKey: entry.key))
    }

    /// The result files not named in `known`, as (file name, entry), oldest first (by modification time, which
    /// is the file server's clock, so every reader gets the same order; then by key).
    public func read(skipping known: Set<String> = []) throws -> [(name: String, entry: JournalEntry)] {
        var found: [(name: String, entry: JournalEntry, modified: Double)] = []
        for name in SharedFiles.names(in: folder) where name.hasSuffix(".json") && !known.contains(name) {
            let url = folder.appendingPathComponent(name)
            guard let snapshot = try SharedFiles.read(url) else { continue }
            let entry: JournalEntry
            do {
                entry = try JSONDecoder().decode(JournalEntry.self, from: snapshot.contents)
            } catch {
                throw JournalError.badResult(path: url.path, reason: "not a journal entry (\(Journal.describe(error)))")
            }
            guard name == "\(entry.key).json" else {
                throw JournalError.badResult(path: url.path, reason: "holds the result of training \(entry.key), not of \(name.dropLast(5))")
            }
            found.append((name, entry, snapshot.modified))
        }
        return found.sorted { ($0.modified, $0.name) < ($1.modified, $1.name) }.map { ($0.name, $0.entry) }
    }
}
