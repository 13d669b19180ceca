// What can go wrong when a summary is asked for: options the real tools would refuse too.

/// A summary option that cannot be honoured.
public enum SummaryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A Keras `line_length` too short for the table: Keras refuses any column narrower than 4 characters
    /// ("Insufficient console width to print summary."), and Pare also refuses lengths at which rich would
    /// leave a column no room for text.
    case lineLengthTooShort(received: Int, minimum: Int)

    /// The one-line message, e.g. `line length 12 is too short for the Keras summary; use at least 16`.
    public var description: String {
        switch self {
        case .lineLengthTooShort(let received, let minimum):
            "line length \(received) is too short for the Keras summary; use at least \(minimum)"
        }
    }
}
