// The entry point shared by the `pare` executable and the in-process CLI tests: dispatch, help, exit status.

import PareModel

/// The `pare` command line.
public enum Pare {
    /// Pare's version, printed by `pare --version` and recorded in every report.
    public static let version = "0.1.0"

    /// Every subcommand, in help order.
    static var commands: [any Command.Type] {
        [SearchCommand.self, SweepCommand.self, FinetuneCommand.self, SummaryCommand.self, TrainCommand.self,
         EvaluateCommand.self, ReportCommand.self, ImportCommand.self, ExportCommand.self,
         BenchCommand.self]
    }

    /// Runs `pare` with `arguments` (without the program name) and returns the exit status: 0 on success,
    /// 1 on failure, 64 on bad usage. Every error is printed as exactly one line on the console's stderr.
    public static func main(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.printError(overview)
            return 64
        }
        switch first {
        case "--help", "-h":
            console.print(overview)
            return 0
        case "--version":
            console.print("pare \(version)")
            return 0
        case "help":
            guard arguments.count > 1 else {
                console.print(overview)
                return 0
            }
            return dispatch(arguments[1], ["--help"], console: console)
        default:
            return dispatch(first, Array(arguments.dropFirst()), console: console)
        }
    }

    private static func dispatch(_ name: String, _ arguments: [String], console: Console) -> Int32 {
        guard let command = commands.first(where: { $0.name == name }) else {
            let hint = Suggestion.hint(Suggestion.nearest(to: name, in: commands.map { $0.name }))
            return report(CLIError.usage("unknown command '\(echoInMessage(name))'\(hint) (see 'pare --help')"), console)
        }
        if arguments.contains("--help") || arguments.contains("-h") {
            console.print(command.help)
            return 0
        }
        do {
            let parsed = try ParsedArguments(arguments, options: command.options, command: name)
            try command.run(parsed, console: console)
            return 0
        } catch {
            return report(error, console)
        }
    }

    /// Prints one line for `error` and returns its exit status (the one exit point for failures).
    private static func report(_ error: any Error, _ console: Console) -> Int32 {
        let cliError = (error as? CLIError) ?? CLIError.failure(String(describing: error))
        console.printError(cliError.description)
        return cliError.exitStatus
    }

    /// The command list shown by `pare --help`.
    static var overview: String {
        let width = commands.map { $0.name.count }.max() ?? 0
        var text = """
        pare \(version) — find the smallest image classifier that still reaches your accuracy target.

        USAGE: pare <command> [arguments] [options]

        COMMANDS:

        """
        for command in commands {
            text += "  " + command.name.padding(toLength: width + 2) + command.abstract + "\n"
        }
        text += "\nSee 'pare <command> --help' for a command's options."
        return text
    }
}
