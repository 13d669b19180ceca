// Writes a model description back as canonical .pare text; `parse(print(spec)) == spec`.

extension ModelSpec {
    /// Canonical `.pare` text for this model: resolved numbers (no variables), options only where they differ
    /// from the defaults, explicit names only where the user gave them.
    public var pareText: String {
        var lines: [String] = []
        if let name { lines.append("model \"\(name)\"") }
        lines.append("input \(inputShape)" + (inputName.map { " name=\($0)" } ?? ""))
        for layer in layers { lines.append(layer.pareText) }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension LayerSpec {
    /// One canonical `.pare` line for this layer.
    public var pareText: String {
        var words = [kind.keyword.rawValue]
        var options: [String] = []
        switch kind {
        case .dense(let dense):
            words.append("\(dense.units)")
            if dense.activation != .linear { words.append(dense.activation.rawValue) }
            if !dense.useBias { options.append("bias=false") }
        case .conv2D(let conv):
            words += ["\(conv.filters)", "\(conv.kernelSize)"]
            if conv.activation != .linear { words.append(conv.activation.rawValue) }
            if conv.strides != Size2(square: 1) { options.append("stride=\(conv.strides)") }
            if conv.padding != .valid { options.append("padding=\(conv.padding.rawValue)") }
            if !conv.useBias { options.append("bias=false") }
        case .maxPooling2D(let pool), .averagePooling2D(let pool):
            words.append("\(pool.poolSize)")
            if let strides = pool.strides { options.append("stride=\(strides)") }
            if pool.padding != .valid { options.append("padding=\(pool.padding.rawValue)") }
        case .batchNormalization(let norm):
            let defaults = BatchNormalization()
            if norm.momentum != defaults.momentum { options.append("momentum=\(norm.momentum)") }
            if norm.epsilon != defaults.epsilon { options.append("epsilon=\(norm.epsilon)") }
        case .dropout(let dropout):
            words.append("\(dropout.rate)")
        case .activation(let activation):
            words.append(activation.rawValue)
        case .depthwiseConv2D(let conv):
            words.append("\(conv.kernelSize)")
            if conv.activation != .linear { words.append(conv.activation.rawValue) }
            if conv.strides != Size2(square: 1) { options.append("stride=\(conv.strides)") }
            if conv.padding != .valid { options.append("padding=\(conv.padding.rawValue)") }
            if conv.depthMultiplier != 1 { options.append("multiplier=\(conv.depthMultiplier)") }
            if !conv.useBias { options.append("bias=false") }
        case .zeroPadding2D(let padding):
            if Set([padding.top, padding.bottom, padding.left, padding.right]).count == 1 {
                words.append("\(padding.top)")
            } else {
                options += ["top=\(padding.top)", "bottom=\(padding.bottom)", "left=\(padding.left)", "right=\(padding.right)"]
            }
        case .reLU(let relu):
            if let maxValue = relu.maxValue { options.append("max=\(maxValue)") }
        case .add:
            words.append(inputs.joined(separator: ", "))
        case .globalAveragePooling2D, .flatten:
            break
        }
        if !inputs.isEmpty, kind != .add { options.append("from=\(inputs.joined(separator: ","))") }
        if !trainable { options.append("trainable=false") }
        if let name { options.append("name=\(name)") }
        return (words + options).joined(separator: " ")
    }
}
