import Foundation
import Git
import Testing
import TestSupport

/// Notes written through libgit2 are the notes git itself reads (`git notes --ref sfn show`).
@Suite struct GitNotesTests {
    @Test func aNoteIsCreatedThenAppendedAsGitAppends() throws {
        let repository = try TemporaryGitRepository(["a.txt": "a"])
        defer { repository.remove() }
        let sha = try repository.commit("First")
        let git = try GitRepository(discovering: repository.root.path)
        let id = try #require(GitObjectID(hex: sha))

        #expect(try git.note(on: id) == nil)
        #expect(try git.appendNote("deployed to dev", to: id) == "deployed to dev\n")
        try git.appendNote("deployed to prod\n", to: id)

        let expected = "deployed to dev\n\ndeployed to prod\n"
        #expect(try git.note(on: id) == expected)
        #expect(try repository.git("notes", "--ref", "sfn", "show", sha) == expected)
        // Two appends, two notes commits on refs/notes/sfn.
        #expect(try repository.git("rev-list", "--count", "refs/notes/sfn").trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    }

    @Test func aNoteGitWroteIsAppendedTo() throws {
        let repository = try TemporaryGitRepository(["a.txt": "a"])
        defer { repository.remove() }
        let sha = try repository.commit("First")
        try repository.git("notes", "--ref", "sfn", "add", "-m", "written by git", sha)
        let git = try GitRepository(discovering: repository.root.path)
        let id = try #require(GitObjectID(hex: sha))
        try git.appendNote("written by sfn", to: id)
        #expect(try repository.git("notes", "--ref", "sfn", "show", sha) == "written by git\n\nwritten by sfn\n")
    }

    @Test func notesOnTwoCommitsAndOtherRefsStayApart() throws {
        let repository = try TemporaryGitRepository(["a.txt": "a"])
        defer { repository.remove() }
        let first = try repository.commit("First")
        try repository.write("a.txt", "b")
        let second = try repository.commit("Second")
        let git = try GitRepository(discovering: repository.root.path)
        let firstID = try #require(GitObjectID(hex: first))
        let secondID = try #require(GitObjectID(hex: second))
        try git.appendNote("one", to: firstID)
        try git.appendNote("two", to: secondID)
        try git.appendNote("elsewhere", to: secondID, ref: "refs/notes/commits")
        #expect(try git.note(on: firstID) == "one\n")
        #expect(try git.note(on: secondID) == "two\n")
        #expect(try git.note(on: secondID, ref: "refs/notes/commits") == "elsewhere\n")
        #expect(try git.note(on: firstID, ref: "refs/notes/commits") == nil)
    }

    /// Two repository handles stand for two `sfn` processes: neither append is lost.
    @Test func twoWritersAtOnceBothKeepTheirText() async throws {
        let repository = try TemporaryGitRepository(["a.txt": "a"])
        defer { repository.remove() }
        let sha = try repository.commit("First")
        let id = try #require(GitObjectID(hex: sha))
        let path = repository.root.path
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let git = try GitRepository(discovering: path)
                    for index in 0..<10 { try git.appendNote("writer \(writer) line \(index)", to: id) }
                }
            }
            try await group.waitForAll()
        }
        let note = try #require(try GitRepository(discovering: path).note(on: id))
        for writer in 0..<2 {
            for index in 0..<10 { #expect(note.contains("writer \(writer) line \(index)\n")) }
        }
    }
}
