// "Did you mean …?" — the nearest known word to a misspelt one.

/// Finds the candidate closest to a misspelt word, for did-you-mean hints (model files and command lines).
public enum Suggestion {
    /// The candidate nearest to `word` (case-insensitive equality first, then edit distance ≤ 2, or ≤ 3 for
    /// long words), or `nil` if none is near. Words longer than 64 characters get no suggestion, so a huge
    /// garbage token cannot make the quadratic distance computation hang.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        guard word.count <= 64 else { return nil }
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        let limit = word.count > 6 ? 3 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lowered), Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Levenshtein distance between two character arrays.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `"; did you mean 'x'?"` or the empty string.
    public static func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
