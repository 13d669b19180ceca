// GEMMWorkspace: the packing buffers of GEMM, owned by the caller and reused across calls, so that a training
// step allocates nothing once every GEMM shape it uses has been seen once.

/// Reusable scratch memory for `GEMM.multiply`: packed panels of A and B, edge tiles and depth-split partial
/// results. Buffers grow to the largest problem seen and are never shrunk.
///
/// Thread safety: a workspace serves one `GEMM.multiply` call at a time. GEMM's own worker threads share it
/// safely (each work item owns a disjoint slice); two concurrent calls need two workspaces.
public final class GEMMWorkspace {
    /// Packed B block shared by all work items: `[panel][depth][16]`.
    private(set) var shared = GEMMBuffer()
    /// One slice per work item, `itemStride` floats apart (see `GEMMItemLayout`).
    private(set) var items = GEMMBuffer()
    private(set) var itemLayout = GEMMItemLayout(packedAFloats: 0, packedBFloats: 0, partialFloats: 0)
    private(set) var itemCount = 0

    /// An empty workspace; buffers are allocated by the first products that need them.
    public init() {}

    /// Grows the buffers to hold a shared B block of `sharedFloats` and `count` item slices of `layout`.
    func reserve(sharedFloats: Int, items count: Int, layout: GEMMItemLayout) {
        shared.reserve(sharedFloats)
        let grown = GEMMItemLayout(packedAFloats: max(layout.packedAFloats, itemLayout.packedAFloats),
                                   packedBFloats: max(layout.packedBFloats, itemLayout.packedBFloats),
                                   partialFloats: max(layout.partialFloats, itemLayout.partialFloats))
        itemLayout = grown
        itemCount = max(count, itemCount)
        items.reserve(itemCount * grown.stride)
    }

    /// Raw pointers to the reserved buffers, for handing to worker threads.
    var pointers: GEMMWorkspacePointers {
        GEMMWorkspacePointers(shared: shared.pointer, items: items.pointer, layout: itemLayout)
    }
}

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

/// A growable, 64-byte aligned float buffer whose contents are not preserved when it grows.
final class GEMMBuffer {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var capacity = 0

    init() {
        // A valid, never-dereferenced address until the first `reserve`.
        pointer = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 64).bindMemory(to: Float.self, capacity: 16)
        capacity = 16
    }

    func reserve(_ floats: Int) {
        guard floats > capacity else { return }
        pointer.deallocate()
        let grown = max(floats, capacity + capacity / 2)
        pointer = UnsafeMutableRawPointer.allocate(byteCount: grown * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: grown)
        capacity = grown
    }

    deinit { pointer.deallocate() }
}
