// One varied setting of a sweep and the values it took.

/// A sweep axis: a model variable (`n`) or a training setting (`optimizer`, `lr`, `batch-size`, `activation`),
/// with its values in grid order as written on the command line.
public struct SweepAxis: Hashable, Sendable {
    /// The training settings a sweep can vary, in the order they follow the model variables.
    public static let settingNames = ["optimizer", "lr", "batch-size", "activation"]

    /// The axis name as it appears in point names and CSV columns.
    public var name: String
    /// Its values, in order of first appearance in the grid.
    public var values: [String]

    /// Creates an axis.
    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }

    /// True for a model variable (set with `--set`), false for a training setting.
    public var isModelVariable: Bool { !Self.settingNames.contains(name) }

    /// The axes of points labelled `labels` (in grid order), whose names are ordered like `pointName`
    /// (`n=4 lr=0.001`): model variables first in the name's order, then the settings in `settingNames` order.
    static func axes(pointName: String, labels: [[String: String]]) -> [SweepAxis] {
        let named = pointName.split(separator: " ").compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) }
        let keys = Set(labels.flatMap(\.keys))
        let variables = named.filter { keys.contains($0) && !settingNames.contains($0) }
            + keys.filter { !named.contains($0) && !settingNames.contains($0) }.sorted()
        let order = variables + settingNames.filter(keys.contains)
        return order.map { name in
            var seen = Set<String>()
            return SweepAxis(name: name, values: labels.compactMap { $0[name] }.filter { seen.insert($0).inserted })
        }
    }
}
