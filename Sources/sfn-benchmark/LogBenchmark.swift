import ArgumentParser
import Commands
import Foundation
import Planning
import Revisions
import Synchronization

/// `sfn-benchmark --log [--commits N] [--workflows N] [--iterations K] [--keep DIR]`
///
/// Generates a history of N commits (default 1,000) over 50 workflows × 4
/// environments and times `sfn log` over all of it, run in-process exactly as the CLI
/// runs it (output discarded): every workflow in every environment, then one workflow
/// in one environment.
struct LogBenchmark {
    var commitCount = 1000
    var workflowCount = 50
    var iterations = 3
    var keepDirectory: String?

    func run() async throws {
        let root = keepDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("sfn-log-benchmark-\(ProcessInfo.processInfo.processIdentifier)").path
        let start = ContinuousClock.now
        try GeneratedHistory(workflowCount: workflowCount, commitCount: commitCount).write(to: root)
        defer { if keepDirectory == nil { try? FileManager.default.removeItem(atPath: root) } }
        print("history: \(commitCount) commits, \(workflowCount) workflows × 4 environments (generated in \(format(ContinuousClock.now - start)))")

        let log = try await WorkflowHistory(repository: VersionedRepository.open(root: root)).run()
        let changes = log.entries.reduce(0) { $0 + $1.changes.count }
        print("walked \(log.commitsWalked) commits: \(log.entries.count) entries, \(changes) changes, \(log.renders) workflow loads (the rest from the cache)")

        for (label, arguments) in [
            ("sfn log (all workflows, all environments)", ["log", "-C", root]),
            ("sfn log flow-7 --env prod", ["log", "flow-7", "--env", "prod", "-C", root]),
        ] {
            var times: [Duration] = []
            var lines = 0
            for _ in 0..<iterations {
                let begin = ContinuousClock.now
                lines = try await LogBenchmark.runCommand(arguments)
                times.append(ContinuousClock.now - begin)
            }
            times.sort()
            print("\(label): median \(format(times[times.count / 2])), best \(format(times[0])) (\(lines) lines of output; goal < 3 s)")
        }
    }

    /// Runs one `sfn` command line in-process and returns how many lines it printed.
    static func runCommand(_ arguments: [String]) async throws -> Int {
        let lines = Mutex(0)
        let console = Console(
            writeOut: { text in lines.withLock { $0 += text.utf8.count(where: { $0 == 0x0A }) } },
            writeErr: { text in FileHandle.standardError.write(Data(text.utf8)) },
            isTerminal: false)
        try await Console.$current.withValue(console) {
            var command = try SFNCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        }
        return lines.withLock { $0 }
    }

    private func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.3f s", seconds)
    }
}
