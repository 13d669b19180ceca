// Reads a Keras `model.summary()` text back into a `KerasSummaryTable` (test helper), so that goldens of models
// Pare cannot describe yet (MobileNetV2) can be re-rendered and compared byte for byte.
//
// Un-wrapping: a logical row is the group of physical lines between two `├` rules; a cell's text is its lines,
// trimmed, joined by one space (rich wraps only at spaces). A connection truncated with `…` is resolved to the
// nearest earlier layer whose `name[0][0]` starts with the visible prefix.

import PareReport

enum KerasSummaryParsing {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `text`; `chainConnections` gives every row after the first the previous row as its input (for
    /// goldens without a "Connected to" column whose models are known to be chains).
    static func table(from text: String, kind: KerasSummaryTable.ModelKind,
                      chainConnections: Bool = false) throws -> (table: KerasSummaryTable, showTrainable: Bool) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let nameLine = lines.first, nameLine.hasPrefix("Model: \""), nameLine.hasSuffix("\"") else {
            throw Failure(description: "no model line: \(lines.first ?? "")")
        }
        let modelName = String(nameLine.dropFirst("Model: \"".count).dropLast())
        guard let headerEnd = lines.firstIndex(where: { $0.hasPrefix("┡") }),
              let bottom = lines.firstIndex(where: { $0.hasPrefix("└") }) else {
            throw Failure(description: "no table in \(modelName)")
        }
        let header = cells(of: Array(lines[1 + 1..<headerEnd]), separator: "┃")
        // The header reads "Trainable", or a truncated "Traina…" / "Tr…" in narrow tables.
        let lastHeader = header.last ?? ""
        let showTrainable = lastHeader == "Trainable"
            || (lastHeader.hasSuffix("…") && "Trainable".hasPrefix(lastHeader.dropLast()))
        let hasConnections = header.contains("Connected to")

        var groups: [[String]] = [[]]
        for line in lines[(headerEnd + 1)..<bottom] {
            if line.hasPrefix("├") { groups.append([]) } else { groups[groups.count - 1].append(line) }
        }
        var rows: [KerasSummaryRow] = []
        for group in groups {
            let fields = cells(of: group, separator: "│")
            guard fields.count == header.count, let open = fields[0].range(of: " (", options: .backwards) else {
                throw Failure(description: "cannot read row \(group)")
            }
            var inbound: [KerasConnection] = []
            if hasConnections, fields[3] != "-" {
                inbound = try fields[3].components(separatedBy: ", ").map { try connection($0, before: rows) }
            } else if chainConnections, let previous = rows.last {
                inbound = [KerasConnection(layerName: previous.name)]
            }
            guard let parameters = Int(fields[2].replacingOccurrences(of: ",", with: "")) else {
                throw Failure(description: "bad parameter count '\(fields[2])'")
            }
            let mark = showTrainable ? KerasTrainableMark(rawValue: fields[fields.count - 1]) : .noWeights
            guard let mark else { throw Failure(description: "bad trainable mark in \(group)") }
            rows.append(KerasSummaryRow(
                name: String(fields[0][..<open.lowerBound]),
                className: String(fields[0][open.upperBound...].dropLast()),
                outputShape: fields[1], parameterCount: parameters, inbound: inbound, trainable: mark))
        }
        let trainable = try total(" Trainable params: ", in: lines)
        let nonTrainable = try total(" Non-trainable params: ", in: lines)
        return (KerasSummaryTable(modelName: modelName, kind: kind, rows: rows, trainableParameterCount: trainable,
                                  nonTrainableParameterCount: nonTrainable), showTrainable)
    }

    /// The cells of one logical row: each column's lines trimmed and joined by a space.
    static func cells(of lines: [String], separator: Character) -> [String] {
        let split = lines.map { $0.split(separator: separator, omittingEmptySubsequences: false).dropFirst().dropLast() }
        guard let columnCount = split.first?.count else { return [] }
        return (0..<columnCount).map { column in
            split.map { $0[$0.startIndex + column].trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// `name[0][0]`, or a truncated `prefix…` resolved to the nearest earlier layer it can stand for.
    static func connection(_ text: String, before rows: [KerasSummaryRow]) throws -> KerasConnection {
        if text.hasSuffix("…") {
            let prefix = String(text.dropLast())
            guard let row = rows.last(where: { "\($0.name)[0][0]".hasPrefix(prefix) }) else {
                throw Failure(description: "no earlier layer matches '\(text)'")
            }
            return KerasConnection(layerName: row.name)
        }
        let parts = text.split(separator: "[")
        guard parts.count == 3, let node = Int(parts[1].dropLast()), let tensor = Int(parts[2].dropLast()) else {
            throw Failure(description: "bad connection '\(text)'")
        }
        return KerasConnection(layerName: String(parts[0]), nodeIndex: node, tensorIndex: tensor)
    }

    static func total(_ label: String, in lines: [String]) throws -> Int {
        guard let line = lines.first(where: { $0.hasPrefix(label) }),
              let count = Int(line.dropFirst(label.count).prefix { $0 != " " }.replacingOccurrences(of: ",", with: ""))
        else { throw Failure(description: "no '\(label)' line") }
        return count
    }
}
