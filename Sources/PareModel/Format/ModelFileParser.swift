// The .pare parser: statements (`model`, `let`, `input`) and layer lines with positional arguments and
// `key=value` options, every value checked and every mistake reported at its line and column.

/// Parses the lines of a `.pare` file into a `ParsedModel`.
struct ModelFileParser {
    /// Longest accepted line, in bytes; longer lines are rejected before any parsing.
    static let maximumLineLength = 65_536

    private let path: String
    private let overrides: [String: Int]
    private var name: String?
    private var nameWord: (line: SourceLine, word: Word)?
    private var inputShape: Shape?
    private var inputName: String?
    private var layers: [LayerSpec] = []
    private var layerLocations: [SourceLocation] = []
    private var variables: [ParsedModel.Variable] = []
    private var values: [String: Int] = [:]

    init(path: String, overrides: [String: Int]) {
        self.path = path
        self.overrides = overrides
    }

    mutating func parse(_ lines: [SourceLine]) throws(ModelFileError) -> ParsedModel {
        guard !lines.isEmpty else { throw ModelFileError(.empty, at: SourceLocation(path: path)) }
        var nameSeen = false
        for line in lines {
            let first = line.words[0]
            switch first.text {
            case "model":
                guard !nameSeen else { throw error(.duplicateModelName, line, first) }
                nameSeen = true
                try parseModelName(line)
            case "let":
                try parseLet(line)
            case "input":
                guard inputShape == nil else { throw error(.duplicateInput, line, first) }
                try parseInput(line)
            default:
                // `NAME = layer …` names the layer.
                var layerLine = line
                var assignedName: Word?
                if line.words.count >= 3, line.words[1].text == "=" {
                    guard Self.isLayerName(first.text) else {
                        throw error(.expected("a layer name (letters, digits, '_', '.', '-')", found: first.text), line, first)
                    }
                    assignedName = first
                    layerLine.words = Array(line.words.dropFirst(2))
                }
                let keywordWord = layerLine.words[0]
                guard let keyword = LayerKeyword(word: keywordWord.text) else {
                    let suggestion = Suggestion.nearest(to: keywordWord.text, in: LayerKeyword.allSpellings)
                    throw error(.unknownLayer(keywordWord.text, suggestion: suggestion), line, keywordWord)
                }
                guard inputShape != nil else { throw error(.missingInput, line, keywordWord) }
                var layer = try parseLayer(keyword, layerLine)
                if let assignedName {
                    guard layer.name == nil else { throw error(.duplicateOption("name"), line, assignedName) }
                    layer.name = assignedName.text
                }
                layers.append(layer)
                layerLocations.append(SourceLocation(path: path, line: line.number, column: first.column))
            }
        }
        let defined = Set(variables.map(\.name))
        if let unknown = overrides.keys.sorted().first(where: { !defined.contains($0) }) {
            throw ModelFileError(.unknownOverride(unknown, defined: variables.map(\.name)), at: SourceLocation(path: path))
        }
        guard let inputShape else {
            throw ModelFileError(.missingInput, at: SourceLocation(path: path, line: lines[0].number, column: 1))
        }
        if let template = name, let (line, word) = nameWord { name = try interpolate(template, line, word) }
        guard !layers.isEmpty else {
            throw ModelFileError(.noLayers, at: SourceLocation(path: path, line: lines.last!.number))
        }
        return ParsedModel(spec: ModelSpec(name: name, inputShape: inputShape, inputName: inputName, layers: layers),
                           path: path, layerLocations: layerLocations, variables: variables)
    }

    // MARK: - Statements

