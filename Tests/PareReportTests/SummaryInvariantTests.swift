// The renderers on models no golden shows — batch normalisation, frozen layers, a name longer than its column,
// a 7-digit parameter count, unusual line lengths — checked for the structure every such summary must have.

import Testing
import PareModel
import PareReport
import PareTestSupport

@Suite struct SummaryInvariantTests {
    /// A 1,607,680-parameter Dense (784·2048 + 2048) behind a layer whose name cannot fit any column.
    static let wideText = """
        model "wide"
        input 28x28x1
        flatten name=a_very_long_layer_name_that_cannot_fit_in_the_first_column_of_the_summary
        dense 2048 relu
        batchnorm trainable=false
        dense 10 softmax
        """

    static func models() throws -> [ModelAnalysis] {
        [try Fixtures.zoo, try Fixtures.analysis(wideText)]
    }

    static let lineLengths: [Int?] = [nil, 40, 76, 120]

    @Test(arguments: [false, true])
    func kerasTableStructure(showTrainable: Bool) throws {
        for analysis in try Self.models() {
            for lineLength in Self.lineLengths {
                let text = try KerasSummary(analysis).render(lineLength: lineLength, showTrainable: showTrainable)
                let context = "\(analysis.spec.displayName), line length \(lineLength.map(String.init) ?? "default")"
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                #expect(lines.first == "Model: \"\(analysis.spec.displayName)\"")
                #expect(lines.last == "", "ends in a newline")

                // Every table line has the requested width, and the borders line up in every line.
                let table = lines.dropFirst().prefix { !$0.hasPrefix(" Total") }
                let width = lineLength ?? (showTrainable ? 100 : 88)
                #expect(table.allSatisfy { $0.count == width }, "\(context)")
                let borders = Set(table.map { line in
                    line.enumerated().filter { "┏┳┓┃┡╇┩│├┼┤└┴┘".contains($0.element) }.map(\.offset)
                })
                #expect(borders.count == 1, "\(context): column borders move between lines")

                // At 40 characters even counts are cut ("1,60…", as Keras prints them there): every `…` must end
                // a cell. Wider tables are read back: one row per layer, counts that add up.
                guard lineLength != 40 else {
                    let ends = table.flatMap { line in
                        zip(line, line.dropFirst(2)).enumerated().filter { $0.element.0 == "…" }.map { $0.element.1 }
                    }
                    #expect(ends.allSatisfy { "│┃".contains($0) }, "\(context)")
                    #expect(!ends.isEmpty, "\(context): nothing was truncated at 40 characters")
                    continue
                }
                let parsed = try KerasSummaryParsing.table(from: text, kind: .sequential)
                #expect(parsed.showTrainable == showTrainable)
                #expect(parsed.table.rows.count == analysis.layers.count, "\(context)")
                let parameters = parsed.table.rows.map(\.parameterCount)
                #expect(parameters == analysis.layers.map(\.parameterCount), "\(context)")
                #expect(parameters.reduce(0, +) == analysis.parameterCount)
                #expect(parsed.table.trainableParameterCount + parsed.table.nonTrainableParameterCount
                        == analysis.parameterCount)
                if showTrainable {
                    #expect(parsed.table.rows.map(\.trainable) == analysis.layers.map {
                        $0.parameterCount == 0 ? .noWeights : $0.spec.trainable ? .trainable : .frozen
                    }, "\(context)")
                }

