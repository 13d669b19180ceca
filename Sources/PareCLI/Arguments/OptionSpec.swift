// The declaration of one command-line option: its name, whether it takes a value, and its help.

/// One `--option` a command accepts.
public struct OptionSpec: Sendable {
    /// The name without dashes (`line-length`).
    public var name: String
    /// The value's placeholder in help (`N`), or `nil` for a flag that takes no value.
    public var valueName: String?
    /// One line of help.
    public var help: String
    /// True when the option may be given more than once (`--set`).
    public var repeats: Bool
    /// A one-letter short form (`o` for `-o`), if any.
    public var short: Character?

    /// An option that takes a value, e.g. `--epochs 5`.
    public static func value(_ name: String, _ valueName: String, _ help: String, repeats: Bool = false,
                             short: Character? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, repeats: repeats, short: short)
    }

    /// A flag without a value, e.g. `--json`.
    public static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, repeats: false, short: nil)
    }
}
