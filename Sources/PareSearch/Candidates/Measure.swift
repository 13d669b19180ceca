// What "smallest" means in a search: parameters, multiply-adds or bytes.

/// The size measure a search minimises (`--minimize`).
public enum Measure: String, Hashable, Sendable, Codable, CaseIterable {
    /// All parameters (Keras view).
    case params
    /// Multiply-adds per example (torchinfo's convention).
    case macs
    /// torchinfo's estimated total size at batch 1 (input + forward/backward + parameters), in bytes.
    case bytes
}
