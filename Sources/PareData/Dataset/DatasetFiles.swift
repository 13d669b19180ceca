// The four IDX files of a data set folder, each found with or without `.gz`.

import Foundation

/// The paths of a data set folder's IDX files.
struct DatasetFiles {
    /// The file names of the original MNIST distribution (also used by Fashion-MNIST).
    static let trainImagesName = "train-images-idx3-ubyte"
    static let trainLabelsName = "train-labels-idx1-ubyte"
    static let testImagesName = "t10k-images-idx3-ubyte"
    static let testLabelsName = "t10k-labels-idx1-ubyte"

    var trainImages: String
    var trainLabels: String
    var testImages: String
    var testLabels: String

    /// Finds the four files in `folder`; the uncompressed file wins when both forms exist.
    init(folder: String) throws(DatasetError) {
        trainImages = try Self.locate(Self.trainImagesName, in: folder)
        trainLabels = try Self.locate(Self.trainLabelsName, in: folder)
        testImages = try Self.locate(Self.testImagesName, in: folder)
        testLabels = try Self.locate(Self.testLabelsName, in: folder)
    }

    /// True when `folder` holds a training images file (the test for "a data set is here").
    static func holdsDataset(_ folder: String) -> Bool {
        existing(trainImagesName, in: folder) != nil
    }

    /// The path of `name` or `name.gz` in `folder`.
    private static func locate(_ name: String, in folder: String) throws(DatasetError) -> String {
        guard let path = existing(name, in: folder) else { throw .missingFile(folder: folder, fileName: name) }
        return path
    }

    /// The path of `name` or `name.gz` in `folder`, if either is a file.
    private static func existing(_ name: String, in folder: String) -> String? {
        let base = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        return [base, base + ".gz"].first { candidate in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}
