// The sweep's charts: accuracy against size per point (mean ± s.d. over seeds), and accuracy against training
// time per training (the scatter of seed 002).

import PareSearch

/// `accuracy-vs-params.svg` and `accuracy-vs-time.svg` of a sweep.
public enum SweepPlots {
    /// Mean validation accuracy (± one sample s.d. over seeds as an error bar) against parameters on a log
    /// axis, one point per grid point. Points with the same training settings form a series (colour and
    /// shape), joined by a line in order of size; points sharing a size are set a few pixels apart (dodged,
    /// at most 48 px in all) so their bars stay visible. When every point has the same size (a sweep of training
    /// settings only), the axis spans a decade either side so the dodge does not read as a difference in size.
    public static func accuracyVersusParams(_ content: SweepReportContent) -> Chart {
        let series = seriesNames(content)
        let seriesIndex = content.points.map { series.firstIndex(of: SweepReportContent.name(of: $0.labels, over: content.settingAxes)) ?? 0 }
        var sharing: [Int: [Int]] = [:]
        for (index, point) in content.points.enumerated() { sharing[point.params, default: []].append(index) }

        let points = content.points.enumerated().map { index, point in
            let group = sharing[point.params] ?? [index]
            let rank = Double(group.firstIndex(of: index) ?? 0) - Double(group.count - 1) / 2
            let dodge = group.count > 1 ? min(8, 48 / Double(group.count - 1)) : 0
            let spread = point.seeds.count > 1 ? point.validationSpread : 0
            let note = "\(point.family): \(point.params.groupedDecimal) params, validation "
                + StudyFormat.percentMeanAndSpread(mean: point.validationMean, spread: point.validationSpread, count: point.seeds.count)
                + " (seeds \(StudyFormat.seeds(point.seeds)))"
            return PlotPoint(x: Double(point.params), y: point.validationMean, marker: PlotPalette.marker(seriesIndex[index]),
                             crossed: point.statuses.contains { $0 == .diverged || $0 == .failed }, note: note,
                             errorBar: point.seeds.count > 1 ? (point.validationMean - spread)...(point.validationMean + spread) : nil,
                             pixelOffset: rank * dodge)
        }
        var marks: [PlotMark] = []
        for (index, _) in series.enumerated() {
            let members = zip(content.points, seriesIndex).filter { $0.1 == index }.map(\.0).sorted { $0.params < $1.params }
            guard Set(members.map(\.params)).count > 1 else { continue }
            marks.append(.line(members.map { PlotCoordinate(x: Double($0.params), y: $0.validationMean) },
                               LineStyle(color: PlotPalette.colors[index % PlotPalette.colors.count], width: 1.2)))
        }
        marks.append(.points(points))

        let bars = points.compactMap(\.errorBar)
        let yAxis = PlotAxis.linear(title: "validation accuracy (mean ± s.d. over seeds)",
                                    covering: points.map(\.y) + bars.map(\.lowerBound) + bars.map(\.upperBound),
                                    format: .percent, limit: 0...1)
        let sizes = Set(points.map(\.x))
        let covered = sizes.count == 1 ? sizes.flatMap { [$0 / 10, $0 * 10] } : Array(sizes)
        let xAxis = PlotAxis.logarithmic(title: "parameters (Keras count, log scale)", covering: covered, format: .compact)
        let heading = content.settingAxes.isEmpty ? "points" : content.settingAxes.map(\.name).joined(separator: ", ")
        var legend: [LegendEntry] = [.heading(heading)]
        legend += series.enumerated().map { .marker(PlotPalette.marker($0.offset), label: $0.element) }
        legend += [.heading("error bars"), .line(LineStyle(color: .grey, width: 1.2), label: "± 1 sample s.d. over seeds")]
        if points.contains(where: \.crossed) {
            legend.append(.marker(Marker(shape: .circle, color: .grey), crossed: true, label: "a seed diverged or failed"))
        }
        return Chart(title: "Validation accuracy vs parameters: sweep of \(content.description.modelName)",
                     subtitle: subtitle(content), xAxis: xAxis, yAxis: yAxis, marks: marks, legend: legend)
    }