    private mutating func parseModelName(_ line: SourceLine) throws(ModelFileError) {
        guard line.words.count >= 2 else {
            throw error(.missingArgument("a name", layer: "model", example: "model \"qiita_cnn2\""), line, line.words[0])
        }
        guard line.words.count == 2 else { throw error(.unexpectedArgument(line.words[2].text, layer: "model"), line, line.words[2]) }
        let word = line.words[1]
        var text = word.text
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\"") else { throw error(.unterminatedString, line, word) }
            text = String(text.dropFirst().dropLast())
        }
        guard !text.isEmpty, !text.contains("\"") else { throw error(.expected("a model name", found: word.text), line, word) }
        name = text
        nameWord = (line, word)
    }

    private mutating func parseLet(_ line: SourceLine) throws(ModelFileError) {
        let (rest, column) = line.rest
        let at = SourceLocation(path: path, line: line.number, column: column)
        guard let equals = rest.firstIndex(of: "=") else {
            throw ModelFileError(.expected("'let NAME = EXPRESSION'", found: rest), at: at)
        }
        let variable = String(rest[..<equals]).filter { $0 != " " && $0 != "\t" }
        guard IntegerExpression.isIdentifier(variable) else {
            throw ModelFileError(.expected("a variable name", found: variable), at: at)
        }
        guard values[variable] == nil else { throw ModelFileError(.duplicateVariable(variable), at: at) }
        let expression = String(rest[rest.index(after: equals)...])
        let valueColumn = column + rest.distance(from: rest.startIndex, to: equals) + 1
        var value = try evaluate(expression, SourceLocation(path: path, line: line.number, column: valueColumn))
        let override = overrides[variable]
        if let override { value = override }
        values[variable] = value
        variables.append(ParsedModel.Variable(name: variable, value: value, isOverridden: override != nil))
    }

    private mutating func parseInput(_ line: SourceLine) throws(ModelFileError) {
        let keyword = line.words[0]
        var words = Array(line.words.dropFirst())
        if let last = words.last, last.text.hasPrefix("name=") {
            let name = String(last.text.dropFirst(5))
            guard Self.isLayerName(name) else {
                throw error(.expected("an input name (letters, digits, '_', '.', '-')", found: name), line, last)
            }
            inputName = name
            words.removeLast()
        }
        guard !words.isEmpty else {
            throw error(.missingArgument("a shape", layer: "input", example: "input 28x28x1"), line, keyword)
        }
        guard words.count == 1 else { throw error(.unexpectedArgument(words[1].text, layer: "input"), line, words[1]) }
        let word = words[0]
        let dimensions = try size(word, line, what: "a shape like 28x28x1 or 784")
        guard dimensions.count == 1 || dimensions.count == 3 else {
            throw error(.expected("a shape like 28x28x1 (height x width x channels) or 784", found: word.text), line, word)
        }
        inputShape = Shape(dimensions)
    }

    /// The model name with every `{variable}` replaced by its value (`mobilenetv2_1.00_{size}`).
    private func interpolate(_ template: String, _ line: SourceLine, _ word: Word) throws(ModelFileError) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw error(.expected("'{variable}' in the model name", found: word.text), line, word)
            }
            let variable = String(rest[rest.index(after: open)..<close])
            guard let value = values[variable] else {
                throw error(.undefinedVariable(variable, suggestion: Suggestion.nearest(to: variable, in: values.keys.sorted())), line, word)
            }
            result += "\(value)"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    // MARK: - Layers

    private func parseLayer(_ keyword: LayerKeyword, _ line: SourceLine) throws(ModelFileError) -> LayerSpec {
        var arguments = try LayerArguments(line, keyword: keyword, path: path)
        var activation: Activation?
        var kind: LayerKind
        switch keyword {
        case .conv2d:
            let filters = try positiveInteger(arguments.required("the number of filters"), line, "filters")
            let kernel = try size2(arguments.required("a kernel size"), line, "kernel size")
            activation = try arguments.optional().map { word throws(ModelFileError) in try parseActivation(word, line) }
            kind = .conv2D(Conv2D(filters: filters, kernelSize: kernel))
        case .dense:
            let units = try positiveInteger(arguments.required("the number of units"), line, "units")
            activation = try arguments.optional().map { word throws(ModelFileError) in try parseActivation(word, line) }
            kind = .dense(Dense(units: units))
        case .maxpool2d, .avgpool2d:
            let pool = Pooling2D(poolSize: try size2(arguments.required("a pool size"), line, "pool size"))
            kind = keyword == .maxpool2d ? .maxPooling2D(pool) : .averagePooling2D(pool)
        case .globalavgpool2d:
            kind = .globalAveragePooling2D
        case .batchnorm:
            kind = .batchNormalization(BatchNormalization())
        case .dropout:
            let word = try arguments.required("a rate")
            guard let rate = Double(word.text), rate.isFinite, rate >= 0, rate < 1 else {
                throw error(.expected("a rate in [0, 1) for 'dropout'", found: word.text), line, word)
            }
            kind = .dropout(Dropout(rate: rate))
        case .activation:
            kind = .activation(try parseActivation(arguments.required("an activation"), line))
        case .flatten:
            kind = .flatten
        case .depthwiseconv2d:
            let kernel = try size2(arguments.required("a kernel size"), line, "kernel size")
            activation = try arguments.optional().map { word throws(ModelFileError) in try parseActivation(word, line) }
            kind = .depthwiseConv2D(DepthwiseConv2D(kernelSize: kernel))
        case .zeropad2d:
            let amount = try arguments.optional().map { word throws(ModelFileError) in
                try size(word, line, what: "a padding like 1 or 1x2 (rows x columns)", allowZero: true)
            } ?? [0]
            guard amount.count <= 2 else {
                throw error(.expected("a padding like 1 or 1x2 (rows x columns)", found: line.words[1].text), line, line.words[1])
            }
            let rows = amount[0], columns = amount.count == 2 ? amount[1] : amount[0]
            kind = .zeroPadding2D(ZeroPadding2D(top: rows, bottom: rows, left: columns, right: columns))
        case .relu:
            kind = .reLU(ReLU())
        case .add:
            kind = .add
        }
        var inputs = keyword == .add ? try arguments.remainingAsNames(line: line, path: path) : []
        if keyword == .add, inputs.count < 2 {
            throw error(.missingArgument("two or more input layers", layer: "add", example: keyword.example), line, line.words[0])
        }
        try arguments.finishPositional()

        var layer = LayerSpec(kind)
        for (option, word) in arguments.options {
            switch option {
            case "from":
                inputs = try Self.names(word, line: line, path: path)
            case "name":
                guard Self.isLayerName(word.text) else {
                    throw error(.expected("a layer name (letters, digits, '_', '.', '-')", found: word.text), line, word)
                }
                layer.name = word.text
            case "trainable":
                layer.trainable = try boolean(word, line, option)
            case "activation":
                guard activation == nil else { throw error(.duplicateOption("activation"), line, word) }
                activation = try parseActivation(word, line)
            case "stride", "strides":
                let strides = try size2(word, line, "stride")
                switch kind {
                case .conv2D(var conv): conv.strides = strides; kind = .conv2D(conv)
                case .depthwiseConv2D(var conv): conv.strides = strides; kind = .depthwiseConv2D(conv)
                case .maxPooling2D(var pool): pool.strides = strides; kind = .maxPooling2D(pool)
                case .averagePooling2D(var pool): pool.strides = strides; kind = .averagePooling2D(pool)
                default: preconditionFailure("stride accepted for \(keyword)")
                }
            case "padding":
                guard let padding = Padding(rawValue: word.text) else {
                    throw error(.expected("'valid' or 'same' for 'padding'", found: word.text), line, word)
                }
                switch kind {
                case .conv2D(var conv): conv.padding = padding; kind = .conv2D(conv)
                case .depthwiseConv2D(var conv): conv.padding = padding; kind = .depthwiseConv2D(conv)
                case .maxPooling2D(var pool): pool.padding = padding; kind = .maxPooling2D(pool)
                case .averagePooling2D(var pool): pool.padding = padding; kind = .averagePooling2D(pool)
                default: preconditionFailure("padding accepted for \(keyword)")
                }
            case "bias", "use_bias":
                let useBias = try boolean(word, line, option)
                switch kind {
                case .conv2D(var conv): conv.useBias = useBias; kind = .conv2D(conv)
                case .depthwiseConv2D(var conv): conv.useBias = useBias; kind = .depthwiseConv2D(conv)
                case .dense(var dense): dense.useBias = useBias; kind = .dense(dense)
                default: preconditionFailure("bias accepted for \(keyword)")
                }
            case "momentum", "epsilon":
                guard case .batchNormalization(var norm) = kind else { preconditionFailure("\(option) for \(keyword)") }
                let isMomentum = option == "momentum"
                guard let value = Double(word.text), value.isFinite,
                      isMomentum ? (value >= 0 && value < 1) : value > 0 else {
                    throw error(.expected(isMomentum ? "a momentum in [0, 1)" : "a positive epsilon", found: word.text),
                                line, word)
                }
                if isMomentum { norm.momentum = value } else { norm.epsilon = value }
                kind = .batchNormalization(norm)
            case "multiplier", "depth_multiplier":
                guard case .depthwiseConv2D(var conv) = kind else { preconditionFailure("\(option) for \(keyword)") }
                conv.depthMultiplier = try positiveInteger(word, line, "depth multiplier")
                kind = .depthwiseConv2D(conv)
            case "top", "bottom", "left", "right":
                guard case .zeroPadding2D(var padding) = kind else { preconditionFailure("\(option) for \(keyword)") }
                let amount = try size(word, line, what: "a padding of 0 or more for '\(option)'", allowZero: true)
                guard amount.count == 1 else { throw error(.expected("a padding of 0 or more for '\(option)'", found: word.text), line, word) }
                switch option {
                case "top": padding.top = amount[0]
                case "bottom": padding.bottom = amount[0]
                case "left": padding.left = amount[0]
                default: padding.right = amount[0]
                }
                kind = .zeroPadding2D(padding)
            case "max", "max_value":
                guard let value = Double(word.text), value.isFinite, value > 0 else {
                    throw error(.expected("a positive cap for 'max'", found: word.text), line, word)
                }
                kind = .reLU(ReLU(maxValue: value))
            default:
                preconditionFailure("LayerArguments accepted unknown option \(option)")
            }
        }
        layer.inputs = inputs
        if let activation {
            switch kind {
            case .conv2D(var conv): conv.activation = activation; kind = .conv2D(conv)
            case .depthwiseConv2D(var conv): conv.activation = activation; kind = .depthwiseConv2D(conv)
            case .dense(var dense): dense.activation = activation; kind = .dense(dense)
            default: preconditionFailure("activation accepted for \(keyword)")
            }
        }
        layer.kind = kind
        return layer
    }

    /// Layer names: a letter or `_` first, then letters, digits, `_`, `.` or `-`.
    static func isLayerName(_ text: String) -> Bool {
        guard let first = text.first, IntegerExpression.isIdentifierStart(first) else { return false }
        return text.allSatisfy { IntegerExpression.isIdentifierBody($0) || $0 == "." || $0 == "-" }
    }

    // MARK: - Values

    /// Comma-separated layer names (`from=a,b`).
    static func names(_ word: Word, line: SourceLine, path: String) throws(ModelFileError) -> [String] {
        let names = word.text.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        for name in names where !isLayerName(name) {
            throw ModelFileError(.expected("layer names separated by commas", found: word.text),
                                 at: SourceLocation(path: path, line: line.number, column: word.column))
        }
        return names
    }

    private func evaluate(_ text: String, _ at: SourceLocation) throws(ModelFileError) -> Int {
        do {
            return try IntegerExpression.evaluate(text, variables: values)
        } catch {
            guard case .reason(let reason) = error else { preconditionFailure() }
            throw ModelFileError(reason, at: at)
        }
    }

    private func positiveInteger(_ word: Word, _ line: SourceLine, _ what: String) throws(ModelFileError) -> Int {
        let value = try evaluate(word.text, location(line, word))
        guard value > 0 else {
            // Echo the value too when the word is an expression: `found 'n = 0'` after `--set n=0`.
            let found = Int(word.text) == nil ? "\(word.text) = \(value)" : word.text
            throw error(.expected("a positive integer for '\(what)'", found: found), line, word)
        }
        return value
    }

    private func size(_ word: Word, _ line: SourceLine, what: String, allowZero: Bool = false) throws(ModelFileError) -> [Int] {
        var dimensions: [Int] = []
        for part in IntegerExpression.sizeParts(word.text) {
            guard !part.isEmpty else { throw error(.expected(what, found: word.text), line, word) }
            let value = try evaluate(part, location(line, word))
            guard allowZero ? value >= 0 : value > 0 else { throw error(.expected(what, found: word.text), line, word) }
            dimensions.append(value)
        }
        return dimensions
    }

    private func size2(_ word: Word, _ line: SourceLine, _ what: String) throws(ModelFileError) -> Size2 {
        let description = "a positive \(what) like 3 or 3x3"
        let parts = try size(word, line, what: description)
        switch parts.count {
        case 1: return Size2(square: parts[0])
        case 2: return Size2(parts[0], parts[1])
        default: throw error(.expected(description, found: word.text), line, word)
        }
    }

    private func boolean(_ word: Word, _ line: SourceLine, _ option: String) throws(ModelFileError) -> Bool {
        switch word.text {
        case "true": return true
        case "false": return false
        default: throw error(.expected("true or false for '\(option)'", found: word.text), line, word)
        }
    }

    private func parseActivation(_ word: Word, _ line: SourceLine) throws(ModelFileError) -> Activation {
        guard let activation = Activation(rawValue: word.text) else {
            let suggestion = Suggestion.nearest(to: word.text, in: Activation.allCases.map(\.rawValue))
            throw error(.unknownActivation(word.text, suggestion: suggestion), line, word)
        }
        return activation
    }

    private func location(_ line: SourceLine, _ word: Word) -> SourceLocation {
        SourceLocation(path: path, line: line.number, column: word.column)
    }

    private func error(_ reason: ModelFileError.Reason, _ line: SourceLine, _ word: Word) -> ModelFileError {
        ModelFileError(reason, at: location(line, word))
    }
}

