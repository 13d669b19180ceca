// Every way a model file can be wrong, each rendered as one compiler-style line.

/// A model file that cannot be read, parsed or built, with where and why.
///
/// `description` is the one-line message Pare prints, e.g.
/// `models/tiny.pare:4:7: error: expected a positive integer for 'units', found '-3'`.
public struct ModelFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What the problem is.
    public var reason: Reason

    /// Creates an error at `location`.
    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    /// The kinds of mistakes, with what was received.
    public enum Reason: Hashable, Sendable {
        /// The file does not exist.
        case fileNotFound
        /// The file exists but cannot be read (a directory, no permission, …).
        case unreadable(String)
        /// The file is not UTF-8 text (or holds NUL bytes).
        case notText(byteOffset: Int)
        /// The file holds no statements.
        case empty
        /// A line longer than `ModelFileParser.maximumLineLength` characters.
        case lineTooLong(length: Int)
        /// A line starts with a word that is not a statement or layer.
        case unknownLayer(String, suggestion: String?)
        /// An option the layer does not take.
        case unknownOption(option: String, layer: String, suggestion: String?)
        /// The same option twice on one line.
        case duplicateOption(String)
        /// A value of the wrong kind: `what` names what was expected.
        case expected(String, found: String)
        /// An unknown activation name.
        case unknownActivation(String, suggestion: String?)
        /// A variable used but never defined.
        case undefinedVariable(String, suggestion: String?)
        /// A variable defined twice.
        case duplicateVariable(String)
        /// `--set` names a variable the file does not define.
        case unknownOverride(String, defined: [String])
        /// Division by zero while evaluating an expression.
        case divisionByZero
        /// An integer expression whose value does not fit in 64 bits.
        case overflow
        /// A malformed expression.
        case badExpression(String, detail: String)
        /// A layer is missing a required argument; `example` shows a correct line.
        case missingArgument(String, layer: String, example: String)
        /// More positional arguments than the layer takes.
        case unexpectedArgument(String, layer: String)
        /// A quoted string without its closing quote.
        case unterminatedString
        /// A layer before the `input` line.
        case missingInput
        /// A second `input` line.
        case duplicateInput
        /// A second `model` line.
        case duplicateModelName
        /// A file with an `input` line and no layers.
        case noLayers
        /// The described model cannot be built.
        case shape(ShapeError)
    }

    /// The message without the location prefix.
    public var message: String {
        switch reason {
        case .fileNotFound:
            return "no such file"
        case .unreadable(let why):
            return "cannot read the file: \(why)"
        case .notText(let offset):
            return "not a text file (byte \(offset) is not UTF-8 text); expected a .pare model description"
        case .empty:
            return "empty model file; expected an 'input' line followed by layers"
        case .lineTooLong(let length):
            return "line is \(length) characters long; the limit is \(ModelFileParser.maximumLineLength)"
        case .unknownLayer(let word, let suggestion):
            return "unknown layer '\(echoInMessage(word))'\(Suggestion.hint(suggestion))"
        case .unknownOption(let option, let layer, let suggestion):
            return "unknown option '\(echoInMessage(option))' for \(layer)\(Suggestion.hint(suggestion))"
        case .duplicateOption(let option):
            return "option '\(option)' given twice"
        case .expected(let what, let found):
            return "expected \(what), found '\(echoInMessage(found))'"
        case .unknownActivation(let word, let suggestion):
            let known = Activation.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown activation '\(echoInMessage(word))'\(Suggestion.hint(suggestion))"
                + (suggestion == nil ? " (known: \(known))" : "")
        case .undefinedVariable(let name, let suggestion):
            return "undefined variable '\(echoInMessage(name))'\(Suggestion.hint(suggestion))"
        case .duplicateVariable(let name):
            return "variable '\(name)' is defined twice"
        case .unknownOverride(let name, let defined):
            let list = defined.isEmpty ? "the file defines no variables" : "the file defines \(defined.joined(separator: ", "))"
            return "--set names unknown variable '\(echoInMessage(name))'; \(list)"
        case .divisionByZero:
            return "division by zero"
        case .overflow:
            return "integer overflow in expression"
        case .badExpression(let text, let detail):
            return "bad expression '\(echoInMessage(text))': \(detail)"
        case .missingArgument(let argument, let layer, let example):
            return "\(layer) needs \(argument) (e.g. '\(example)')"
        case .unexpectedArgument(let word, let layer):
            return "unexpected argument '\(echoInMessage(word))' for \(layer)"
        case .unterminatedString:
            return "unterminated string; expected a closing '\"'"
        case .missingInput:
            return "layer before the 'input' line; expected e.g. 'input 28x28x1' first"
        case .duplicateInput:
            return "second 'input' line; a model has one input"
        case .duplicateModelName:
            return "second 'model' line; a model has one name"
        case .noLayers:
            return "the model has no layers; expected layers after the 'input' line"
        case .shape(let error):
            return error.description
        }
    }

    /// `path:line:col: error: message`.
    public var description: String { "\(location): error: \(message)" }
}
