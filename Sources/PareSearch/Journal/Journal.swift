// The record of finished trainings that makes every study resumable: `journal.jsonl`, plus one file per result
// in `results/` when several processes share the folder.

import Foundation
import PareTraining

/// A study's finished trainings: `journal.jsonl` (one JSON line per training, appended and fsynced as each
/// finishes, so an interrupted study — Ctrl-C or kill -9 — loses at most the trainings in flight) and the
/// `results/<key>.json` files that `--worker` and `--shard` processes write instead (see `ResultFiles`).
///
/// Reading always takes both: the journal's lines in order, then the result files it does not already hold.
public final class Journal: @unchecked Sendable {
    // @unchecked Sendable: `entries` and the file are only touched under `lock`; trainings finishing on two
    // threads append concurrently. `refreshLock` keeps two refreshes from reading the same new files at once.
    private let lock = NSLock()
    private let refreshLock = NSLock()
    private var entriesByKey: [String: JournalEntry] = [:]
    private var ordered: [JournalEntry] = []
    private var resultNames: Set<String> = []
    private let results: ResultFiles

    /// Where a process records the trainings it finishes.
    public enum Writing: Sendable {
        /// Appended to `journal.jsonl` (a process that has the folder to itself).
        case journalFile
        /// One file each in `results/` (processes sharing the folder; `journal.jsonl` is only read).
        case resultFiles
    }

    /// The journal file.
    public let url: URL
    /// Where this journal records new entries.
    public let writing: Writing
    /// A note about a torn last line that was dropped when reading, if any.
    public private(set) var recoveryNote: String?

    /// Opens (creating if needed) the journal in `directory` and reads what it and `results/` hold.
    ///
    /// With `.resultFiles`, an empty `journal.jsonl` is created if there is none, so tools that look for the
    /// journal (`pare report`) recognise the folder; it is never appended to.
    public init(directory: URL, writing: Writing = .journalFile) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent("journal.jsonl")
        results = ResultFiles(studyDirectory: directory)
        self.writing = writing
        if FileManager.default.fileExists(atPath: url.path) {
            let (entries, note) = try Self.readLines(url)
            for entry in entries { record(entry) }
            recoveryNote = note
            if note != nil { try rewrite() }
        } else if writing == .resultFiles {
            // O_CREAT without O_EXCL: any number of workers may do this at once.
            let descriptor = open(url.path, O_WRONLY | O_CREAT, 0o644)
            guard descriptor >= 0 else { throw JournalError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
            close(descriptor)
        }
        if writing == .resultFiles {
            try FileManager.default.createDirectory(at: results.folder, withIntermediateDirectories: true)
        }
        try refresh()
    }

    /// Every entry: the journal's lines in the order written, then result files in the order found.
    public var entries: [JournalEntry] { lock.withLock { ordered } }

    /// The entry with `key`, if that training finished earlier.
    public func entry(forKey key: String) -> JournalEntry? { lock.withLock { entriesByKey[key] } }

    /// Reads result files that appeared in `results/` since the last look (written by other processes);
    /// returns the new entries.
    @discardableResult
    public func refresh() throws -> [JournalEntry] {
        try refreshLock.withLock {
            let known = lock.withLock { resultNames }
            let found = try results.read(skipping: known)
            return lock.withLock {
                var added: [JournalEntry] = []
                for (name, entry) in found {
                    resultNames.insert(name)
                    if entriesByKey[entry.key] == nil {
                        added.append(entry)
                        record(entry)
                    }
                }
                return added
            }
        }
    }

    /// Records `entry` durably — a fsynced journal line, or a result file renamed into place — so it survives
    /// a crash right after.
    public func append(_ entry: JournalEntry) throws {
        switch writing {
        case .journalFile:
            let line = try Self.encodeLine(entry)
            try lock.withLock {
                try Self.appendLine(line, to: url)
                record(entry)
            }
        case .resultFiles:
            try results.write(entry)
            lock.withLock {
                resultNames.insert(results.url(forKey: entry.key).lastPathComponent)
                record(entry)
            }
        }
    }

    private func record(_ entry: JournalEntry) {
        if entriesByKey[entry.key] == nil { ordered.append(entry) }
        entriesByKey[entry.key] = entry
    }

    /// Rewrites the file from its lines in memory (after dropping a torn last line).
    private func rewrite() throws {
        var data = Data()
        for entry in ordered { data.append(try Self.encodeLine(entry)) }
        try AtomicFile.write(data, to: url)
    }

    /// A journal line: the entry as JSON with sorted keys and a newline.
    static func encodeLine(_ entry: JournalEntry) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var line = try encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// Reads a study's finished trainings: the lines of the journal at `url` (if it exists), then the result files
    /// in the `results` folder beside it that the journal does not hold. Every complete line must decode; an
    /// undecodable *last* line without its newline is a write torn by a crash and is dropped (with a note); any
    /// other bad line or result file is an error naming it.
    public static func read(_ url: URL) throws -> (entries: [JournalEntry], note: String?) {
        var (entries, note) = FileManager.default.fileExists(atPath: url.path) ? try readLines(url) : ([], nil)
        var keys = Set(entries.map(\.key))
        for (_, entry) in try ResultFiles(studyDirectory: url.deletingLastPathComponent()).read() where keys.insert(entry.key).inserted {
            entries.append(entry)
        }
        return (entries, note)
    }

    private static func readLines(_ url: URL) throws -> (entries: [JournalEntry], note: String?) {
        let data = try Data(contentsOf: url)
        let endsWithNewline = data.last == UInt8(ascii: "\n")
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var entries: [JournalEntry] = []
        var note: String?
        let decoder = JSONDecoder()
        for (index, line) in lines.enumerated() where !line.isEmpty {
            do {
                entries.append(try decoder.decode(JournalEntry.self, from: Data(line)))
            } catch {
                let isTornTail = index == lines.count - 1 && !endsWithNewline
                guard isTornTail else {
                    throw JournalError.badLine(path: url.path, line: index + 1, reason: "not a journal entry (\(Self.describe(error)))")
                }
                note = "\(url.path):\(index + 1): dropped an incomplete last line (a write interrupted by a crash)"
            }
        }
        return (entries, note)
    }

    private static func appendLine(_ line: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard descriptor >= 0 else { throw JournalError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            throw JournalError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// A decoding error in a few words.
    static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.keyNotFound(let key, _) = error { return "missing '\(key.stringValue)'" }
        return "invalid JSON"
    }
}

/// A journal that cannot be read or written.
public enum JournalError: Error, CustomStringConvertible {
    /// A complete line that is not a journal entry.
    case badLine(path: String, line: Int, reason: String)
    /// A file in `results/` that is not the result its name promises.
    case badResult(path: String, reason: String)
    /// The file cannot be appended to.
    case cannotWrite(path: String, reason: String)

    /// One compiler-style line.
    public var description: String {
        switch self {
        case .badLine(let path, let line, let reason): "\(path):\(line): error: \(reason)"
        case .badResult(let path, let reason): "\(path): error: \(reason)"
        case .cannotWrite(let path, let reason): "\(path): error: cannot append to the journal: \(reason)"
        }
    }
}
