// pareto.svg: every candidate's mean validation accuracy against its size, with the front, target, base and
// winner marked.

import PareSearch

/// The size–accuracy chart of a search.
///
/// - x: the minimised measure, log scale, covering every candidate and the base model (a vertical rule).
/// - y: mean validation accuracy over seeds. The axis shows error rates up to five times the target's
///   (`1 − 5·(1 − target)`, 85% for a 97% target) so the region around the target stays readable; candidates
///   below are pinned to the bottom edge with an arrow.
/// - Points: colour and shape by family; hollow when a seed's training was stopped early by the stop rule,
///   crossed when one diverged or failed.
/// - The size–accuracy front as a step line (the best accuracy reached at or below each size), the target as
///   a dashed rule, and the winner (or the best so far) ringed and labelled.
public enum ParetoPlot {
    /// The chart of `content`.
    public static func chart(_ content: SearchReportContent) -> Chart {
        let measure = content.settings.measure
        let target = content.settings.target
        let floor = max(0, 1 - 5 * (1 - target))
        let families = orderedFamilies(content)

        let points = content.summaries.map { summary in
            let index = families.firstIndex(of: summary.family) ?? 0
            let stoppedEarly = summary.statuses.contains(.stoppedEarly)
            let broken = summary.statuses.contains { $0 == .diverged || $0 == .failed }
            let statuses = summary.statuses.map(\.rawValue).joined(separator: ", ")
            let note = "\(summary.family) \(summary.widths.map(String.init).joined(separator: "·")): "
                + "\(summary.size(measure).groupedDecimal) \(measure.unitName), validation "
                + StudyFormat.percentMeanAndSpread(mean: summary.validationMean, spread: summary.validationSpread,
                                                   count: summary.seeds.count)
                + " (seeds \(StudyFormat.seeds(summary.seeds)); \(statuses))"
            return PlotPoint(x: Double(summary.size(measure)), y: summary.validationMean,
                             marker: PlotPalette.marker(index, filled: !stoppedEarly), crossed: broken, note: note)
        }

        let xAxis = PlotAxis.logarithmic(title: measure.logAxisTitle,
                                         covering: points.map(\.x) + [Double(content.base.size(measure))], format: .compact)
        let yAxis = PlotAxis.linear(title: "validation accuracy (mean over seeds)",
                                    covering: points.map(\.y).filter { $0 >= floor } + [target], format: .percent,
                                    limit: floor...1)

        var frontLine: [PlotCoordinate] = []
        for (index, member) in content.sizeFront.enumerated() {
            let x = Double(member.size(measure))
            if index > 0, let previous = frontLine.last { frontLine.append(PlotCoordinate(x: x, y: previous.y)) }
            frontLine.append(PlotCoordinate(x: x, y: member.validationMean))
        }
        let frontStyle = LineStyle(color: .ink, width: 1.5)
        let targetStyle = LineStyle(color: PlotColor("#B00020"), width: 1.5, dashes: [6, 4])
        let baseStyle = LineStyle(color: .grey, width: 1.2, dashes: [2, 3])
        let targetLabel = "target \(StudyFormat.targetPercent(target))"
        let baseLabel = "base (\(content.base.size(measure).groupedDecimal) \(measure.unitName))"

        var marks: [PlotMark] = [
            .line(frontLine, frontStyle),
            .horizontalRule(y: target, label: targetLabel, style: targetStyle),
            .verticalRule(x: Double(content.base.size(measure)), label: baseLabel, style: baseStyle),
            .points(points),
        ]
        if let winner = content.winnerSummary {
            let role = content.completion.isFinished ? "winner" : "best so far (provisional)"
            marks.append(.annotation(x: Double(winner.size(measure)), y: winner.validationMean,
                                     text: "\(role): \(winner.family) \(winner.widths.map(String.init).joined(separator: "·")), "
                                        + "\(winner.size(measure).groupedDecimal) \(measure.unitName), "
                                        + StudyFormat.percent(winner.validationMean)))
        }

        var legend: [LegendEntry] = [.heading("family")]
        legend += families.enumerated().map { .marker(PlotPalette.marker($0.offset), label: $0.element) }
        let sample = PlotColor.grey
        legend += [
            .heading("trainings"),
            .marker(Marker(shape: .circle, color: sample), label: "all seeds completed"),
            .marker(Marker(shape: .circle, color: sample, filled: false), label: "stopped early by the stop rule"),
            .marker(Marker(shape: .circle, color: sample), crossed: true, label: "diverged or failed"),
        ]
        if points.contains(where: { $0.y < yAxis.domain.lowerBound }) {
            legend.append(.beyondAxis(Marker(shape: .circle, color: sample),
                                      label: "below \(StudyFormat.targetPercent(yAxis.domain.lowerBound)): pinned to the axis"))
        }
        legend += [
            .heading("lines"),
            .line(frontStyle, label: "size–accuracy front"),
            .line(targetStyle, label: targetLabel),
            .line(baseStyle, label: "base model size"),
        ]

        let trainings = content.entries.count
        var subtitle = "\(content.description.modelName) on \(content.settings.training.dataset): \(content.summaries.count) "
            + "candidates, \(trainings) trainings, \(content.settings.training.epochs) epochs each"
        if !content.completion.isFinished { subtitle += " — PROVISIONAL: the search did not finish" }
        let title = "Search: smallest model by \(measure.rawValue) reaching ≥ \(StudyFormat.targetPercent(target)) validation accuracy"
        return Chart(title: title, subtitle: subtitle,
                     xAxis: xAxis, yAxis: yAxis, marks: marks, legend: legend)
    }

    /// The SVG document.
    public static func render(_ content: SearchReportContent) -> String { chart(content).svg() }

    /// The families with trainings, in the planner's order (base first, fewer moves first); any family the
    /// planner does not know (a journal from another version) follows in order of first appearance.
    static func orderedFamilies(_ content: SearchReportContent) -> [String] {
        var seen = Set<String>()
        let present = content.summaries.map(\.family).filter { seen.insert($0).inserted }
        return content.familyNames.filter(present.contains) + present.filter { !content.familyNames.contains($0) }
    }
}
