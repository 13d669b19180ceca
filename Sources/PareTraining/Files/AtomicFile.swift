// Whole-file writes that never leave a half-written file: write a temporary file, flush it, rename it.

import Foundation

/// Atomic file replacement for reports, checkpoints and study descriptions.
public enum AtomicFile {
    /// Writes `data` to `url` atomically: a temporary file in the same folder is written and fsynced, then
    /// renamed over `url` (rename is atomic on POSIX file systems), so readers see the old or the new file,
    /// never a partial one. Creates the folder if needed.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw AtomicFileError.cannotWrite(url.path, String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw AtomicFileError.cannotWrite(url.path, failure)
        }
    }

    /// Writes UTF-8 `text` to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}

/// A file that could not be written.
public enum AtomicFileError: Error, CustomStringConvertible {
    /// The path and the system's reason.
    case cannotWrite(String, String)

    /// One line: `path: error: cannot write: reason`.
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): error: cannot write: \(reason)"
        }
    }
}
