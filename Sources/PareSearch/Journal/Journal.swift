// The append-only record of finished trainings that makes every study resumable.

import Foundation
import PareTraining

/// `journal.jsonl` in a study folder: one JSON line per finished training, appended and fsynced as each
/// finishes, so an interrupted study (Ctrl-C or kill -9) loses at most the trainings in flight.
public final class Journal: @unchecked Sendable {
    // @unchecked Sendable: `entries` and the file are only touched under `lock`; trainings finishing on two
    // threads append concurrently.
    private let lock = NSLock()
    private var entriesByKey: [String: JournalEntry] = [:]
    private var ordered: [JournalEntry] = []
    /// The journal file.
    public let url: URL
    /// A note about a torn last line that was dropped when reading, if any.
    public private(set) var recoveryNote: String?

    /// Opens (creating if needed) the journal in `directory` and reads what it holds.
    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent("journal.jsonl")
        if FileManager.default.fileExists(atPath: url.path) {
            let (entries, note) = try Self.read(url)
            for entry in entries { record(entry) }
            recoveryNote = note
            if note != nil { try rewrite() }
        }
    }

    /// Every entry in the order written.
    public var entries: [JournalEntry] { lock.withLock { ordered } }

    /// The entry with `key`, if that training finished earlier.
    public func entry(forKey key: String) -> JournalEntry? { lock.withLock { entriesByKey[key] } }

    /// Appends `entry` as one line and fsyncs, so it survives a crash right after.
    public func append(_ entry: JournalEntry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var line = try encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        try lock.withLock {
            try Self.appendLine(line, to: url)
            record(entry)
        }
    }

    private func record(_ entry: JournalEntry) {
        if entriesByKey[entry.key] == nil { ordered.append(entry) }
        entriesByKey[entry.key] = entry
    }

    /// Rewrites the file from the entries in memory (after dropping a torn last line).
    private func rewrite() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = Data()
        for entry in ordered {
            data.append(try encoder.encode(entry))
            data.append(UInt8(ascii: "\n"))
        }
        try AtomicFile.write(data, to: url)
    }

    /// Reads a journal: every complete line must decode; an undecodable *last* line without its newline is
    /// a write torn by a crash and is dropped (with a note); any other bad line is an error naming it.
    public static func read(_ url: URL) throws -> (entries: [JournalEntry], note: String?) {
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

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.keyNotFound(let key, _) = error { return "missing '\(key.stringValue)'" }
        return "invalid JSON"
    }
}

/// A journal that cannot be read or written.
public enum JournalError: Error, CustomStringConvertible {
    /// A complete line that is not a journal entry.
    case badLine(path: String, line: Int, reason: String)
    /// The file cannot be appended to.
    case cannotWrite(path: String, reason: String)

    /// One compiler-style line.
    public var description: String {
        switch self {
        case .badLine(let path, let line, let reason): "\(path):\(line): error: \(reason)"
        case .cannotWrite(let path, let reason): "\(path): error: cannot append to the journal: \(reason)"
        }
    }
}
