import Foundation
import Git
import Testing

/// These tests create real repositories with the git command (a test-only tool) and read
/// them back through libgit2.
@Suite struct GitRepositoryTests {
    func makeRepository() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "a".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        for args in [["init", "-q", "-b", "main"], ["add", "a.txt"],
                     ["-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-q", "-m", "First commit\n\nbody"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", dir.path] + args
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        return dir
    }

    @Test func readsHeadCommitFromASubdirectory() throws {
        let dir = try makeRepository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("nested")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let repo = try GitRepository(discovering: sub.path)
        let head = try repo.commit()
        #expect(head.sha.count == 40)
        #expect(head.shortSHA == String(head.sha.prefix(7)))
        #expect(head.summary == "First commit")
        #expect(head.authorName == "Ada")
        #expect(try repo.commit("main") == head)
    }

    @Test func unknownRevisionIsATypedError() throws {
        let dir = try makeRepository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let repo = try GitRepository(discovering: dir.path)
        #expect(throws: GitError.self) { try repo.commit("no-such-branch") }
    }

    @Test func outsideARepositoryIsATypedError() {
        #expect(throws: GitError.self) { try GitRepository(discovering: "/") }
    }
}