    /// Validation accuracy against training seconds, one point per training (every seed), coloured by the
    /// first varied setting among activation, lr, optimizer, batch-size and the model variables, and shaped
    /// by the second.
    public static func accuracyVersusTime(_ content: SweepReportContent) -> Chart {
        let varied = content.axes.filter { $0.values.count > 1 }
        let preference = ["activation", "lr", "optimizer", "batch-size"]
        let ordered = preference.compactMap { name in varied.first { $0.name == name } } + varied.filter { !preference.contains($0.name) }
        let colorAxis = ordered.first, shapeAxis = ordered.dropFirst().first

        let points = content.entries.map { entry in
            let colorIndex = colorAxis.flatMap { axis in entry.labels[axis.name].flatMap(axis.values.firstIndex) } ?? 0
            let shapeIndex = shapeAxis.flatMap { axis in entry.labels[axis.name].flatMap(axis.values.firstIndex) } ?? 0
            let accuracy = entry.countedValidationAccuracy
            let note = "\(entry.family), seed \(entry.seed): \(StudyFormat.percent(accuracy)) validation in "
                + "\(StudyFormat.seconds(entry.outcome.seconds)) (\(StudyFormat.status(entry.outcome)))"
            return PlotPoint(x: entry.outcome.seconds, y: accuracy,
                             marker: Marker(shape: MarkerShape.allCases[shapeIndex % MarkerShape.allCases.count],
                                            color: PlotPalette.colors[colorIndex % PlotPalette.colors.count],
                                            filled: entry.outcome.status != .stoppedEarly),
                             crossed: entry.outcome.status == .diverged || entry.outcome.status == .failed, note: note)
        }
        let xAxis = PlotAxis.linear(title: "training time per training (seconds)", covering: [0] + points.map(\.x), format: .decimal,
                                    limit: 0...Double.greatestFiniteMagnitude)
        let yAxis = PlotAxis.linear(title: "validation accuracy (per training)", covering: points.map(\.y), format: .percent, limit: 0...1)

        var legend: [LegendEntry] = []
        if let colorAxis {
            legend.append(.heading("colour: \(colorAxis.name)"))
            legend += colorAxis.values.enumerated().map {
                .marker(Marker(shape: .circle, color: PlotPalette.colors[$0.offset % PlotPalette.colors.count]), label: $0.element)
            }
        }
        if let shapeAxis {
            legend.append(.heading("shape: \(shapeAxis.name)"))
            legend += shapeAxis.values.enumerated().map {
                .marker(Marker(shape: MarkerShape.allCases[$0.offset % MarkerShape.allCases.count], color: .grey), label: $0.element)
            }
        }
        if points.contains(where: \.crossed) {
            legend.append(.marker(Marker(shape: .circle, color: .grey), crossed: true, label: "diverged or failed"))
        }
        return Chart(title: "Validation accuracy vs training time: sweep of \(content.description.modelName)",
                     subtitle: subtitle(content), xAxis: xAxis, yAxis: yAxis, marks: [.points(points)], legend: legend)
    }

    /// The series names (training settings without the model variables), in grid order.
    static func seriesNames(_ content: SweepReportContent) -> [String] {
        var seen = Set<String>()
        return content.points.map { SweepReportContent.name(of: $0.labels, over: content.settingAxes) }.filter { seen.insert($0).inserted }
    }

    static func subtitle(_ content: SweepReportContent) -> String {
        var text = "\(content.points.count) points, \(content.entries.count) trainings"
            + (content.description.sweepSeeds.map { " (\($0) seed\($0 == 1 ? "" : "s") per point)" } ?? "")
        if !content.completion.isFinished { text += " — PROVISIONAL: \(content.entries.count) of \(content.plannedTrainings) trainings finished" }
        return text
    }
}
