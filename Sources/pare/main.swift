// The `pare` executable: everything lives in PareCLI so it can be tested in-process.

import Foundation
import PareCLI

exit(Pare.main(Array(CommandLine.arguments.dropFirst()), console: .standard()))
