// Splitting model-file text into lines and whitespace-separated words, keeping their positions.

import Foundation

/// A word of a model-file line: the text and the 1-based column it starts at.
struct Word: Hashable, Sendable {
    /// The word as written (a quoted string keeps its quotes).
    var text: String
    /// 1-based column of the first character.
    var column: Int
}

/// One non-blank, comment-stripped line of a model file.
struct SourceLine: Sendable {
    /// 1-based line number.
    var number: Int
    /// The words of the line.
    var words: [Word]
    /// The line's text after the first word (for `let` expressions), and its starting column.
    var rest: (text: String, column: Int)
}

/// Turns file bytes into lines of words.
///
/// Words are separated by spaces or tabs, except inside parentheses (so `(2 * n)` is one word) and inside
/// double quotes. `#` starts a comment outside quotes.
enum SourceText {
    /// Validates that `bytes` are UTF-8 text and splits them into non-blank lines.
    static func lines(of bytes: [UInt8], path: String) throws(ModelFileError) -> [SourceLine] {
        if let nul = Self.firstIndex(of: 0, in: bytes, from: 0) {
            throw ModelFileError(.notText(byteOffset: nul), at: SourceLocation(path: path))
        }
        var lines: [SourceLine] = []
        var start = 0
        var number = 0
        while start <= bytes.count {
            let end = Self.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: start) ?? bytes.count
            number += 1
            let length = end - start
            if length > ModelFileParser.maximumLineLength {
                throw ModelFileError(.lineTooLong(length: length), at: SourceLocation(path: path, line: number))
            }
            var slice = bytes[start..<end]
            if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
            guard let text = String(validating: slice, as: UTF8.self) else {
                let offset = start + Self.firstInvalidUTF8Offset(in: Array(slice))
                throw ModelFileError(.notText(byteOffset: offset), at: SourceLocation(path: path, line: number))
            }
            if let line = try Self.words(of: text, number: number, path: path) { lines.append(line) }
            if end == bytes.count { break }
            start = end + 1
        }
        return lines
    }

    /// The index of the first `byte` at or after `start` (memchr: a 100 MB file must not take seconds to scan,
    /// even in a debug build).
    private static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard start < buffer.count, let base = buffer.baseAddress,
                  let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The words of one line, or `nil` for a blank or comment-only line.
    static func words(of text: String, number: Int, path: String) throws(ModelFileError) -> SourceLine? {
        var words: [Word] = []
        var current = ""
        var currentColumn = 0
        var depth = 0
        var inQuotes = false
        var column = 0
        var restStart: Int?
        let characters = Array(text)
        func finishWord() {
            if !current.isEmpty {
                words.append(Word(text: current, column: currentColumn))
                current = ""
            }
        }
        for character in characters {
            column += 1
            if inQuotes {
                current.append(character)
                if character == "\"" { inQuotes = false }
                continue
            }
            if character == "#" { break }
            if (character == " " || character == "\t") && depth == 0 {
                finishWord()
                continue
            }
            if current.isEmpty {
                currentColumn = column
                if words.count == 1 && restStart == nil { restStart = column }
            }
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if character == "\"" { inQuotes = true }
            current.append(character)
        }
        if inQuotes {
            throw ModelFileError(.unterminatedString, at: SourceLocation(path: path, line: number, column: currentColumn))
        }
        finishWord()
        guard !words.isEmpty else { return nil }
        let restColumn = restStart ?? (column + 1)
        let restText = restStart.map { start in
            let code = String(characters[(start - 1)...])
            return trimmed(code[..<(code.firstIndex(of: "#") ?? code.endIndex)])
        } ?? ""
        return SourceLine(number: number, words: words, rest: (restText, restColumn))
    }

    /// The offset of the first byte that breaks UTF-8 decoding.
    private static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput, .error: return offset
            }
        }
    }

    /// `text` without leading and trailing spaces and tabs.
    private static func trimmed(_ text: Substring) -> String {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
