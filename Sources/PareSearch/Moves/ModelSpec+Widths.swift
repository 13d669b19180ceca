// The `width` move: the free widths of a model (hidden conv filters and dense units) and scaling them.

import PareModel

extension ModelSpec {
    /// Indices of the layers whose width the search may change: every Conv2D and every Dense except the
    /// output layer (the last Dense, whose units are the classes).
    public var widthSlots: [Int] {
        let output = layers.lastIndex { if case .dense = $0.kind { true } else { false } }
        return layers.indices.filter { index in
            switch layers[index].kind {
            case .conv2D: true
            case .dense: index != output
            default: false
            }
        }
    }

    /// The widths at `widthSlots`, in order.
    public var hiddenWidths: [Int] {
        widthSlots.compactMap { layers[$0].kind.width }
    }

    /// The model with `widths` at its width slots (precondition: one positive width per slot).
    public func settingHiddenWidths(_ widths: [Int]) -> ModelSpec {
        let slots = widthSlots
        precondition(widths.count == slots.count && widths.allSatisfy { $0 > 0 }, "widths \(widths) for \(slots.count) slots")
        var copy = self
        for (slot, width) in zip(slots, widths) {
            copy.layers[slot].kind = copy.layers[slot].kind.settingWidth(width)
        }
        return copy
    }

    /// The model with every hidden width multiplied by `scale` and rounded (at least 1).
    public func scalingHiddenWidths(by scale: Double) -> ModelSpec {
        settingHiddenWidths(hiddenWidths.map { max(1, Int((Double($0) * scale).rounded())) })
    }
}

extension LayerKind {
    /// Filters of a convolution or units of a dense layer; `nil` for other layers.
    public var width: Int? {
        switch self {
        case .conv2D(let conv): conv.filters
        case .dense(let dense): dense.units
        default: nil
        }
    }

    /// The same layer with another width (precondition: a convolution or dense layer).
    func settingWidth(_ width: Int) -> LayerKind {
        switch self {
        case .conv2D(var conv): conv.filters = width; return .conv2D(conv)
        case .dense(var dense): dense.units = width; return .dense(dense)
        default: preconditionFailure("settingWidth on \(self)")
        }
    }
}

/// The next narrower width for one NetAdapt step: one less up to 4, about three quarters above (at least 1
/// less), `nil` at 1.
public func narrowerWidth(_ width: Int) -> Int? {
    guard width > 1 else { return nil }
    return width <= 4 ? width - 1 : min(width - 1, Int((Double(width) * 0.75).rounded()))
}
