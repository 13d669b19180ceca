// Ctrl-C: the first press asks running work to stop cleanly, the second ends the process at once.

import Dispatch
import Foundation
import PareSearch

/// Turns SIGINT into a cancellation request while installed.
final class InterruptHandler: @unchecked Sendable {
    // @unchecked Sendable: `source` is created once and only cancelled in deinit.
    let cancellation = Cancellation()
    private let source: any DispatchSourceSignal

    /// Installs the handler; `message` is printed on the first Ctrl-C.
    init(console: Console, message: String) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let cancellation = cancellation
        source.setEventHandler {
            if cancellation.isCancelled {
                signal(SIGINT, SIG_DFL)
                raise(SIGINT)
            }
            cancellation.cancel()
            console.printError("\n\(message) (press Ctrl-C again to quit at once)")
        }
        source.resume()
    }

    deinit {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
