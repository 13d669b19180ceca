// Integer expressions in model files: literals, variables, + - * / and parentheses.

/// Evaluates integer expressions such as `2*n`, `(n + 1) / 2` or `-3`.
///
/// `/` is integer division truncating toward zero. Overflow and division by zero are errors, never traps.
struct IntegerExpression {
    private let characters: [Character]
    private var position = 0
    private let variables: [String: Int]
    private let knownNames: [String]

    /// Failures, before they are given a location.
    enum Failure: Error {
        case reason(ModelFileError.Reason)
    }

    private init(_ text: String, variables: [String: Int]) {
        self.characters = Array(text)
        self.variables = variables
        self.knownNames = variables.keys.sorted()
    }

    /// The value of `text` with the given variables.
    static func evaluate(_ text: String, variables: [String: Int]) throws(Failure) -> Int {
        var parser = IntegerExpression(text, variables: variables)
        parser.skipSpaces()
        guard !parser.atEnd else { throw parser.bad(text, "expected a number") }
        let value = try parser.sum()
        parser.skipSpaces()
        guard parser.atEnd else { throw parser.bad(text, "unexpected '\(parser.characters[parser.position])'") }
        return value
    }

    private var atEnd: Bool { position >= characters.count }

    private mutating func skipSpaces() {
        while !atEnd, characters[position] == " " || characters[position] == "\t" { position += 1 }
    }

    private func bad(_ text: String, _ detail: String) -> Failure {
        .reason(.badExpression(text, detail: detail))
    }

    private mutating func sum() throws(Failure) -> Int {
        var value = try product()
        while true {
            skipSpaces()
            guard !atEnd, characters[position] == "+" || characters[position] == "-" else { return value }
            let isPlus = characters[position] == "+"
            position += 1
            let rhs = try product()
            let (result, overflow) = isPlus ? value.addingReportingOverflow(rhs) : value.subtractingReportingOverflow(rhs)
            guard !overflow else { throw .reason(.overflow) }
            value = result
        }
    }

    private mutating func product() throws(Failure) -> Int {
        var value = try factor()
        while true {
            skipSpaces()
            guard !atEnd, characters[position] == "*" || characters[position] == "/" else { return value }
            let isTimes = characters[position] == "*"
            position += 1
            let rhs = try factor()
            if isTimes {
                let (result, overflow) = value.multipliedReportingOverflow(by: rhs)
                guard !overflow else { throw .reason(.overflow) }
                value = result
            } else {
                guard rhs != 0 else { throw .reason(.divisionByZero) }
                let (result, overflow) = value.dividedReportingOverflow(by: rhs)
                guard !overflow else { throw .reason(.overflow) }
                value = result
            }
        }
    }

    private mutating func factor() throws(Failure) -> Int {
        skipSpaces()
        let text = String(characters)
        guard !atEnd else { throw bad(text, "expected a number at the end") }
        let character = characters[position]
        if character == "-" {
            position += 1
            let (negated, overflow) = 0.subtractingReportingOverflow(try factor())
            guard !overflow else { throw .reason(.overflow) }
            return negated
        }
        if character == "(" {
            position += 1
            let value = try sum()
            skipSpaces()
            guard !atEnd, characters[position] == ")" else { throw bad(text, "expected ')'") }
            position += 1
            return value
        }
        if character.isASCII, character.isNumber {
            var value = 0
            while !atEnd, characters[position].isASCII, let digit = characters[position].wholeNumberValue {
                let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
                let (next, overflowB) = shifted.addingReportingOverflow(digit)
                guard !overflowA, !overflowB else { throw .reason(.overflow) }
                value = next
                position += 1
            }
            if !atEnd, characters[position] == "." {
                throw bad(text, "expected an integer")
            }
            return value
        }
        if Self.isIdentifierStart(character) {
            var name = ""
            while !atEnd, Self.isIdentifierBody(characters[position]) {
                name.append(characters[position])
                position += 1
            }
            guard let value = variables[name] else {
                throw .reason(.undefinedVariable(name, suggestion: Suggestion.nearest(to: name, in: knownNames)))
            }
            return value
        }
        throw bad(text, "unexpected '\(character)'")
    }

    /// `[A-Za-z_]`.
    static func isIdentifierStart(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character == "_")
    }

    /// `[A-Za-z0-9_]`.
    static func isIdentifierBody(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }

    /// True for a valid variable name.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, isIdentifierStart(first) else { return false }
        return text.allSatisfy(isIdentifierBody)
    }

    /// Splits a size such as `28x28x1` or `(k)x(k)` into its expressions: an `x` separates two parts when it
    /// follows a digit or `)` and precedes a digit or `(`, outside parentheses (so identifiers may contain `x`).
    static func sizeParts(_ text: String) -> [String] {
        let characters = Array(text)
        var parts: [String] = []
        var current = ""
        var depth = 0
        for (index, character) in characters.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == "x", depth == 0, index > 0, index + 1 < characters.count {
                let before = characters[index - 1], after = characters[index + 1]
                if (before.isNumber || before == ")") && (after.isNumber || after == "(") {
                    parts.append(current)
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }
}
