// How the weight-gradient kernel (ConvolutionParameterGradients.swift) cuts a kernel's taps (c, ky, kx) into
// groups of up to three that one register tile handles together.
//
// Legend: c = input channel, ky/kx = kernel row/column.

/// Up to three kernel taps on one kernel row, handled by one register tile.
struct WeightGradientTapGroup {
    /// The kernel row (ky) of every tap.
    var tapRow: Int
    /// Taps in the group, 1 to 3.
    var count: Int
    /// Input channel and kernel column of each tap (entries past `count` unused).
    var channels: (Int, Int, Int)
    var tapColumns: (Int, Int, Int)
}

/// How the taps `(c, ky, kx)` of a kernel are cut into tile groups, enumerated by index without allocating.
struct WeightGradientTapGroups {
    let inputChannels: Int, kernelHeight: Int, kernelWidth: Int
    /// True when groups are 2–3 channels at one tap (≥ 6 channels); otherwise (kx, c) pairs of one kernel row.
    let groupsByChannel: Bool
    /// Groups per kernel row when grouping pairs, channel groups when grouping by channel.
    private let groupsPerUnit: Int
    /// Number of groups.
    let count: Int

    init(geometry: ConvolutionGeometry) {
        inputChannels = geometry.inputChannels
        kernelHeight = geometry.window.windowHeight
        kernelWidth = geometry.window.windowWidth
        groupsByChannel = inputChannels >= 6
        if groupsByChannel {
            groupsPerUnit = balancedBlockCount(total: inputChannels, maximum: 3)
            count = groupsPerUnit * kernelHeight * kernelWidth
        } else {
            groupsPerUnit = balancedBlockCount(total: kernelWidth * inputChannels, maximum: 3)
            count = groupsPerUnit * kernelHeight
        }
    }

    /// Group `index`: by channel, index = (channelGroup · kh + ky) · kw + kx; by pair, index = ky · groups + g.
    @inline(__always)
    func group(_ index: Int) -> WeightGradientTapGroup {
        if groupsByChannel {
            let tap = index % (kernelHeight * kernelWidth)
            let channels = balancedBlock(index / (kernelHeight * kernelWidth), total: inputChannels, maximum: 3)
            let first = channels.lowerBound, column = tap % kernelWidth
            return WeightGradientTapGroup(tapRow: tap / kernelWidth, count: channels.count,
                                          channels: (first, first + 1, first + 2),
                                          tapColumns: (column, column, column))
        }
        let pairs = balancedBlock(index % groupsPerUnit, total: kernelWidth * inputChannels, maximum: 3)
        let first = pairs.lowerBound
        return WeightGradientTapGroup(
            tapRow: index / groupsPerUnit, count: pairs.count,
            channels: (first % inputChannels, (first + 1) % inputChannels, (first + 2) % inputChannels),
            tapColumns: (first / inputChannels, (first + 1) / inputChannels, (first + 2) / inputChannels))
    }
}
