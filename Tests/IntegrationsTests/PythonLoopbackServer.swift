import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP server written in Python, run on a free loopback port for the length of one
/// test. The script binds port 0 and prints the port it got on its first line; the server
/// is killed with SIGKILL afterwards, because the test runner blocks SIGTERM for its children.
enum PythonLoopbackServer {
    /// Starts `script`, runs `body` with the server's base URL, then stops it. Without
    /// python3 the body does not run and a note says why.
    static func run(_ script: String, for suite: String, _ body: (String) async throws -> Void) async throws {
        guard LocalCommandInvokerProbe.hasPython else {
            print("\(suite): python3 is not installed; the loopback server cannot start")
            return
        }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.script("server.py", script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", file]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        var text = ""
        while !text.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        try await body("http://127.0.0.1:\(port)")
    }
}
