// Runs GEMMBenchmark until `pare bench` exists. Disabled unless PARE_BENCH=1; run it in a release build:
//     PARE_BENCH=1 swift test -c release --filter GEMMBenchmark
// PARE_BENCH_CASES=fc1,conv2 keeps only cases whose name contains one of the words; PARE_BENCH_LANE=1 adds the
// lane-blocked engine forms. Compare with `python3 Benchmarks/gemm_numpy.py` (see Benchmarks/README.md).

import Foundation
import Testing
import PareEngine

@Suite("GEMMBenchmark")
struct GEMMBenchmarkTests {
    @Test("GEMM GFLOP/s on the batch-128 shapes", .enabled(if: ProcessInfo.processInfo.environment["PARE_BENCH"] == "1"))
    func benchmark() throws {
        let environment = ProcessInfo.processInfo.environment
        var cases = GEMMBenchmark.rowMajorCases
        if environment["PARE_BENCH_LANE"] == "1" { cases += GEMMBenchmark.laneBlockedCases }
        if let words = environment["PARE_BENCH_CASES"]?.split(separator: ",") {
            cases = cases.filter { benchmarkCase in words.contains { benchmarkCase.name.contains($0) } }
        }
        print("load before: \(loadAverage())")
        let rows = GEMMBenchmark.run(cases)
        print(GEMMBenchmark.table(rows))
        print("load after: \(loadAverage())")
        #expect(rows.count == 2 * cases.count)
        #expect(rows.allSatisfy { $0.bestGFLOPS > 0 && $0.medianGFLOPS <= $0.bestGFLOPS })
    }

    /// The first three fields of /proc/loadavg (1, 5 and 15 minute load).
    private func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "unavailable"
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
