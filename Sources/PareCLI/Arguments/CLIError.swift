// The two ways a command fails: bad usage (exit 64) or a failure while running (exit 1).

/// A failure reported to the user as one `error: …` line on stderr.
public enum CLIError: Error, Equatable, CustomStringConvertible {
    /// The command line itself is wrong (unknown option, missing argument): exit status 64, like
    /// swift-argument-parser and sysexits' EX_USAGE.
    case usage(String)
    /// The command ran and failed (bad model file, missing data set, diverged training): exit status 1.
    /// The message may already carry a `file:line: error:` prefix.
    case failure(String)

    /// The process exit status for this error.
    public var exitStatus: Int32 {
        switch self {
        case .usage: 64
        case .failure: 1
        }
    }

    /// The line printed on stderr.
    public var description: String {
        switch self {
        case .usage(let message): "error: \(message)"
        case .failure(let message): message.contains(": error: ") ? message : "error: \(message)"
        }
    }
}
