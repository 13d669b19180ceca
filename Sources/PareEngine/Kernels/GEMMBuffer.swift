// GEMMBuffer: one growable, aligned float allocation of the GEMM workspace.

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
