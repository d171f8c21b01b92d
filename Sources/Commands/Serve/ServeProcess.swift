import Foundation
import Server

/// What the `sfn` executable does for `sfn serve` before any Swift task runs.
///
/// `sfn serve` runs Swift concurrency on SwiftNIO's event loops (see `GlobalExecutor`), which
/// NIO allows only from the main thread before tasks are created, and once per process: so the
/// executable's entry point calls this first, and `ServeCommand` itself (which tests run inside
/// their own process) never installs anything.
public enum ServeProcess {
    /// Installs SFN_SERVE_EXECUTOR's executor when `arguments` (the command line without the
    /// executable) run `sfn serve`; anything else, or an invalid choice, changes nothing
    /// (`ServeCommand` reports the invalid choice).
    public static func prepare(
        arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        guard arguments.first == "serve", let executor = try? GlobalExecutor(environment: environment) else { return }
        executor.install()
    }
}