/// The arguments of one layer line: positional words in order, then `key=value` options.
private struct LayerArguments {
    private let line: SourceLine
    private let keyword: LayerKeyword
    private let path: String
    private var positional: [Word]
    private var next = 0
    /// Options in the order written, with the value's word.
    private(set) var options: [(String, Word)] = []

    init(_ line: SourceLine, keyword: LayerKeyword, path: String) throws(ModelFileError) {
        self.line = line
        self.keyword = keyword
        self.path = path
        var positional: [Word] = []
        var seen = Set<String>()
        let accepted = ["name", "trainable"] + (keyword == .add ? [] : ["from"]) + keyword.options
        for word in line.words.dropFirst() {
            guard let equals = word.text.firstIndex(of: "=") else {
                positional.append(word)
                continue
            }
            let key = String(word.text[..<equals])
            let valueText = String(word.text[word.text.index(after: equals)...])
            let at = SourceLocation(path: path, line: line.number, column: word.column)
            guard accepted.contains(key) else {
                let suggestion = Suggestion.nearest(to: key, in: accepted)
                throw ModelFileError(.unknownOption(option: key, layer: keyword.rawValue, suggestion: suggestion), at: at)
            }
            let canonical = ["strides": "stride", "use_bias": "bias", "depth_multiplier": "multiplier", "max_value": "max"][key] ?? key
            guard seen.insert(canonical).inserted else { throw ModelFileError(.duplicateOption(key), at: at) }
            guard !valueText.isEmpty else { throw ModelFileError(.expected("a value after '\(key)='", found: word.text), at: at) }
            let valueColumn = word.column + word.text.distance(from: word.text.startIndex, to: equals) + 1
            options.append((key, Word(text: valueText, column: valueColumn)))
        }
        self.positional = positional
    }

