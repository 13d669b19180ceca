// `claims/`: which process trains what. Claims are made by exclusive create, kept alive by touching, and taken
// over, when their heartbeat stops, by exclusively creating the next generation.
//
// Protocol (every step is one exclusive create, one touch or one read; see SharedFiles for why each is safe on NFS):
// - Claim:     create `claims/<key>` with O_CREAT|O_EXCL, writing {"host", "pid", "time"}. One creator wins.
// - Heartbeat: the holder touches its claim file every `timeout / 4`; the modification time is the file server's.
// - Finish:    the holder writes `results/<key>.json` (rename), then touches the claim once more. The claim stays:
//              a key is never claimed twice at generation 0, and a finished claim is not judged stale before
//              its result has had `timeout` to become visible on every machine.
// - Takeover:  a claim whose training has no result and whose file is older than `timeout` (compared with the
//              server's time, read from a probe file) is taken over by creating `claims/<key>.<g+1>` with
//              O_CREAT|O_EXCL. Of several workers racing, exactly one creates it; the others get EEXIST. The stale
//              file is never renamed or deleted, so no worker can mistake a fresh claim for the stale one it saw
//              (the ABA race of rename-then-recreate), and the folder keeps a history of what died where.
// - Lost:      a holder whose claim was taken over (the next generation exists) stops that training.
// - Release:   a holder interrupted before finishing (Ctrl-C) deletes its own claim so another worker can take
//              the training at once.
// The current claim on a key is its highest generation.

import Foundation

/// The claims folder of a study, seen by one worker.
public struct ClaimBoard: Sendable {
    /// The folder (`<study>/claims`).
    public let folder: URL
    /// This worker's host name, written into its claims.
    public let host: String
    /// This worker's process id, written into its claims.
    public let processID: Int32
    /// Seconds without a heartbeat after which a claim is stale.
    public let timeout: Double

    /// The claims folder of the study in `directory`, for the worker `host`:`processID`.
    public init(studyDirectory directory: URL, host: String, processID: Int32, timeout: Double) {
        precondition(timeout > 0, "a claim timeout must be positive")
        folder = directory.appendingPathComponent("claims")
        self.host = host
        self.processID = processID
        self.timeout = timeout
    }

    /// Creates the folder if it does not exist yet.
    public func prepare() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// `<key>` for generation 0, `<key>.<generation>` after takeovers.
    public static func fileName(key: String, generation: Int) -> String {
        generation == 0 ? key : "\(key).\(generation)"
    }

    /// The highest generation of each claimed key, from a listing of the folder. (On NFS a listing can lag
    /// behind other machines; every decision made from it is confirmed by an exclusive create.)
    public func generations() -> [String: Int] {
        var highest: [String: Int] = [:]
        for name in SharedFiles.names(in: folder) {
            let parts = name.split(separator: ".", maxSplits: 1)
            guard let key = parts.first.map(String.init) else { continue }
            let generation = parts.count == 2 ? Int(parts[1]) : 0
            guard let generation else { continue }
            highest[key] = max(highest[key] ?? 0, generation)
        }
        return highest
    }

    /// Claims `key` (generation 0); `nil` if it is already claimed.
    public func claim(_ key: String) throws -> Claim? {
        try create(key: key, generation: 0)
    }

    /// The claim file of `key` at `generation` as it is now; `nil` if there is no such file.
    public func observe(_ key: String, generation: Int) throws -> ObservedClaim? {
        let url = folder.appendingPathComponent(Self.fileName(key: key, generation: generation))
        guard let snapshot = try SharedFiles.read(url) else { return nil }
        let owner = try? JSONDecoder().decode(ClaimOwner.self, from: snapshot.contents)
        return ObservedClaim(key: key, generation: generation, owner: owner, heartbeat: snapshot.modified)
    }

    /// The file server's current time (seconds since 1970), read by touching this worker's probe file.
    public func serverTime() throws -> Double {
        try SharedFiles.serverTime(probe: probeURL)
    }

    /// True when `claim` has had no heartbeat for longer than the timeout at server time `now`.
    public func isStale(_ claim: ObservedClaim, now: Double) -> Bool {
        now - claim.heartbeat > timeout
    }

    /// Takes over a stale claim by exclusively creating its next generation; `nil` if another worker did first.
    public func takeOver(_ claim: ObservedClaim) throws -> Claim? {
        try create(key: claim.key, generation: claim.generation + 1)
    }

    /// Touches a held claim; false when it was lost (taken over, or its file is gone).
    @discardableResult
    public func heartbeat(_ claim: Claim) -> Bool {
        let next = folder.appendingPathComponent(Self.fileName(key: claim.key, generation: claim.generation + 1))
        guard SharedFiles.touch(claim.url) else { return false }
        return !FileManager.default.fileExists(atPath: next.path)
    }

    /// Deletes a held claim whose training will not be finished here, so another worker can claim it now.
    public func release(_ claim: Claim) {
        unlink(claim.url.path)
    }

    /// Deletes this worker's probe file (when it stops).
    public func removeProbe() {
        unlink(probeURL.path)
    }

    private var probeURL: URL { folder.appendingPathComponent(".clock.\(host).\(processID)") }

    private func create(key: String, generation: Int) throws -> Claim? {
        precondition(!key.isEmpty && !key.contains(".") && !key.contains("/"), "a claim key must be a plain name, got '\(key)'")
        let url = folder.appendingPathComponent(Self.fileName(key: key, generation: generation))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var contents = try encoder.encode(ClaimOwner(host: host, pid: processID))
        contents.append(UInt8(ascii: "\n"))
        guard try SharedFiles.createExclusively(url, contents: contents) else { return nil }
        return Claim(key: key, generation: generation, url: url)
    }
}
