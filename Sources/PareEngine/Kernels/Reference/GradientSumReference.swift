// Reference reduction of the work items' gradient vectors, in a fixed order so the result never depends on
// which thread computed which item.

/// For each index in `range`: `vectors[0][index] = ((v0 + v1) + v2) + …` over `vectorCount` vectors laid out
/// `stride` floats apart.
func sumGradientVectorsReference(vectors: UnsafeMutablePointer<Float>, stride: Int, vectorCount: Int,
                                 range: Range<Int>) {
    for index in range {
        var sum = vectors[index]
        for vector in 1..<max(vectorCount, 1) {
            sum += vectors[vector * stride + index]
        }
        vectors[index] = sum
    }
}
