// SIMD8 access to half of a lane-layout vector (8 of a chunk's 16 samples), for kernels whose register tiles
// need more accumulators than 16-lane vectors leave room for.

/// Eight lanes of a chunk vector.
typealias HalfLanes = SIMD8<Float>

/// Loads the 8 lanes starting at `pointer` (no alignment requirement).
@inline(__always)
func loadHalfLanes(_ pointer: UnsafePointer<Float>) -> HalfLanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: HalfLanes.self)
}

/// Stores 8 lanes starting at `pointer` (no alignment requirement).
@inline(__always)
func storeHalfLanes(_ value: HalfLanes, to pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: HalfLanes.self)
}
