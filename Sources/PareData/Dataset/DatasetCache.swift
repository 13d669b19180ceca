// Full data sets already loaded in this process, so a search that trains many candidates (possibly on two
// threads at once) inflates each data set once.

import Synchronization

/// A process-wide, thread-safe cache of fully loaded data sets, keyed by their folder.
final class DatasetCache: Sendable {
    /// The cache every load goes through.
    static let shared = DatasetCache()

    /// The cached data sets and how many loads filled them (so tests can see that a second load hit).
    private struct State {
        var datasets: [String: Dataset] = [:]
        var loadCount = 0
    }

    private let state = Mutex(State())

    /// The data set cached under `key`, loading and storing it first if needed.
    ///
    /// The lock is held while loading, so a caller that arrives during a load waits for it instead of
    /// loading the same files a second time. Failed loads are not cached.
    func dataset(for key: String, load: () throws(DatasetError) -> Dataset) throws(DatasetError) -> Dataset {
        try state.withLock { state throws(DatasetError) -> Dataset in
            if let hit = state.datasets[key] { return hit }
            let loaded = try load()
            state.datasets[key] = loaded
            state.loadCount += 1
            return loaded
        }
    }

    /// The data set cached under `key`, if any (waits while a load holds the lock).
    func cached(_ key: String) -> Dataset? {
        state.withLock { $0.datasets[key] }
    }

    /// How many full loads have filled the cache in this process.
    var loadCount: Int { state.withLock { $0.loadCount } }
}
