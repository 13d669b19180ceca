// Whether pooling windows cover their input exactly once, which lets the fast pooling backward kernels write
// the input gradient directly instead of zeroing it first.

extension WindowGeometry {
    /// True when the windows cover every input position exactly once.
    var tilesInputExactly: Bool {
        strideHeight == windowHeight && strideWidth == windowWidth && padTop == 0 && padLeft == 0
            && outputHeight * strideHeight == inputHeight && outputWidth * strideWidth == inputWidth
    }
}
