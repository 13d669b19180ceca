// A minimal RFC 4180 reader for the tests: records end with CRLF or LF, quoted fields may hold commas, quotes
// (doubled) and line breaks. Independent of the writer, so round trips test the writer.

enum CSVReader {
    enum ReadError: Error, Equatable {
        case unterminatedQuote
        case characterAfterClosingQuote(Character)
    }

    /// The records of `text` (the header is the first), each a list of fields.
    static func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var afterClosingQuote = false
        var fieldStarted = false
        // Unicode scalars, not Characters: Swift treats "\r\n" as one Character.
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return scalars.next()
        }
        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" { field.unicodeScalars.append("\"") } else {
                        inQuotes = false
                        afterClosingQuote = true
                        pending = following
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                record.append(field); field = ""; afterClosingQuote = false; fieldStarted = true
            case "\r", "\n":
                if scalar == "\r" {
                    let following = next()
                    if following != "\n" { pending = following }
                }
                record.append(field)
                records.append(record)
                record = []; field = ""; afterClosingQuote = false; fieldStarted = false
            case "\"" where field.isEmpty && !afterClosingQuote:
                inQuotes = true; fieldStarted = true
            default:
                if afterClosingQuote { throw ReadError.characterAfterClosingQuote(Character(scalar)) }
                field.unicodeScalars.append(scalar); fieldStarted = true
            }
        }
        if inQuotes { throw ReadError.unterminatedQuote }
        if fieldStarted || !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
