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
