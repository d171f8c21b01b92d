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
