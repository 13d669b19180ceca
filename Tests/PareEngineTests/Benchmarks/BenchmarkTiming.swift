// Timing helpers shared by the opt-in benchmarks (PARE_BENCH=1, release builds): clocks, /proc/loadavg, and
// best/median over repetitions. The machine is shared (SWIFT_PERF §0, §7.7): every line prints the load and the
// CPU/wall ratio so a reader can tell a clean number from a contended one.

import Foundation

/// Clocks and load readings for benchmarks.
enum BenchmarkTiming {
    /// Seconds on `clock` (CLOCK_MONOTONIC for wall time, CLOCK_PROCESS_CPUTIME_ID for the process's CPU time).
    static func seconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The 1-minute load average, or nil when /proc/loadavg cannot be read.
    static func loadAverage() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
              let first = text.split(separator: " ").first else { return nil }
        return Double(first)
    }

    /// The 1-minute load average as text ("?" when unreadable).
    static func loadText() -> String {
        loadAverage().map { String(format: "%.2f", $0) } ?? "?"
    }

    /// What one timed block measured: seconds per call (sorted), CPU/wall ratio, and the load around it.
    struct Sample {
        /// Seconds per call of each repetition, ascending.
        let secondsPerCall: [Double]
        /// Process CPU time over wall time for all repetitions (≈ thread count when the machine is idle).
        let cpuWallRatio: Double
        /// 1-minute load average before and after.
        let loadBefore: String, loadAfter: String
        /// True when either load reading exceeded 0.7 (SWIFT_PERF's threshold for a quiet machine).
        let isProvisional: Bool

        /// The fastest repetition.
        var best: Double { secondsPerCall[0] }
        /// The median repetition.
        var median: Double { secondsPerCall[secondsPerCall.count / 2] }
        /// "load 0.12 -> 0.15, cpu/wall 1.98" plus "PROVISIONAL" when the machine was busy.
        var conditions: String {
            String(format: "load %@ -> %@, cpu/wall %.2f", loadBefore, loadAfter, cpuWallRatio)
                + (isProvisional ? " PROVISIONAL (load > 0.7)" : "")
        }
    }

    /// Calls `body` a few times to warm up, picks a call count so a repetition lasts at least `minimumSeconds`,
    /// then times `repetitions` repetitions.
    static func measure(repetitions: Int = 7, minimumSeconds: Double = 0.05, _ body: () -> Void) -> Sample {
        body()
        let probeStart = seconds(CLOCK_MONOTONIC)
        body()
        let calls = max(1, Int(minimumSeconds / max(seconds(CLOCK_MONOTONIC) - probeStart, 1e-7)))
        let before = loadAverage()
        var perCall: [Double] = []
        let cpuStart = seconds(CLOCK_PROCESS_CPUTIME_ID), wallStart = seconds(CLOCK_MONOTONIC)
        for _ in 0..<repetitions {
            let start = seconds(CLOCK_MONOTONIC)
            for _ in 0..<calls { body() }
            perCall.append((seconds(CLOCK_MONOTONIC) - start) / Double(calls))
        }
        let ratio = (seconds(CLOCK_PROCESS_CPUTIME_ID) - cpuStart) / (seconds(CLOCK_MONOTONIC) - wallStart)
        let after = loadAverage()
        return Sample(secondsPerCall: perCall.sorted(), cpuWallRatio: ratio,
                      loadBefore: before.map { String(format: "%.2f", $0) } ?? "?",
                      loadAfter: after.map { String(format: "%.2f", $0) } ?? "?",
                      isProvisional: (before ?? 0) > 0.7 || (after ?? 0) > 0.7)
    }
}
