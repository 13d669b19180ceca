// Where in a model file something was written.

/// A position in a model file; line and column are 1-based, `nil` when the whole file is meant.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public var path: String
    /// 1-based line, if known.
    public var line: Int?
    /// 1-based column (in characters), if known.
    public var column: Int?

    /// Creates a location.
    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, leaving out what is unknown (compiler style).
    public var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
