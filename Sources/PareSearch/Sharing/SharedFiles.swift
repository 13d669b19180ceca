// The few file operations that stay correct when many processes on many machines share a study folder over
// NFS: exclusive create, touch, and reading a file together with its modification time.
//
// Why these and no others (nfs(5), open(2)):
// - `open(O_CREAT | O_EXCL)` is carried out by the server as one exclusive CREATE (NFSv3 and later), so of
//   several clients creating the same name exactly one succeeds and the others get EEXIST.
// - `rename` within one directory is a single RENAME at the server: readers see the old name or the complete
//   new file, never a partial one (`AtomicFile` writes, fsyncs, then renames).
// - O_APPEND is *not* safe: "O_APPEND may lead to corrupted files on NFS filesystems if more than one process
//   appends data to a file at once … the client kernel has to simulate it, which can't be done without a race
//   condition" (open(2)). Hence one file per result instead of a shared journal.
// - Opening a file revalidates its cached attributes and data with the server (close-to-open consistency), so
//   `read` sees the current contents and modification time, not the attribute cache's.
// - `utimensat(path, NULL)` asks the server to stamp the time itself (SET_TO_SERVER_TIME), so every
//   modification time in the folder comes from one clock: the file server's.

import Foundation

/// File operations with well-defined results on local file systems and on NFS (v3 and later).
public enum SharedFiles {
    /// A file's contents and modification time (seconds since 1970, on the file server's clock).
    public struct Snapshot: Sendable {
        /// The bytes read.
        public var contents: Data
        /// `st_mtim` as seconds since 1970.
        public var modified: Double
    }

    /// Creates `url` with `contents` only if no file of that name exists; returns false if one does.
    ///
    /// The name appears (empty) at the exclusive create and is then filled, so a reader may briefly see it empty.
    public static func createExclusively(_ url: URL, contents: Data) throws(SharedFileError) -> Bool {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw .cannotCreate(url.path, String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let written = contents.withUnsafeBytes { buffer in
            buffer.isEmpty ? 0 : Glibc.write(descriptor, buffer.baseAddress, buffer.count)
        }
        guard written == contents.count else { throw .cannotCreate(url.path, String(cString: strerror(errno))) }
        return true
    }

    /// Sets `url`'s modification time to now on the file server's clock; false if the file is gone.
    @discardableResult
    public static func touch(_ url: URL) -> Bool {
        utimensat(AT_FDCWD, url.path, nil, 0) == 0
    }

    /// Sets `url`'s modification time to `seconds` since 1970 (tests make stale claims with it).
    @discardableResult
    public static func setModificationTime(_ url: URL, to seconds: Double) -> Bool {
        let whole = seconds.rounded(.down)
        let time = timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9))
        let times = [time, time]
        return utimensat(AT_FDCWD, url.path, times, 0) == 0
    }

    /// The contents and modification time of `url`, or `nil` if there is no such file.
    public static func read(_ url: URL) throws(SharedFileError) -> Snapshot? {
        let descriptor = open(url.path, O_RDONLY)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw .cannotRead(url.path, String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(url.path, String(cString: strerror(errno))) }
        var contents = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .cannotRead(url.path, String(cString: strerror(errno))) }
            if count == 0 { break }
            contents.append(contentsOf: buffer[0..<count])
        }
        return Snapshot(contents: contents, modified: seconds(status.st_mtim))
    }

    /// The file server's current time: `probe` (created if needed) is touched and its new modification time
    /// read back, so staleness is judged on the same clock that stamps heartbeats, whatever this host's clock says.
    public static func serverTime(probe: URL) throws(SharedFileError) -> Double {
        let descriptor = open(probe.path, O_WRONLY | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw .cannotCreate(probe.path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard futimens(descriptor, nil) == 0, fstat(descriptor, &status) == 0 else {
            throw .cannotCreate(probe.path, String(cString: strerror(errno)))
        }
        return seconds(status.st_mtim)
    }

    /// The names in `folder` that do not start with a dot (temporary files and probes do), or none if it is missing.
    public static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
    }

    private static func seconds(_ time: timespec) -> Double {
        Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A file in a shared study folder that cannot be created or read.
public enum SharedFileError: Error, CustomStringConvertible {
    /// Path and the system's reason.
    case cannotCreate(String, String)
    /// Path and the system's reason.
    case cannotRead(String, String)

    /// One compiler-style line.
    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "\(path): error: cannot create: \(reason)"
        case .cannotRead(let path, let reason): "\(path): error: cannot read: \(reason)"
        }
    }
}
