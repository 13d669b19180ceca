// Study folders a report cannot be built from.

/// Why a study report cannot be built (the folder's own errors are `StudyError` and `JournalError`).
public enum StudyReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A search study whose `study.json` lacks its settings.
    case missingSearchSettings(path: String)
    /// The base model in `study.json` does not parse or has impossible shapes.
    case invalidBaseModel(path: String, reason: String)

    /// One compiler-style line.
    public var description: String {
        switch self {
        case .missingSearchSettings(let path):
            "\(path): error: a search study without its search settings; the file was not written by pare search"
        case .invalidBaseModel(let path, let reason):
            "\(path): error: the base model is not valid: \(reason)"
        }
    }
}