    /// The next positional argument, which must be present.
    mutating func required(_ description: String) throws(ModelFileError) -> Word {
        guard next < positional.count else {
            throw ModelFileError(.missingArgument(description, layer: keyword.rawValue, example: keyword.example),
                                 at: SourceLocation(path: path, line: line.number, column: line.words[0].column))
        }
        next += 1
        return positional[next - 1]
    }

    /// The next positional argument, if any.
    mutating func optional() -> Word? {
        guard next < positional.count else { return nil }
        next += 1
        return positional[next - 1]
    }

    /// Every remaining positional argument read as comma-separated layer names (`add a, b` or `add a,b`).
    mutating func remainingAsNames(line: SourceLine, path: String) throws(ModelFileError) -> [String] {
        let words = positional[next...]
        next = positional.count
        guard let first = words.first else { return [] }
        let joined = words.map(\.text).joined(separator: ",")
        let names = joined.split(separator: ",").map(String.init)
        guard names.allSatisfy(ModelFileParser.isLayerName) else {
            throw ModelFileError(.expected("layer names separated by commas", found: words.map(\.text).joined(separator: " ")),
                                 at: SourceLocation(path: path, line: line.number, column: first.column))
        }
        return names
    }

    /// Fails if positional arguments are left over.
    func finishPositional() throws(ModelFileError) {
        guard next < positional.count else { return }
        let extra = positional[next]
        throw ModelFileError(.unexpectedArgument(extra.text, layer: keyword.rawValue),
                             at: SourceLocation(path: path, line: line.number, column: extra.column))
    }
}
