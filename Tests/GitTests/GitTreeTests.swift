import Foundation
import Git
import Testing

/// Trees, blobs, status and repository states, read through libgit2 from repositories
/// made with the git command.
@Suite struct GitTreeTests {
    /// Runs git with fixed identity and date in `directory`.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("GIT_") { environment[key] = nil }
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        for role in ["AUTHOR", "COMMITTER"] {
            environment["GIT_\(role)_NAME"] = "Ada"
            environment["GIT_\(role)_EMAIL"] = "ada@example.com"
            environment["GIT_\(role)_DATE"] = "2026-11-20 23:30:00 -0200"
        }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
        return String(decoding: output, as: UTF8.self)
    }

    static func repository(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-git-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: dir)
        return dir
    }

    @Test func treesAndBlobsOfACommit() throws {
        let dir = try Self.repository(["a.txt": "hello\n", "sub/b.txt": "bee\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.git(["add", "-A"], in: dir)
        try Self.git(["commit", "-q", "-m", "First"], in: dir)
        let repo = try GitRepository(discovering: dir.path)
        let head = try repo.commit()
        #expect(head.parentIDs.isEmpty)
        #expect(head.treeID.hex == (try Self.git(["rev-parse", "HEAD^{tree}"], in: dir)).trimmingCharacters(in: .whitespacesAndNewlines))
        let entries = try repo.entries(of: head.treeID)
        #expect(entries.map(\.name) == ["a.txt", "sub"])
        #expect(entries.map(\.kind) == [.file, .directory])
        let b = try #require(try repo.entry(at: "sub/b.txt", in: head.treeID))
        #expect(try repo.blob(b.id) == Array("bee\n".utf8))
        #expect(try repo.entry(at: "sub/none", in: head.treeID) == nil)
        #expect(try repo.commit(id: head.id) == head)
        #expect(repo.contains(b.id))
    }

    @Test func datesAreTheCommittersOwnDay() throws {
        let dir = try Self.repository(["a.txt": "a\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.git(["add", "-A"], in: dir)
        try Self.git(["commit", "-q", "-m", "Late"], in: dir)
        let head = try GitRepository(discovering: dir.path).commit()
        #expect(head.timeOffsetMinutes == -120)
        #expect(head.date == "2026-11-20", "23:30 at -02:00 is the 21st in UTC, the 20th where it was made")
    }

    @Test func statusSeparatesStagedModifiedAndUntracked() throws {
        let dir = try Self.repository(["a.txt": "a\n", "b.txt": "b\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.git(["add", "-A"], in: dir)
        try Self.git(["commit", "-q", "-m", "First"], in: dir)
        try "a2\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "b2\n".write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try Self.git(["add", "b.txt"], in: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("new"), withIntermediateDirectories: true)
        try "c\n".write(to: dir.appendingPathComponent("new/c.txt"), atomically: true, encoding: .utf8)
        let before = try Self.git(["status", "--porcelain"], in: dir)
        let status = try GitRepository(discovering: dir.path).status()
        #expect(status == [
            "a.txt": GitFileStatus(modified: true),
            "b.txt": GitFileStatus(staged: true),
            "new/c.txt": GitFileStatus(untracked: true),
        ])
        #expect(try Self.git(["status", "--porcelain"], in: dir) == before)
    }

    @Test func unbornBareAndShallowRepositories() throws {
        let dir = try Self.repository(["a.txt": "a\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let repo = try GitRepository(discovering: dir.path)
        #expect(repo.isHeadUnborn)
        let unborn = #expect(throws: GitError.self) { try repo.commit() }
        #expect(unborn?.kind == .unbornHead)
        try Self.git(["add", "-A"], in: dir)
        try Self.git(["commit", "-q", "-m", "One"], in: dir)
        try Self.git(["commit", "-q", "--allow-empty", "-m", "Two"], in: dir)
        #expect(!repo.isHeadUnborn)
        let unknown = #expect(throws: GitError.self) { try repo.commit("nope") }
        #expect(unknown?.kind == .unknownRevision("nope"))

        let bare = dir.appendingPathComponent("copy.git")
        try Self.git(["clone", "-q", "--bare", dir.path, bare.path], in: dir)
        let bareRepo = try GitRepository(discovering: bare.path)
        #expect(bareRepo.isBare && bareRepo.workdir == nil)
        #expect(throws: GitError.self) { try bareRepo.status() }

        let shallow = dir.appendingPathComponent("shallow")
        try Self.git(["clone", "-q", "--depth", "1", "file://" + dir.path, shallow.path], in: dir)
        let shallowRepo = try GitRepository(discovering: shallow.path)
        #expect(shallowRepo.isShallow && !repo.isShallow)
        let tip = try shallowRepo.commit()
        #expect(tip.summary == "Two")
        let parent = try #require(tip.parentIDs.first)
        #expect(!shallowRepo.contains(parent))
        let missing = #expect(throws: GitError.self) { try shallowRepo.commit(id: parent) }
        #expect(missing?.kind == .missingObject)
    }
}
