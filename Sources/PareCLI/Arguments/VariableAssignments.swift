// `--set n=4,m=2` and, for sweeps, `--set n=512,256,128`: values for the `let` variables of a model file.

import PareModel
/// Values given on the command line for model-file variables, in the order written.
///
/// Grammar: comma-separated items, each `name=value` or a bare `value` that adds another value to the
/// previous name. So `n=4,m=2` sets two variables and `n=512,256,128` gives one variable three values (a
/// sweep). `--set` may be repeated; items accumulate.
public struct VariableAssignments: Equatable, Sendable {
    /// Each variable with its values, in first-mention order.
    public private(set) var entries: [(name: String, values: [Int])] = []

    /// Parses every `--set` value.
    public init(_ texts: [String]) throws(CLIError) {
        for text in texts {
            var current: String?
            for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                let name: String, valueText: Substring
                if let equals = item.firstIndex(of: "=") {
                    name = String(item[..<equals])
                    valueText = item[item.index(after: equals)...]
                } else if let current {
                    name = current
                    valueText = Substring(item)
                } else {
                    throw .usage("--set expects NAME=VALUE[,VALUE…][,NAME=VALUE…], got '\(echoInMessage(text))'")
                }
                guard let first = name.first, first.isLetter || first == "_",
                      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw .usage("--set: '\(echoInMessage(name))' is not a variable name")
                }
                guard let value = Int(valueText) else {
                    throw .usage("--set: expected an integer for '\(name)', got '\(echoInMessage(String(valueText)))'")
                }
                if let index = entries.firstIndex(where: { $0.name == name }) {
                    if current != name {
                        throw .usage("--set: variable '\(name)' given twice")
                    }
                    entries[index].values.append(value)
                } else {
                    entries.append((name, [value]))
                }
                current = name
            }
        }
    }

    /// One value per variable, for commands that build a single model; a list is a usage error.
    public func single(command: String) throws(CLIError) -> [String: Int] {
        var result: [String: Int] = [:]
        for (name, values) in entries {
            guard values.count == 1 else {
                throw .usage("'\(command)' takes one value per variable, got \(values.count) for '\(name)'; use 'pare sweep' for lists")
            }
            result[name] = values[0]
        }
        return result
    }

    /// Every combination of the listed values (the first variable varies slowest), for sweeps.
    public var grid: [[String: Int]] {
        entries.reduce([[:]]) { partial, entry in
            partial.flatMap { assignment in
                entry.values.map { value in assignment.merging([entry.name: value]) { $1 } }
            }
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.entries.map(\.name) == rhs.entries.map(\.name) && lhs.entries.map(\.values) == rhs.entries.map(\.values)
    }
}
