// Study folders a report cannot be built from.

/// Why a study report cannot be built (the folder's own errors are `StudyError` and `JournalError`).
public enum StudyReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A search study whose `study.json` lacks its settings.
    case missingSearchSettings(path: String)
    /// The base model in `study.json` does not parse or has impossible shapes.
    case invalidBaseModel(path: String, reason: String)
    /// A kind of study this report does not cover.
    case unsupportedKind(path: String, kind: String)

    /// One compiler-style line.
    public var description: String {
        switch self {
        case .missingSearchSettings(let path):
            "\(path): error: a search study without its search settings; the file was not written by pare search"
        case .invalidBaseModel(let path, let reason):
            "\(path): error: the base model is not valid: \(reason)"
        case .unsupportedKind(let path, let kind):
            "\(path): error: no report for studies of kind '\(kind)' yet; expected 'search' or 'sweep'"
        }
    }
}
