import Foundation

/// A generated git history for the `sfn log` benchmark: a repository of `workflowCount`
/// workflows and four environments, then `commitCount - 1` commits that each change one
/// workflow (in turn), with every 100th commit changing the shared retry template
/// instead (which changes every workflow's rendered definition).
///
/// The history is written with one `git fast-import` process: thousands of `git commit`
/// runs would take longer than the log being measured.
struct GeneratedHistory {
    let workflowCount: Int
    let commitCount: Int

    /// Creates the repository at `root` (which must not exist) and checks out its tip.
    func write(to root: String) throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: root)
        let stream = fastImportStream()
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-history-\(ProcessInfo.processInfo.processIdentifier).fi")
        try Data(stream.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        try git(["fast-import", "--quiet"], in: root, input: input)
        try git(["reset", "-q", "--hard", "main"], in: root)
    }

    func fastImportStream() -> String {
        let repository = GeneratedRepository(workflowCount: workflowCount)
        var files = repository.files()
        var stream = ""
        var retryInterval = 2
        for number in 1...commitCount {
            var changed: [String: String] = [:]
            let message: String
            if number == 1 {
                changed = files
                message = "Initial workflows"
            } else if number % 100 == 0 {
                retryInterval += 1
                let path = "templates/retry.yaml"
                changed[path] = files[path]?.replacingOccurrences(
                    of: "IntervalSeconds: ${retry.interval}", with: "IntervalSeconds: \(retryInterval)")
                    .replacingOccurrences(of: "IntervalSeconds: \(retryInterval - 1)", with: "IntervalSeconds: \(retryInterval)")
                message = "Retry interval \(retryInterval) s"
            } else {
                let index = (number - 2) % workflowCount
                let path = "workflows/flow-\(index).yaml"
                changed[path] = files[path].map { text in
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                    return lines.map { line in
                        line.hasPrefix("  Comment: ") ? "  Comment: Generated workflow \(index), revision \(number)" : String(line)
                    }.joined(separator: "\n")
                }
                message = "Update flow-\(index) (revision \(number))"
            }
            for (path, text) in changed { files[path] = text }
            stream += "commit refs/heads/main\nmark :\(number)\n"
            stream += "committer Bench <bench@example.com> \(1_780_000_000 + number * 3600) +0000\n"
            stream += "data \(message.utf8.count)\n\(message)\n"
            if number > 1 { stream += "from :\(number - 1)\n" }
            for path in changed.keys.sorted() {
                let text = changed[path] ?? ""
                stream += "M 100644 inline \(path)\ndata \(text.utf8.count)\n\(text)\n"
            }
            stream += "\n"
        }
        return stream
    }

    private func git(_ arguments: [String], in directory: String, input: URL? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        process.environment = environment
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "sfn-benchmark", code: Int(process.terminationStatus), userInfo: [
                NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")) failed",
            ])
        }
    }
}
