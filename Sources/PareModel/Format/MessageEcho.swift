// Quoting user input back in one-line error messages.

/// User input as quoted back in an error message: unchanged up to 40 characters, otherwise its first 37
/// followed by `…`, so a huge token cannot flood the terminal.
public func echoInMessage(_ text: String) -> String {
    text.count <= 40 ? text : String(text.prefix(37)) + "…"
}
