// What every `pare` subcommand declares: its name, help, options, and how it runs.

/// A `pare` subcommand.
public protocol Command {
    /// The word after `pare` (`summary`).
    static var name: String { get }
    /// One line for the command list.
    static var abstract: String { get }
    /// The usage line, e.g. `pare summary FILE [options]`.
    static var usage: String { get }
    /// Paragraphs shown under the usage line in `--help` (may be empty).
    static var discussion: String { get }
    /// The options the command accepts (`--help` is added automatically).
    static var options: [OptionSpec] { get }
    /// Runs the command; thrown `CLIError`s and model/data errors become one `error:` line and an exit status.
    static func run(_ arguments: ParsedArguments, console: Console) throws
}

extension Command {
    /// The full `--help` text.
    static var help: String {
        var text = "\(abstract)\n\nUSAGE: \(usage)\n"
        if !discussion.isEmpty { text += "\n\(discussion)\n" }
        let rows = options.map { option -> (String, String) in
            let short = option.short.map { "-\($0), " } ?? ""
            return (short + "--\(option.name)" + (option.valueName.map { " \($0)" } ?? ""), option.help)
        } + [("--help", "Show this help.")]
        let width = rows.map(\.0.count).max() ?? 0
        text += "\nOPTIONS:\n"
        for (flag, help) in rows {
            text += "  " + flag.padding(toLength: width + 2) + help + "\n"
        }
        return text
    }
}

extension String {
    /// The string padded with spaces on the right to `length` characters (never truncated).
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
