// The fine-tuning charts: accuracy against K (validation and test, mean ± s.d.) and efficiency against K.

import PareSearch

/// `accuracy-vs-k.svg` and `efficiency-vs-k.svg` of a fine-tuning study.
public enum FineTunePlots {
    /// Validation and test accuracy (mean ± one sample s.d. over seeds) against K.
    public static func accuracyVersusK(_ content: FineTuneReportContent) -> Chart {
        let validation = content.rows.map { row in
            PlotPoint(x: Double(row.k), y: row.summary.validationMean, marker: PlotPalette.marker(0),
                      note: "K = \(row.k): validation \(StudyFormat.percent(row.summary.validationMean))",
                      errorBar: bar(row.summary.validationMean, row.summary.validationSpread, row.summary.seeds.count))
        }
        let test = content.rows.compactMap { row -> PlotPoint? in
            guard let mean = row.summary.testMean else { return nil }
            return PlotPoint(x: Double(row.k), y: mean, marker: PlotPalette.marker(1),
                             note: "K = \(row.k): test \(StudyFormat.percent(mean))",
                             errorBar: bar(mean, row.summary.testSpread, row.summary.testAccuracies.count), pixelOffset: 4)
        }
        let values = (validation + test).flatMap { [$0.y] + ($0.errorBar.map { [$0.lowerBound, $0.upperBound] } ?? []) }
        return Chart(title: "Accuracy vs unfrozen layers: fine-tuning \(content.description.modelName)",
                     subtitle: subtitle(content), xAxis: kAxis(content),
                     yAxis: .linear(title: "accuracy (mean ± s.d. over seeds)", covering: values, format: .percent, limit: 0...1),
                     marks: [.line(validation.map { PlotCoordinate(x: $0.x, y: $0.y) }, LineStyle(color: PlotPalette.colors[0], width: 1.2)),
                             .line(test.map { PlotCoordinate(x: $0.x, y: $0.y) }, LineStyle(color: PlotPalette.colors[1], width: 1.2)),
                             .points(validation + test)],
                     legend: [.heading("split"), .marker(PlotPalette.marker(0), label: "validation (decides)"),
                              .marker(PlotPalette.marker(1), label: "test (reported)")])
    }

    /// Efficiency (validation accuracy per training second, mean over seeds) against K.
    public static func efficiencyVersusK(_ content: FineTuneReportContent) -> Chart {
        let points = content.rows.map { row in
            PlotPoint(x: Double(row.k), y: row.efficiencyMean, marker: PlotPalette.marker(2),
                      note: "K = \(row.k): \(StudyFormat.fixed(row.efficiencyMean, 4)) accuracy / s")
        }
        return Chart(title: "Efficiency vs unfrozen layers: fine-tuning \(content.description.modelName)",
                     subtitle: subtitle(content), xAxis: kAxis(content),
                     yAxis: .linear(title: "validation accuracy per training second", covering: points.map(\.y) + [0], format: .decimal,
                                    limit: 0...max(1e-9, (points.map(\.y).max() ?? 1) * 1.25)),
                     marks: [.line(points.map { PlotCoordinate(x: $0.x, y: $0.y) }, LineStyle(color: PlotPalette.colors[2], width: 1.2)),
                             .points(points)],
                     legend: [.heading("efficiency"), .marker(PlotPalette.marker(2), label: "accuracy / second (mean over seeds)")])
    }

    private static func kAxis(_ content: FineTuneReportContent) -> PlotAxis {
        let largest = Double(content.rows.map(\.k).max() ?? 1)
        return .linear(title: "K: top layers of the base unfrozen", covering: content.rows.map { Double($0.k) } + [0],
                       format: .decimal, limit: 0...max(1, largest + 1))
    }

    private static func bar(_ mean: Double, _ spread: Double, _ count: Int) -> ClosedRange<Double>? {
        count > 1 ? (mean - spread)...(mean + spread) : nil
    }

    private static func subtitle(_ content: FineTuneReportContent) -> String {
        let seeds = content.description.sweepSeeds.map { "\($0) seed\($0 == 1 ? "" : "s") per K" } ?? ""
        let target = content.description.training?.dataset ?? "the target data"
        return "fine-tuned on \(target); \(seeds)" + (content.isComplete ? "" : " — PROVISIONAL: not every training finished")
    }
}
