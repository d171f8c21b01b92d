public import Foundation

/// A temporary git repository built with the git command line (a test-only tool: sfn
/// itself reads git through libgit2). Commits get fixed authors and dates, one day
/// apart from 2026-11-01, so their shas, and so golden output, are the same on every run.
public final class TemporaryGitRepository {
    public let root: URL
    private var commits = 0

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ files: [String: String] = [:], directory: URL? = nil, initialize: Bool = true) throws {
        root = try directory ?? TemporaryGitRepository.temporaryDirectory()
        for (path, text) in files { try write(path, text) }
        if initialize { try git("init", "-q", "-b", "main") }
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }

    public func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    public func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Stages everything and commits with the next fixed date; returns the new sha.
    @discardableResult
    public func commit(_ message: String) throws -> String {
        try git("add", "-A")
        commits += 1
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git in the repository; throws with its stderr when it fails.
    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        try TemporaryGitRepository.run(arguments, in: root, date: commits)
    }

    public static func run(_ arguments: [String], in directory: URL, date day: Int = 0) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let stamp = "2026-11-\(String(format: "%02d", min(max(day, 1), 28))) 12:00:00 +0000"
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("GIT_") { environment[key] = nil }
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_AUTHOR_NAME"] = "Ada Lovelace"
        environment["GIT_AUTHOR_EMAIL"] = "ada@example.com"
        environment["GIT_COMMITTER_NAME"] = "Ada Lovelace"
        environment["GIT_COMMITTER_EMAIL"] = "ada@example.com"
        environment["GIT_AUTHOR_DATE"] = stamp
        environment["GIT_COMMITTER_DATE"] = stamp
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension TemporaryGitRepository {
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-rev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
