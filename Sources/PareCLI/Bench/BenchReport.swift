// What `pare bench` found, as Markdown tables on a terminal or one JSON document with `--json`: the FMA peak per
// thread count, each model's training speed (images/s, achieved GFLOP/s and its share of the peak) and GEMM rates
// per shape. Every row carries the load average and CPU/wall ratio so a time-shared run is visible.

import Foundation
import PareEngine
import PareReport

/// One GEMM shape at one thread count, as `pare bench` reports it.
struct GEMMTiming: Sendable, Codable {
    let name: String
    let m: Int, n: Int, k: Int
    let threads: Int
    let bestGFLOPS: Double
    let medianGFLOPS: Double
    let cpuPerWall: Double
    /// GFLOP per second of CPU time in the least-CPU repetition (robust to time-sharing).
    let gflopsPerCPUSecond: Double

    init(_ row: GEMMBenchmark.Row) {
        name = row.benchmarkCase.name
        m = row.benchmarkCase.m
        n = row.benchmarkCase.n
        k = row.benchmarkCase.k
        threads = row.threads
        bestGFLOPS = row.bestGFLOPS
        medianGFLOPS = row.medianGFLOPS
        cpuPerWall = row.cpuPerWall
        gflopsPerCPUSecond = row.bestGFLOPSPerCPUSecond
    }
}

/// Everything one `pare bench` run measured.
struct BenchReport: Sendable, Codable {
    /// Pare's version.
    let pareVersion: String
    /// Cores the process may use.
    let cores: Int
    /// The FMA peak for each thread count benchmarked.
    let peaks: [FMAPeak.Measurement]
    let models: [ModelTiming]
    let gemm: [GEMMTiming]

    /// Above this 1-minute load another process probably held a core (SWIFT_PERF §0): such rows are provisional.
    static let quietLoad = 0.7

    /// The peak measured for `threads` threads.
    func peak(threads: Int) -> Double? { peaks.first { $0.threads == threads }?.bestGFLOPS }

    /// The report as one JSON document (keys sorted).
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }

    /// The report as text: a header line, then Markdown tables.
    var text: String {
        var lines: [String] = []
        let peakText = peaks.map { String(format: "%d thread%@ %.1f GFLOP/s (cpu/wall %.2f)", $0.threads,
                                          $0.threads == 1 ? "" : "s", $0.bestGFLOPS, $0.cpuPerWall) }
        lines.append("pare bench \(pareVersion): \(cores) cores; FMA peak (SIMD16 addingProduct, AVX2): "
                     + peakText.joined(separator: ", "))
        if !models.isEmpty {
            lines += ["", "| model | params | batch | optimizer | threads | items | images/s best | median | GFLOP/s | % of peak | cpu/wall | load |",
                      "|---|---|---|---|---|---|---|---|---|---|---|---|"]
            for timing in models {
                let share = peak(threads: timing.threads).map { String(format: "%.1f%%", 100 * timing.bestGFLOPS / $0) } ?? "?"
                lines.append("| \(timing.name) | \(timing.parameterCount.groupedDecimal) | \(timing.batchSize) "
                    + "| \(timing.optimizer) | \(timing.threads) | \(timing.workItems) "
                    + "| \(Int(timing.bestImagesPerSecond.rounded()).groupedDecimal) "
                    + "| \(Int(timing.medianImagesPerSecond.rounded()).groupedDecimal) "
                    + String(format: "| %.1f | %@ | %.2f | %@ |", timing.bestGFLOPS, share, timing.cpuPerWall,
                             Self.load(timing.loadBefore, timing.loadAfter)))
            }
        }
        if !gemm.isEmpty {
            lines += ["", "GEMM C = A·B on batch-128 training shapes (Benchmarks/gemm_numpy.py times the row-major ones in numpy):",
                      "", "| case | M×K·K×N | MFLOP | threads | best GFLOP/s | median | % of peak | cpu/wall | GFLOP/cpu-s |",
                      "|---|---|---|---|---|---|---|---|---|"]
            for row in gemm {
                let share = peak(threads: row.threads).map { String(format: "%.1f%%", 100 * row.bestGFLOPS / $0) } ?? "?"
                lines.append("| \(row.name) | \(row.m)×\(row.k)·\(row.k)×\(row.n) "
                    + String(format: "| %.2f | %d | %.1f | %.1f | %@ | %.2f | %.1f |", Double(2 * row.m * row.n * row.k) / 1e6,
                             row.threads, row.bestGFLOPS, row.medianGFLOPS, share, row.cpuPerWall,
                             row.gflopsPerCPUSecond))
            }
        }
        lines += ["", "Training GFLOP/s count 6 FLOPs per forward multiply-add (forward + backward ≈ 3× forward). "
                  + "Rows with a load above \(Self.quietLoad) (marked *) or a cpu/wall ratio well below the thread count "
                  + "were time-shared with other processes: treat them as provisional."]
        return lines.joined(separator: "\n")
    }

    /// "0.12 → 0.20", with `*` when either reading is above `quietLoad`.
    private static func load(_ before: Double?, _ after: Double?) -> String {
        let text = [before, after].map { $0.map { String(format: "%.2f", $0) } ?? "?" }.joined(separator: " → ")
        return [before, after].contains { ($0 ?? 0) > quietLoad } ? text + " *" : text
    }
}