                let total = analysis.parameterCount, trainable = analysis.trainableParameterCount
                let frozen = analysis.nonTrainableParameterCount
                #expect(Array(lines.suffix(4)) == [
                    " Total params: \(total.groupedDecimal) (\(KerasMemorySize.readable(bytes: Double(4 * total))))",
                    " Trainable params: \(trainable.groupedDecimal) (\(KerasMemorySize.readable(bytes: Double(4 * trainable))))",
                    " Non-trainable params: \(frozen.groupedDecimal) (\(KerasMemorySize.readable(bytes: Double(4 * frozen))))",
                    "",
                ])
            }
        }
    }

    @Test func longNameIsTruncatedWithEllipsis() throws {
        let text = try KerasSummary(Fixtures.analysis(Self.wideText)).render()
        #expect(text.contains("│ a_very_long_layer_name_that_cannot_… │"))
        #expect(text.contains("│ (Flatten)                            │"))
        #expect(text.contains("│       1,607,680 │"))
    }

    /// Keras needs every column at least 4 wide: 16 is the shortest sequential line (0.45 · 16 = 7.2 → 7,
    /// 0.8 · 16 = 12.8 → 12 - 7 = 5, 16 - 12 = 4), 31 with the trainable column.
    @Test func refusesLinesTooShortForKeras() throws {
        let summary = KerasSummary(try Fixtures.zoo)
        #expect(throws: SummaryError.lineLengthTooShort(received: 15, minimum: 16)) {
            try summary.render(lineLength: 15)
        }
        #expect(throws: SummaryError.lineLengthTooShort(received: 30, minimum: 31)) {
            try summary.render(lineLength: 30, showTrainable: true)
        }
        #expect(throws: SummaryError.lineLengthTooShort(received: 0, minimum: 16)) {
            try summary.render(lineLength: 0)
        }
        #expect(SummaryError.lineLengthTooShort(received: 15, minimum: 16).description
                == "line length 15 is too short for the Keras summary; use at least 16")
        _ = try summary.render(lineLength: 16)
        _ = try summary.render(lineLength: 31, showTrainable: true)
    }

    @Test(arguments: [TorchinfoColumn.defaults, TorchinfoColumn.full])
    func torchinfoStructure(columns: [TorchinfoColumn]) throws {
        for analysis in try Self.models() {
            let text = TorchinfoSummary(analysis).render(columns: columns)
            let lines = text.split(separator: "\n").map(String.init)
            let divider = String(repeating: "=", count: 40 + 25 * columns.count)
            #expect(lines.filter { $0 == divider }.count == 5)
            #expect(lines.allSatisfy { !$0.hasSuffix(" ") && $0.count <= divider.count })

            // Module rows: numbered 1-1, 1-2, …; parameters (frozen ones in parentheses) add up to the totals.
            let modules = analysis.torchModules
            let rows = lines.filter { $0.hasPrefix("├─") }
            #expect(rows.count == modules.count)
            for (index, (row, module)) in zip(rows, modules).enumerated() {
                #expect(row.hasPrefix("├─\(module.className): 1-\(index + 1) "), "\(row)")
            }
            let parameterColumn = 40 + 1 + 26 * columns.firstIndex(of: .parameterCount)!
            let fields = rows.map { String($0.dropFirst(parameterColumn).prefix { $0 != " " }) }
            let frozen = fields.filter { $0.hasPrefix("(") }
            func count(_ field: String) -> Int {
                Int(field.filter(\.isNumber)) ?? 0
            }
            let total = fields.map(count).reduce(0, +)
            #expect(total == analysis.torchParameterCount)
            #expect(lines.contains("Total params: \(total.groupedDecimal)"))
            #expect(lines.contains("Trainable params: \((total - frozen.map(count).reduce(0, +)).groupedDecimal)"))
            #expect(lines.contains("Non-trainable params: \(frozen.map(count).reduce(0, +).groupedDecimal)"))
            if columns.contains(.multiplyAdds) {
                let macs = rows.map { count(String($0.dropFirst(40 + 1 + 26 * 3))) }.reduce(0, +)
                #expect(macs == analysis.multiplyAdds)
            }
        }
    }

    /// The zoo model's torch twin: batch norm as BatchNorm2d/BatchNorm1d, frozen modules in parentheses,
    /// global pooling as AdaptiveAvgPool2d + Flatten, a stand-alone linear activation as Identity.
    @Test func torchinfoModuleMapping() throws {
        let modules = try Fixtures.zoo.torchModules
        #expect(modules.map(\.className) == [
            "Conv2d", "ReLU", "BatchNorm2d", "MaxPool2d", "Conv2d", "Sigmoid", "BatchNorm2d", "AvgPool2d", "ReLU",
            "AdaptiveAvgPool2d", "Flatten", "Linear", "Tanh", "BatchNorm1d", "Dropout", "Identity", "Linear", "Softmax",
        ])
        let pooled = try #require(modules.first { $0.className == "AdaptiveAvgPool2d" })
        #expect(pooled.inputShape == [1, 16, 6, 6] && pooled.outputShape == [1, 16, 1, 1])
        let text = TorchinfoSummary(try Fixtures.zoo).render()
        // conv2d_1: 3·3·8·16 + 16 = 1,168, frozen; its BatchNorm2d: γ and β of 16 channels = 32, frozen.
        #expect(text.contains("├─Conv2d: 1-5                            [1, 16, 12, 12]           (1,168)\n"))
        #expect(text.contains("├─BatchNorm2d: 1-7                       [1, 16, 12, 12]           (32)\n"))
        #expect(text.contains("├─BatchNorm1d: 1-14                      [1, 32]                   64\n"))
    }
}
