// GEMMWorkspacePointers: the workspace's memory cut into per-work-item slices, as plain pointers that can cross
// into concurrentPerform.

/// Sizes, in floats, of one work item's slice of the workspace.
struct GEMMItemLayout: Equatable {
    /// Packed 6-row panels of A: `[panel][depth][6]`.
    var packedAFloats: Int
    /// Packed 16-column panels of B for items that pack their own B (depth-split parts).
    var packedBFloats: Int
    /// A private C for depth-split parts.
    var partialFloats: Int

    /// The accumulator spill area of `GEMMTile.storePartial` (6 × 16 floats).
    static let scratchFloats = 96

    /// Floats from one item's slice to the next; every part starts on a 64-byte boundary.
    var stride: Int {
        Self.rounded(packedAFloats) + Self.rounded(packedBFloats) + Self.rounded(partialFloats) + Self.scratchFloats
    }

    static func rounded(_ floats: Int) -> Int { (floats + 15) & ~15 }
}

/// The workspace's memory as plain pointers.
///
/// `@unchecked Sendable` because `concurrentPerform` closures must be `@Sendable` and raw pointers are not: every
/// work item writes only its own slice (`item(_:)`) or its own panels of `shared`, so no two threads write the
/// same float and the caller's `multiply` does not return before all items are done.
struct GEMMWorkspacePointers: @unchecked Sendable {
    let shared: UnsafeMutablePointer<Float>
    let items: UnsafeMutablePointer<Float>
    let layout: GEMMItemLayout

    /// The slice of work item `index`.
    func item(_ index: Int) -> GEMMItemBuffers {
        var cursor = items + index * layout.stride
        let packedA = cursor
        cursor += GEMMItemLayout.rounded(layout.packedAFloats)
        let packedB = cursor
        cursor += GEMMItemLayout.rounded(layout.packedBFloats)
        let partial = cursor
        cursor += GEMMItemLayout.rounded(layout.partialFloats)
        return GEMMItemBuffers(packedA: packedA, packedB: packedB, partial: partial, scratch: cursor)
    }
}

/// One work item's buffers.
struct GEMMItemBuffers {
    let packedA: UnsafeMutablePointer<Float>
    let packedB: UnsafeMutablePointer<Float>
    let partial: UnsafeMutablePointer<Float>
    let scratch: UnsafeMutablePointer<Float>
}
