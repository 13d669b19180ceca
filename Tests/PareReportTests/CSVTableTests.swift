// The CSV writer: exact quoting of edge cases, and round trips through an independent RFC 4180 reader.

import Testing
import PareReport

@Suite struct CSVTableTests {
    /// Field → how RFC 4180 writes it (quote when a comma, quote, CR or LF is inside; double inner quotes) —
    /// plus Pare's rule of quoting leading/trailing spaces.
    static let fields: [(String, String)] = [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("crlf\r\ninside", "\"crlf\r\ninside\""),
        (" padded", "\" padded\""),
        ("padded ", "\"padded \""),
        ("in side", "in side"),
        ("2·4·4·4", "2·4·4·4"),
        ("0.1;0.2;0.3", "0.1;0.2;0.3"),
        ("'single'", "'single'"),
    ]

    @Test(arguments: fields.indices)
    func quotesOnlyWhatMustBeQuoted(index: Int) {
        let (field, expected) = Self.fields[index]
        #expect(CSVTable.field(field) == expected, "field \(field.debugDescription)")
    }

    @Test func writesHeaderAndRowsWithCRLF() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["1", "x,y"])
        table.append(["", "\"q\""])
        #expect(table.render() == "a,b\r\n1,\"x,y\"\r\n,\"\"\"q\"\"\"\r\n")
    }

    @Test func roundTripsEveryEdgeCase() throws {
        var table = CSVTable(header: ["field", "index", "tricky, header"])
        for (index, field) in Self.fields.enumerated() { table.append([field.0, "\(index)", field.0 + "|" + field.0]) }
        let records = try CSVReader.records(table.render())
        #expect(records.count == Self.fields.count + 1)
        #expect(records[0] == ["field", "index", "tricky, header"])
        for (index, field) in Self.fields.enumerated() {
            #expect(records[index + 1] == [field.0, "\(index)", field.0 + "|" + field.0], "row \(index): \(field.0.debugDescription)")
        }
    }

    @Test func readerRejectsMalformedInput() {
        #expect(throws: CSVReader.ReadError.unterminatedQuote) { try CSVReader.records("\"open\r\n") }
        #expect(throws: CSVReader.ReadError.characterAfterClosingQuote("x")) { try CSVReader.records("\"a\"x\r\n") }
    }
}
