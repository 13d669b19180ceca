// Reads IDX files, the format of the original MNIST distribution, raw or gzipped.
//
// An IDX file is a big-endian magic 0x0000TTRR (TT = 0x08 for unsigned bytes, RR = rank), RR big-endian
// 32-bit dimensions, then the values in row-major order. Pare reads unsigned-byte images of rank 3
// ([N, H, W], one channel) or rank 4 ([N, H, W, C], channels-last) and unsigned-byte labels of rank 1.

import Foundation

/// The first examples of an IDX images file.
public struct IDXImages: Hashable, Sendable {
    /// The number of images the file's header announces.
    public var headerCount: Int
    /// The size of each image.
    public var shape: ImageShape
    /// The pixels of the first `count` images, `[count, height, width, channels]`.
    public var pixels: [UInt8]

    /// The number of images read (`headerCount`, or fewer under a limit).
    public var count: Int { pixels.count / shape.valueCount }
}

/// Parses IDX images and labels, checking the magic, the dimensions and the data size.
public enum IDXReader {
    /// The magic of `[N, H, W]` unsigned-byte images.
    public static let imagesMagic: UInt32 = 0x0000_0803
    /// The magic of `[N, H, W, C]` unsigned-byte images.
    public static let channelImagesMagic: UInt32 = 0x0000_0804
    /// The magic of `[N]` unsigned-byte labels.
    public static let labelsMagic: UInt32 = 0x0000_0801

    /// Reads the images file at `path` (gzipped or not).
    ///
    /// - Parameter limit: read only the first `limit` images. A gzipped file is then inflated only as far as
    ///   needed, so the bytes after them are not checked (neither their size nor the gzip CRC-32/ISIZE).
    ///   Without a limit, or with one of at least the header's count, the whole file is read and checked.
    public static func readImages(path: String, limit: Int? = nil) throws(DatasetError) -> IDXImages {
        try parseImages(fileBytes(path), path: path, limit: limit)
    }

    /// Reads the labels file at `path` (gzipped or not), all of it.
    public static func readLabels(path: String) throws(DatasetError) -> [UInt8] {
        try parseLabels(fileBytes(path), path: path)
    }

    /// Parses the contents of an images file (gzipped or not); `path` is used in messages.
    public static func parseImages(_ bytes: [UInt8], path: String, limit: Int? = nil) throws(DatasetError) -> IDXImages {
        let (dimensions, headerSize) = try header(of: bytes, path: path, accepting: [imagesMagic, channelImagesMagic],
                                                  kind: "images")
        let count = dimensions[0]
        let shape = ImageShape(height: dimensions[1], width: dimensions[2],
                               channels: dimensions.count == 4 ? dimensions[3] : 1)
        let taken = min(limit ?? count, count)
        let contents = try payload(of: bytes, path: path, dimensions: dimensions, headerSize: headerSize,
                                   neededBytes: headerSize + taken * shape.valueCount, isPrefix: taken < count)
        return IDXImages(headerCount: count, shape: shape, pixels: Array(contents[headerSize...]))
    }

    /// Parses the contents of a labels file (gzipped or not); `path` is used in messages.
    public static func parseLabels(_ bytes: [UInt8], path: String) throws(DatasetError) -> [UInt8] {
        let (dimensions, headerSize) = try header(of: bytes, path: path, accepting: [labelsMagic], kind: "labels")
        let contents = try payload(of: bytes, path: path, dimensions: dimensions, headerSize: headerSize,
                                   neededBytes: headerSize + dimensions[0], isPrefix: false)
        return Array(contents[headerSize...])
    }

    // MARK: - Steps

    /// The whole file.
    private static func fileBytes(_ path: String) throws(DatasetError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        return [UInt8](data)
    }

    /// The magic-checked dimensions and the header's size in bytes.
    private static func header(of bytes: [UInt8], path: String, accepting magics: [UInt32],
                               kind: String) throws(DatasetError) -> (dimensions: [Int], size: Int) {
        // The longest header Pare accepts: magic + 4 dimensions.
        let start = try decoded(bytes, path: path, maxOutputBytes: 4 + 4 * 4)
        guard start.count >= 4 else {
            throw .dataSizeMismatch(path: path, dimensions: [], expectedBytes: 4, actualBytes: start.count)
        }
        let magic = bigEndianUInt32(start, at: 0)
        guard magics.contains(magic) else {
            throw .wrongMagic(path: path, found: magic, expected: magics[0], kind: kind)
        }
        let rank = Int(magic & 0xFF)
        let size = 4 + 4 * rank
        guard start.count >= size else {
            throw .dataSizeMismatch(path: path, dimensions: [], expectedBytes: size, actualBytes: start.count)
        }
        let dimensions = (0..<rank).map { Int(bigEndianUInt32(start, at: 4 + 4 * $0)) }
        // Every dimension at least 1, and the whole file's size representable.
        var product = 1
        for dimension in dimensions {
            let (next, overflow) = product.multipliedReportingOverflow(by: dimension)
            guard dimension > 0, !overflow else { throw .invalidDimensions(path: path, dimensions: dimensions) }
            product = next
        }
        guard !product.addingReportingOverflow(size).overflow else {
            throw .invalidDimensions(path: path, dimensions: dimensions)
        }
        return (dimensions, size)
    }

    /// The decoded file: exactly `neededBytes` of it when `isPrefix`, otherwise all of it, which must then be
    /// exactly as long as the header says.
    private static func payload(of bytes: [UInt8], path: String, dimensions: [Int], headerSize: Int,
                                neededBytes: Int, isPrefix: Bool) throws(DatasetError) -> [UInt8] {
        let expectedBytes = headerSize + dimensions.reduce(1, *)
        let contents: [UInt8]
        do throws(DatasetError) {
            contents = try decoded(bytes, path: path, maxOutputBytes: isPrefix ? neededBytes : nil)
        } catch .gzip(_, .truncatedData(let decodedBytes)) {
            throw .truncatedGzip(path: path, expectedBytes: expectedBytes, decodedBytes: decodedBytes)
        }
        if isPrefix ? contents.count < neededBytes : contents.count != neededBytes {
            throw .dataSizeMismatch(path: path, dimensions: dimensions, expectedBytes: expectedBytes,
                                    actualBytes: contents.count)
        }
        return contents
    }

    /// The file's contents, inflated if they are gzipped; at most `maxOutputBytes` of them.
    private static func decoded(_ bytes: [UInt8], path: String, maxOutputBytes: Int?) throws(DatasetError) -> [UInt8] {
        guard Gzip.isCompressed(bytes) else { return maxOutputBytes.map { Array(bytes.prefix($0)) } ?? bytes }
        do {
            return try Gzip.decompress(bytes, maxOutputBytes: maxOutputBytes)
        } catch {
            throw .gzip(path: path, error)
        }
    }

    /// The big-endian 32-bit value at `offset`.
    private static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { value, index in value << 8 | UInt32(bytes[offset + index]) }
    }
}
