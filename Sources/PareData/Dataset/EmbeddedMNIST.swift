// Finding the MNIST files vendored into the package as a SwiftPM resource — without SwiftPM's generated
// `Bundle.module`, which stops the process when the resource bundle is not where it expects it.

import Foundation

/// The location of the embedded MNIST resource folder.
enum EmbeddedMNIST {
    /// SwiftPM's name for PareData's resource bundle (`<package>_<target>.resources`).
    static let bundleName = "Pare_PareData.resources"

    /// Where the resource bundle may be: beside the running executable (as `swift build` lays it out; also
    /// through a symlink to the executable), then in the build folders of the checkout this file was compiled
    /// from (a binary copied elsewhere on the machine that built it).
    static var candidateBundles: [String] {
        var folders = [Bundle.main.bundleURL.path]
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for configuration in ["release", "debug"] {
            folders.append(packageRoot.appendingPathComponent(".build/\(configuration)").path)
        }
        var seen = Set<String>()
        return folders.map { URL(fileURLWithPath: $0).appendingPathComponent(bundleName).path }.filter { seen.insert($0).inserted }
    }

    /// The folder holding the four MNIST files, or an error listing where it looked.
    static func folder() throws(DatasetError) -> String {
        let candidates = candidateBundles.map { URL(fileURLWithPath: $0).appendingPathComponent("mnist").path }
        if let found = candidates.first(where: DatasetFiles.holdsDataset) { return found }
        throw .embeddedDataMissing(searched: candidates)
    }
}
