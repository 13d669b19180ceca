// Data sets already loaded in this process, so a search that trains many candidates (possibly on two
// threads at once) inflates each data set once.

import Synchronization

/// A process-wide, thread-safe cache of loaded data sets, keyed by their folder (and limits, for prefixes).
final class DatasetCache: Sendable {
    /// The cache every load goes through.
    static let shared = DatasetCache()

    private let datasets = Mutex<[String: Dataset]>([:])

    /// The data set cached under `key`, loading and storing it first if needed.
    ///
    /// The lock is held while loading, so a caller that arrives during a load waits for it instead of
    /// loading the same files a second time. Failed loads are not cached.
    func dataset(for key: String, load: () throws(DatasetError) -> Dataset) throws(DatasetError) -> Dataset {
        try datasets.withLock { datasets throws(DatasetError) -> Dataset in
            if let hit = datasets[key] { return hit }
            let loaded = try load()
            datasets[key] = loaded
            return loaded
        }
    }

    /// The data set cached under `key`, if any (waits while a load holds the lock).
    func cached(_ key: String) -> Dataset? {
        datasets.withLock { $0[key] }
    }
}
