// Every way loading or slicing a data set can fail, each rendered as one compiler-style line.

/// A data set that cannot be found, read or used, with the file and what is wrong.
///
/// `description` is the line Pare prints, e.g.
/// `…/train-images-idx3-ubyte.gz: error: wrong IDX magic 0x00000801, expected 0x00000803 (images)`.
public enum DatasetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A named data set found in none of the places searched.
    case notFound(dataset: String, searched: [String], installHint: String)
    /// The embedded MNIST resource is missing from the build.
    case embeddedDataMissing(searched: [String])
    /// A folder given as a data set does not exist (or is not a folder).
    case noSuchFolder(String)
    /// A data set folder lacks one of the four IDX files (with or without `.gz`).
    case missingFile(folder: String, fileName: String)
    /// A file exists but cannot be read.
    case unreadable(path: String)
    /// A gzipped file whose stream is malformed.
    case gzip(path: String, GzipError)
    /// A gzipped IDX file whose stream ends before the size its IDX header announces.
    case truncatedGzip(path: String, expectedBytes: Int, decodedBytes: Int)
    /// An IDX file whose magic number is not the expected kind.
    case wrongMagic(path: String, found: UInt32, expected: UInt32, kind: String)
    /// An IDX header with a zero dimension, or dimensions whose product overflows.
    case invalidDimensions(path: String, dimensions: [Int])
    /// IDX contents shorter or longer than the header's dimensions require (`dimensions` is empty when the
    /// header itself is cut short).
    case dataSizeMismatch(path: String, dimensions: [Int], expectedBytes: Int, actualBytes: Int)
    /// An images file and its labels file that disagree on the number of examples.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
    /// A label not below the class count (the largest training label + 1).
    case labelOutOfRange(path: String, index: Int, label: Int, classCount: Int)
    /// Test images of a different size than the training images.
    case imageShapeMismatch(path: String, found: ImageShape, expected: ImageShape)
    /// A train/test example limit that is not positive.
    case invalidLimit(option: String, value: Int)
    /// A validation fraction outside (0, 1).
    case invalidValidationFraction(Double)
    /// A class subset naming a class the data set does not have, or one class twice.
    case invalidClassSubset(classes: [Int], classCount: Int)

    /// The file or data set the error is about, if any.
    public var path: String? {
        switch self {
        case .notFound(let dataset, _, _): dataset
        case .noSuchFolder(let path), .unreadable(let path), .gzip(let path, _): path
        case .missingFile(let folder, _): folder
        case .truncatedGzip(let path, _, _), .wrongMagic(let path, _, _, _), .invalidDimensions(let path, _),
             .dataSizeMismatch(let path, _, _, _), .labelOutOfRange(let path, _, _, _),
             .imageShapeMismatch(let path, _, _): path
        case .countMismatch(_, _, let labelsPath, _): labelsPath
        case .embeddedDataMissing, .invalidLimit, .invalidValidationFraction, .invalidClassSubset: nil
        }
    }

    /// The message without the path prefix.
    public var message: String {
        switch self {
        case .notFound(_, let searched, let installHint):
            return "data set not found (looked in \(searched.joined(separator: ", "))); \(installHint)"
        case .embeddedDataMissing(let searched):
            return "the embedded MNIST files were not found (looked in \(searched.joined(separator: ", "))); "
                + "keep \(EmbeddedMNIST.bundleName) next to the pare executable, or pass --dataset FOLDER"
        case .noSuchFolder:
            return "no such data set folder; expected 'mnist', 'fashion-mnist' or a folder holding IDX files"
        case .missingFile(_, let fileName):
            return "missing \(fileName) (or \(fileName).gz) in this data set folder"
        case .unreadable:
            return "cannot read the file"
        case .gzip(_, let error):
            return error.description
        case .truncatedGzip(_, let expectedBytes, let decodedBytes):
            return "truncated gzip stream (expected \(expectedBytes) bytes, got \(decodedBytes))"
        case .wrongMagic(_, let found, let expected, let kind):
            return "wrong IDX magic \(Self.hex(found)), expected \(Self.hex(expected)) (\(kind))"
        case .invalidDimensions(_, let dimensions):
            return "invalid IDX dimensions \(Self.dimensions(dimensions)) (each must be at least 1, "
                + "and their product must fit in memory)"
        case .dataSizeMismatch(_, let dimensions, let expectedBytes, let actualBytes) where dimensions.isEmpty:
            return "truncated IDX header (expected \(expectedBytes) bytes, got \(actualBytes))"
        case .dataSizeMismatch(_, let dimensions, let expectedBytes, let actualBytes):
            let problem = actualBytes < expectedBytes ? "truncated IDX data" : "IDX data longer than its header says"
            return "\(problem) (header \(Self.dimensions(dimensions)) needs \(expectedBytes) bytes, got \(actualBytes))"
        case .countMismatch(let imagesPath, let images, _, let labels):
            return "\(labels) labels but \(images) images in \(imagesPath)"
        case .labelOutOfRange(_, let index, let label, let classCount):
            return "label \(label) of example \(index) is not below the class count \(classCount) "
                + "(the largest training label + 1)"
        case .imageShapeMismatch(_, let found, let expected):
            return "images are \(found) but the training images are \(expected)"
        case .invalidLimit(let option, let value):
            return "\(option) must be a positive number of examples, got \(value)"
        case .invalidValidationFraction(let fraction):
            return "validation fraction must be between 0 and 1 (exclusive), got \(fraction)"
        case .invalidClassSubset(let classes, let classCount):
            let list = classes.map(String.init).joined(separator: ",")
            return "invalid class subset \(list): classes must be distinct and below \(classCount)"
        }
    }

    /// `path: error: message`, or `error: message` when no file is involved.
    public var description: String {
        path.map { "\($0): error: \(message)" } ?? "error: \(message)"
    }

    /// `0x00000803`.
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// `60000x28x28`.
    private static func dimensions(_ dimensions: [Int]) -> String {
        dimensions.map(String.init).joined(separator: "x")
    }
}
