// SIMD16 access to the lane layout: one vector holds the same feature of the 16 samples of a chunk.

/// One feature of the 16 samples of a chunk.
typealias Lanes = SIMD16<Float>

/// Loads the 16 lanes starting at `pointer` (no alignment requirement).
@inline(__always)
func loadLanes(_ pointer: UnsafePointer<Float>) -> Lanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
}

/// Stores 16 lanes starting at `pointer` (no alignment requirement).
@inline(__always)
func storeLanes(_ value: Lanes, to pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
}
