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

/// The lane indices 0…15.
let laneIndices = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)

/// A mask that is true in the first `validLanes` lanes (clamped to 0…16).
@inline(__always)
func validLaneMask(_ validLanes: Int) -> SIMDMask<SIMD16<Int32>> {
    laneIndices .< SIMD16<Int32>(repeating: Int32(max(0, min(LaneLayout.laneCount, validLanes))))
}
