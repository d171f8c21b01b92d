import TestSupport
import Foundation
import Git
import Revisions
import Testing
import Workspace

/// A commit read through libgit2 is the same repository as the files on disk.
@Suite struct GitSourceTreeTests {
    static let files = [
        "sfn.yaml": "region: eu-west-1\n",
        "workflows/a.yaml": "definition:\n  StartAt: A\n  States:\n    A: {Type: Succeed}\n",
        "environments/dev.yaml": "vars: {}\n",
        "templates/retry/transient.yaml": "ErrorEquals: [States.ALL]\n",
        ".github/ci.yaml": "on: push\n",
    ]

    @Test func listsAndReadsLikeTheWorkingTree() throws {
        let repo = try TemporaryGitRepository(Self.files)
        defer { repo.remove() }
        try repo.commit("First")
        let versioned = try VersionedRepository.open(root: repo.root.path)
        let tree = try versioned.tree(at: try versioned.commit())
        let disk = DirectorySourceTree(root: repo.root)
        for directory in ["", "workflows", "templates", "templates/retry", "missing"] {
            #expect(try tree.list(directory: directory) == (try disk.list(directory: directory)), "\(directory)")
        }
        #expect(try tree.read("templates/retry/transient.yaml") == Array("ErrorEquals: [States.ALL]\n".utf8))
        #expect(throws: WorkspaceError.fileNotFound("nope.yaml")) { try tree.read("nope.yaml") }
        #expect(try tree.objectID(of: "workflows") != nil)
        #expect(try tree.objectID(of: "nope") == nil)
    }

    @Test func anOlderCommitIsReadWithoutCheckingItOut() throws {
        let repo = try TemporaryGitRepository(Self.files)
        defer { repo.remove() }
        try repo.commit("First")
        try repo.write("workflows/a.yaml", "definition:\n  StartAt: B\n  States:\n    B: {Type: Succeed}\n")
        try repo.write("workflows/b.yaml", "StartAt: B\nStates:\n  B: {Type: Succeed}\n")
        try repo.commit("Second")
        try repo.write("workflows/a.yaml", "uncommitted")
        let versioned = try VersionedRepository.open(root: repo.root.path)
        let first = try versioned.tree(at: try versioned.commit("HEAD~1"))
        #expect(try first.list(directory: "workflows").map(\.path) == ["workflows/a.yaml"])
        #expect(String(decoding: try first.read("workflows/a.yaml"), as: UTF8.self).contains("StartAt: A"))
        let project = ProjectLoader.load(from: first)
        #expect(project.diagnostics.isEmpty)
        #expect(project.project.workflowIDs == ["a"])
        #expect(try repo.read("workflows/a.yaml") == "uncommitted")
    }

    @Test func aSubdirectoryIsTheRootOfTheSfnRepository() throws {
        let repo = try TemporaryGitRepository(["infra/workflows/a.yaml": "StartAt: A\nStates:\n  A: {Type: Succeed}\n", "README": "x\n"])
        defer { repo.remove() }
        try repo.commit("First")
        let versioned = try VersionedRepository.open(root: repo.root.appendingPathComponent("infra").path)
        #expect(versioned.prefix == "infra")
        let tree = try versioned.tree(at: try versioned.commit())
        #expect(try tree.list(directory: "").map(\.path) == ["workflows"])
    }

    @Test func workingTreeStatusOfAWorkflowsSources() throws {
        let repo = try TemporaryGitRepository(Self.files)
        defer { repo.remove() }
        try repo.commit("First")
        try repo.write("workflows/a.yaml", "changed\n")
        try repo.write("environments/dev.yaml", "vars: {x: 1}\n")
        try repo.git("add", "environments/dev.yaml")
        try repo.write("templates/new.yaml", "x: 1\n")
        let status = try VersionedRepository.open(root: repo.root.path).workingTreeStatus()
        let sources = status.status(of: ["workflows/a.yaml", "templates/new.yaml", "environments/dev.yaml", "sfn.yaml"])
        #expect(sources == SourceStatus(staged: ["environments/dev.yaml"], modified: ["workflows/a.yaml"], untracked: ["templates/new.yaml"]))
        #expect(status.status(of: ["sfn.yaml"]).isClean)
    }

    @Test func errorsAreWordedForTheUser() throws {
        let empty = try TemporaryGitRepository(["workflows/a.yaml": "x: 1\n"])
        defer { empty.remove() }
        let versioned = try VersionedRepository.open(root: empty.root.path)
        #expect(throws: RevisionError.unbornHead(path: empty.root.path)) { try versioned.commit() }
        try empty.commit("First")
        #expect(throws: RevisionError.unknownRevision("v2")) { try versioned.commit("v2") }
        #expect(RevisionError.unknownRevision("v2").description == "unknown revision 'v2': not a commit, branch or tag in this repository")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-no-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        #expect(throws: RevisionError.notARepository(path: outside.path)) { try VersionedRepository.open(root: outside.path) }
    }
}
