// A one-line progress display on a terminal, redrawn in place and throttled; silent when not a terminal.

import Foundation

/// Draws a progress line on stderr when it is a terminal (at most ~10 redraws a second).
final class ProgressLine: @unchecked Sendable {
    // @unchecked Sendable: state is only touched under `lock` (progress may come from worker threads).
    private let console: Console
    private let lock = NSLock()
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var visible = false

    init(console: Console) { self.console = console }

    /// Redraws the line with `text` unless the last redraw was under 0.1 s ago (`force` draws anyway). `text` is
    /// only built when the line is drawn, so a per-batch call costs no string formatting (and no allocation).
    func update(_ text: @autoclosure () -> String, force: Bool = false) {
        guard console.isTerminal else { return }
        lock.withLock {
            let now = ContinuousClock.now
            guard force || now - lastDraw >= .milliseconds(100) else { return }
            lastDraw = now
            visible = true
            console.writeError("\r\u{1B}[2K" + text())
        }
    }

    /// Removes the line (before printing a permanent line).
    func clear() {
        guard console.isTerminal else { return }
        lock.withLock {
            if visible { console.writeError("\r\u{1B}[2K") }
            visible = false
        }
    }

    /// `[#####.....]` for a fraction in 0…1.
    static func bar(_ fraction: Double, width: Int = 20) -> String {
        let filled = max(0, min(width, Int((fraction * Double(width)).rounded())))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    /// `1m05s`, `42s`, `3.4s` for seconds.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1fs", seconds) }
        if seconds < 60 { return "\(Int(seconds.rounded()))s" }
        let total = Int(seconds.rounded())
        return total < 3600 ? String(format: "%dm%02ds", total / 60, total % 60)
            : String(format: "%dh%02dm", total / 3600, (total % 3600) / 60)
    }
}
