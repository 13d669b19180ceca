// A static share of a fixed list of trainings (`--shard I/N`), for grids that need no coordination.

/// Shard `index` of `count`: the trainings at positions `index`, `index + count`, `index + 2·count`, … of a
/// fixed list. Every shard computes the same list, so the shards together cover it exactly once.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// 0-based, below `count`.
    public var index: Int
    /// How many shards share the list.
    public var count: Int

    /// Creates shard `index` (0-based) of `count`.
    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "shard \(index) of \(count) does not exist")
        self.index = index
        self.count = count
    }

    /// This shard's items, in their order. Round robin rather than contiguous blocks, so seeds of one grid point
    /// and neighbouring (similarly expensive) points spread over the shards.
    public func select<Item>(_ items: [Item]) -> [Item] {
        items.enumerated().filter { $0.offset % count == index }.map(\.element)
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }
}
