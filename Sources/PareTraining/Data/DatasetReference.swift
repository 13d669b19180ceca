// A data set as named on the command line, optionally restricted to some classes: `mnist`, `fashion-mnist`,
// a folder, or any of them followed by `:0-4` / `:5,7,9`.

import PareData

/// A data set name (or folder) with an optional class subset, e.g. `mnist:5-9` (digits 5–9 relabelled 0–4).
public struct DatasetReference: Hashable, Sendable {
    /// `mnist`, `fashion-mnist` or a folder path.
    public var source: String
    /// The classes kept, in label order (class `classes[i]` becomes label `i`); `nil` keeps all.
    public var classes: [Int]?

    /// Parses `name`, `name:A-B` or `name:A,B,C` (a colon followed by digits, commas and ranges).
    public init(_ text: String) throws(TrainingError) {
        guard let colon = text.lastIndex(of: ":"), text[text.index(after: colon)...].allSatisfy({ $0.isNumber || $0 == "," || $0 == "-" }),
              colon != text.startIndex else {
            source = text
            classes = nil
            return
        }
        source = String(text[..<colon])
        let bad = TrainingError.invalidSetting("--dataset: '\(text)' has a bad class list; expected e.g. mnist:0-4 or mnist:1,3,5")
        var classes: [Int] = []
        for part in text[text.index(after: colon)...].split(separator: ",") {
            let pieces = part.split(separator: "-", omittingEmptySubsequences: false)
            let bounds = pieces.compactMap { Int($0) }
            guard bounds.count == pieces.count else { throw bad }
            switch bounds.count {
            case 1: classes.append(bounds[0])
            case 2 where bounds[0] <= bounds[1]: classes += Array(bounds[0]...bounds[1])
            default: throw bad
            }
        }
        guard !classes.isEmpty, Set(classes).count == classes.count else { throw bad }
        self.classes = classes
    }

    /// Loads the data set (from the process-wide cache) and keeps only the chosen classes.
    public func load(options: DatasetLoadOptions) throws -> Dataset {
        let dataset = try Dataset.load(DatasetSource(source), options: options)
        guard let classes else { return dataset }
        return try dataset.selectingClasses(classes)
    }
}
