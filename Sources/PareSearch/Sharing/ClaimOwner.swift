// Who holds a claim: the contents of a claim file.

import Foundation

/// The process that made a claim, as written (JSON) into its claim file: host, process id and time.
public struct ClaimOwner: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The host name (`gethostname`).
    public var host: String
    /// The process id on that host.
    public var pid: Int32
    /// When the claim was made, ISO 8601 in UTC (for people reading the folder; staleness uses the file's
    /// modification time).
    public var time: String

    /// Creates an owner record stamped with the current time.
    public init(host: String, pid: Int32, time: Date = Date()) {
        self.host = host
        self.pid = pid
        self.time = ISO8601DateFormatter().string(from: time)
    }

    /// `host:pid`.
    public var description: String { "\(host):\(pid)" }

    /// This machine's host name.
    public static var currentHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
