// RFC 4180 CSV text: a header row and data rows, CRLF line ends, fields quoted only when they must be.

import Foundation

/// A CSV table written as RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) describes it.
///
/// - Every record, the header included, ends with CRLF — the RFC's line end and the default of Python's
///   `csv.writer`; Python's `csv` module, LibreOffice and Excel all read it.
/// - A field is quoted when it contains a comma, a double quote, CR or LF, or starts or ends with a space
///   (some readers trim unquoted spaces); a double quote inside a quoted field is doubled.
/// - Text is UTF-8 without a byte-order mark (a BOM would become part of the first header name for Python).
public struct CSVTable: Hashable, Sendable {
    /// Column names.
    public let header: [String]
    /// Data rows, each as long as `header`.
    public private(set) var rows: [[String]] = []

    /// An empty table with these column names.
    public init(header: [String]) {
        precondition(!header.isEmpty, "a CSV table needs at least one column")
        self.header = header
    }

    /// Appends a row; it must have one field per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row needs \(header.count) fields, got \(row.count): \(row)")
        rows.append(row)
    }

    /// The table as CSV text, every record terminated by CRLF.
    public func render() -> String {
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field as written: quoted (with inner quotes doubled) when RFC 4180 requires it or spaces would be
    /// at risk, otherwise as is.
    public static func field(_ text: String) -> String {
        let mustQuote = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard mustQuote else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
