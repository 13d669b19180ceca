// Where commands write: the real stdout/stderr, or buffers in tests.

import Foundation

/// The output streams of a command run; tests capture them in memory.
public final class Console: @unchecked Sendable {
    // @unchecked Sendable: the buffers are guarded by `lock`; progress lines may come from training threads.
    private let lock = NSLock()
    private let capturing: Bool
    private var capturedOutput = ""
    private var capturedError = ""
    /// True when stderr is an interactive terminal (progress bars redraw in place only then).
    public let isTerminal: Bool

    /// A console writing to the process's stdout and stderr.
    public static func standard() -> Console {
        Console(capturing: false, isTerminal: isatty(STDERR_FILENO) == 1)
    }

    /// A console that keeps everything in memory (for in-process tests).
    public static func capture() -> Console {
        Console(capturing: true, isTerminal: false)
    }

    private init(capturing: Bool, isTerminal: Bool) {
        self.capturing = capturing
        self.isTerminal = isTerminal
    }

    /// Writes `text` followed by a newline to stdout.
    public func print(_ text: String = "") { write(text + "\n", toError: false) }

    /// Writes `text` to stdout as is.
    public func write(_ text: String) { write(text, toError: false) }

    /// Writes `text` followed by a newline to stderr (diagnostics and progress).
    public func printError(_ text: String) { write(text + "\n", toError: true) }

    /// Writes `text` to stderr as is (progress redraws).
    public func writeError(_ text: String) { write(text, toError: true) }

    /// Everything written to stdout so far (capturing consoles only).
    public var output: String { lock.withLock { capturedOutput } }

    /// Everything written to stderr so far (capturing consoles only).
    public var errorOutput: String { lock.withLock { capturedError } }

    private func write(_ text: String, toError: Bool) {
        lock.withLock {
            if capturing {
                if toError { capturedError += text } else { capturedOutput += text }
            } else {
                FileHandle(fileDescriptor: toError ? STDERR_FILENO : STDOUT_FILENO).write(Data(text.utf8))
            }
        }
    }
}
