// Splitting a command line into positional arguments, option values and flags, checked against the
// command's declared options.

import PareModel

/// The arguments of one command after parsing: positionals in order, options by name.
public struct ParsedArguments: Sendable {
    /// Arguments that are not options, in order.
    public private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []
    private let command: String

    /// Parses `arguments` (without the command name) against the declared options.
    ///
    /// Accepts `--name value`, `--name=value`, flags, and `--` to end options. Unknown options, missing values
    /// and repeated single options are usage errors with a did-you-mean hint.
    public init(_ arguments: [String], options: [OptionSpec], command: String) throws(CLIError) {
        self.command = command
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            var argument = arguments[index]
            index += 1
            // A declared short form: `-o FILE` is `--output FILE`.
            if !optionsEnded, argument.count == 2, argument.hasPrefix("-"), let letter = argument.last,
               let spec = options.first(where: { $0.short == letter }) {
                argument = "--" + spec.name
            }
            if optionsEnded || !argument.hasPrefix("--") || argument == "-" {
                if !optionsEnded, argument.hasPrefix("-"), argument.count > 1, Int(argument) == nil, Double(argument) == nil {
                    throw .usage("unknown option '\(echoInMessage(argument))' for '\(command)'; options start with '--' (see 'pare \(command) --help')")
                }
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                let hint = Suggestion.nearest(to: name, in: options.map(\.name)).map { "; did you mean '--\($0)'?" } ?? ""
                throw .usage("unknown option '--\(echoInMessage(name))' for '\(command)'\(hint)")
            }
            if spec.valueName == nil {
                guard inlineValue == nil else { throw .usage("option '--\(name)' takes no value") }
                flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw .usage("option '--\(name)' needs a value (\(spec.valueName!))") }
                value = arguments[index]
                index += 1
            }
            if !spec.repeats, values[name] != nil { throw .usage("option '--\(name)' given twice") }
            values[name, default: []].append(value)
        }
    }

    /// The last value of option `name`, if given.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeating option, in order.
    public func values(_ name: String) -> [String] { values[name] ?? [] }

    /// True when flag `name` was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// True when option or flag `name` was given.
    public func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }

    /// An integer option with a default, validated against `range`.
    public func integer(_ name: String, default defaultValue: Int,
                        in range: ClosedRange<Int> = Int.min...Int.max) throws(CLIError) -> Int {
        try integer(name, in: range) ?? defaultValue
    }

    /// An optional integer option (`nil` when absent), validated against `range`.
    public func integer(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws(CLIError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text.filter { $0 != "_" }), range.contains(number) else {
            throw .usage("option '--\(name)' expects an integer\(Self.describe(range)), got '\(echoInMessage(text))'")
        }
        return number
    }

    /// A floating-point option with a default, validated against `range`.
    public func number(_ name: String, default defaultValue: Double,
                       in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) throws(CLIError) -> Double {
        try number(name, in: range) ?? defaultValue
    }

    /// An optional floating-point option (`nil` when absent), validated against `range`.
    public func number(_ name: String,
                       in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) throws(CLIError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw .usage("option '--\(name)' expects a number in \(range.lowerBound)...\(range.upperBound), got '\(echoInMessage(text))'")
        }
        return number
    }

    /// A choice among fixed words, with a default.
    public func choice(_ name: String, from choices: [String], default defaultValue: String) throws(CLIError) -> String {
        try choice(name, from: choices) ?? defaultValue
    }

    /// An optional choice among fixed words (`nil` when absent).
    public func choice(_ name: String, from choices: [String]) throws(CLIError) -> String? {
        guard let text = value(name) else { return nil }
        guard choices.contains(text) else {
            let hint = Suggestion.hint(Suggestion.nearest(to: text, in: choices))
            throw .usage("option '--\(name)' expects one of \(choices.joined(separator: ", ")), got '\(echoInMessage(text))'\(hint)")
        }
        return text
    }

    /// Positional arguments beyond `allowed` are a usage error.
    public func requirePositionals(atMost allowed: Int) throws(CLIError) {
        guard positionals.count > allowed else { return }
        throw .usage("unexpected argument '\(echoInMessage(positionals[allowed]))' for '\(command)'")
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        switch (range.lowerBound, range.upperBound) {
        case (Int.min, Int.max): ""
        case (let low, Int.max): " ≥ \(low)"
        case (let low, let high): " in \(low)...\(high)"
        }
    }
}
