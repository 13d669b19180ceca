// Where a data set's files are: the embedded MNIST, an installed Fashion-MNIST, or any folder.

import Foundation

/// Names a data set the way the command line does: `mnist`, `fashion-mnist`, or a folder path.
public enum DatasetSource: Hashable, Sendable, CustomStringConvertible {
    /// MNIST, embedded in Pare as a resource: works with no flags from any directory.
    case mnist
    /// Fashion-MNIST, looked up in `$PARE_DATA`, `$PARE_DATA/fashion-mnist`, then
    /// `/usr/share/datasets/fashion-mnist` (where Debian's `dataset-fashion-mnist` installs it).
    case fashionMNIST
    /// A folder holding `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte` and
    /// `t10k-labels-idx1-ubyte`, each optionally gzipped (`.gz`).
    case folder(String)

    /// The source a command-line word names; `mnist` and `fashion-mnist` win over folders of the same name
    /// (write `./mnist` for the folder).
    public init(_ argument: String) {
        switch argument {
        case "mnist": self = .mnist
        case "fashion-mnist": self = .fashionMNIST
        default: self = .folder(argument)
        }
    }

    /// The data set's name: `mnist`, `fashion-mnist`, or the folder's last path component.
    public var name: String {
        switch self {
        case .mnist: "mnist"
        case .fashionMNIST: "fashion-mnist"
        case .folder(let path): URL(fileURLWithPath: path).lastPathComponent
        }
    }

    /// The command-line spelling.
    public var description: String {
        switch self {
        case .mnist, .fashionMNIST: name
        case .folder(let path): path
        }
    }

    /// The environment variable naming a folder of data sets.
    public static let dataEnvironmentVariable = "PARE_DATA"
    /// Where Debian's `dataset-fashion-mnist` package installs Fashion-MNIST.
    public static let systemFashionMNISTFolder = "/usr/share/datasets/fashion-mnist"

    /// The folder holding the four IDX files.
    ///
    /// - Parameters:
    ///   - environment: the process environment (`PARE_DATA` is read from it).
    ///   - systemFolder: where an installed Fashion-MNIST lives.
    public func folder(environment: [String: String] = ProcessInfo.processInfo.environment,
                       systemFolder: String = systemFashionMNISTFolder) throws(DatasetError) -> String {
        switch self {
        case .mnist:
            return try EmbeddedMNIST.folder()
        case .fashionMNIST:
            var candidates: [String] = []
            let root = environment[Self.dataEnvironmentVariable] ?? ""
            if !root.isEmpty {
                candidates += [root, URL(fileURLWithPath: root).appendingPathComponent(name).path]
            }
            candidates.append(systemFolder)
            if let found = candidates.first(where: { DatasetFiles.holdsDataset($0) }) { return found }
            let searched = root.isEmpty ? candidates + ["$\(Self.dataEnvironmentVariable) is not set"] : candidates
            throw .notFound(dataset: name, searched: searched,
                            installHint: "install it with 'apt install dataset-fashion-mnist', "
                                + "or set \(Self.dataEnvironmentVariable) or pass a folder holding its IDX files")
        case .folder(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .noSuchFolder(path)
            }
            return path
        }
    }
}
