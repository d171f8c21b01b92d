import Foundation

/// A server the benchmark starts as its own process and stops at the end: `sfn serve`, or
/// `sfn-benchmark --http-stub`.
///
/// Its standard output and error go to a file (a pipe nobody drains would block a server that
/// logs every request); `start` waits until a line of that file begins with `readyPrefix`.
struct ServerProcess {
    let process: Process
    let readyLine: String
    let logPath: String

    var pid: Int32 { process.processIdentifier }

    static func start(executable: String, arguments: [String], readyPrefix: String) async throws -> ServerProcess {
        let logPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("sfn-benchmark-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).log").path
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        try process.run()
        for _ in 0..<600 {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(readyPrefix) }) {
                return ServerProcess(process: process, readyLine: String(line), logPath: logPath)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        throw BenchmarkFailure("\(executable) \(arguments.joined(separator: " ")) did not start: \(text)")
    }

    /// SIGTERM, then waits for the process to end.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}

/// CPU time a process has used so far, from the kernel's per-thread scheduler statistics: a
/// figure the machine's load does not distort (latencies on a shared machine include the time a
/// thread waited for a core; CPU time does not).
enum ProcessCPUTime {
    /// Nanoseconds on a CPU, summed over the process's threads alive now (`self` or a pid).
    static func nanoseconds(pid: String = "self") -> UInt64 {
        let tasks = "/proc/\(pid)/task"
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
        return threads.reduce(0) { total, thread in
            let text = (try? String(contentsOfFile: "\(tasks)/\(thread)/schedstat", encoding: .utf8)) ?? ""
            return total + (text.split(separator: " ").first.flatMap { UInt64($0) } ?? 0)
        }
    }
}
