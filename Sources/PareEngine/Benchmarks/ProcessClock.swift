// Clocks and load readings for benchmarks: wall time, the process's CPU time, and the 1-minute load average.
// The machine Pare is measured on is shared (SWIFT_PERF §0, §7.7), so every benchmark reports the CPU/wall
// ratio and the load next to its numbers: a 2-thread run whose ratio is well below 2 was time-shared.

import Glibc

/// Wall-clock and CPU-time readings for benchmarks.
public enum ProcessClock {
    /// Seconds on the monotonic wall clock.
    public static var wallSeconds: Double { seconds(CLOCK_MONOTONIC) }

    /// Seconds of CPU time used by all threads of this process.
    public static var cpuSeconds: Double { seconds(CLOCK_PROCESS_CPUTIME_ID) }

    /// The 1-minute load average from /proc/loadavg, or nil where it cannot be read.
    public static var loadAverage: Double? {
        var values = [Double](repeating: 0, count: 3)
        return getloadavg(&values, 1) == 1 ? values[0] : nil
    }

    /// Wall and CPU seconds spent running `body`.
    public static func measure(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let wallStart = wallSeconds, cpuStart = cpuSeconds
        body()
        return (wallSeconds - wallStart, cpuSeconds - cpuStart)
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
