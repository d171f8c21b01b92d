import ArgumentParser
@testable import Commands
import Foundation
import Synchronization

/// Runs `sfn` commands in-process with captured output, as a user would type them.
struct CommandHarness {
    struct Outcome {
        var exitCode: Int32
        var out: String
        var err: String
    }

    /// Text written by a command, collected from whichever task writes it.
    final class Capture: Sendable {
        let out = Mutex("")
        let err = Mutex("")
    }

    /// Runs a command; pass `capture` to watch its output while it runs (a server).
    static func run(_ arguments: [String], terminal: Bool = false, capture: Capture = Capture()) async -> Outcome {
        let console = Console(
            writeOut: { text in capture.out.withLock { $0 += text } },
            writeErr: { text in capture.err.withLock { $0 += text } },
            isTerminal: terminal)
        var code: Int32 = 0
        await Console.$current.withValue(console) {
            do {
                var command = try SFNCommand.parseAsRoot(arguments)
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            } catch {
                code = SFNCommand.exitCode(for: error).rawValue
                let message = SFNCommand.fullMessage(for: error)
                if !message.isEmpty { console.err(message + "\n") }
            }
        }
        return Outcome(exitCode: code, out: capture.out.withLock { $0 }, err: capture.err.withLock { $0 })
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
