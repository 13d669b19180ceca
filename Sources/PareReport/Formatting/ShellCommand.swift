// Command lines as a POSIX shell reads them, for the "reproduce" sections of reports.

/// Shell-quoted command lines.
enum ShellCommand {
    /// The words joined by spaces, each single-quoted when it holds anything but letters, digits and
    /// `_ - . / = , : + @ %` (a single quote inside becomes `'\''`).
    static func line(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    /// One word, quoted if the shell would otherwise split or expand it.
    static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || "_-./=,:+@%".unicodeScalars.contains(scalar)
        }
        if safe { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
