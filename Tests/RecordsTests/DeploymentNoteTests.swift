import Foundation
import Git
import JSONValue
import Records
import Testing
import TestSupport

/// Deployments written as git notes under refs/notes/sfn, read back by git itself.
@Suite struct DeploymentNoteTests {
    @Test func notesAreEnabledOnlyByTheProjectFile() throws {
        #expect(DeploymentNote.isEnabled(projectFile: try JSON.parse(#"{"records": {"git_notes": true}}"#)))
        #expect(!DeploymentNote.isEnabled(projectFile: try JSON.parse(#"{"records": {"git_notes": false}}"#)))
        #expect(!DeploymentNote.isEnabled(projectFile: try JSON.parse(#"{"region": "eu-west-1"}"#)))
        #expect(!DeploymentNote.isEnabled(projectFile: nil))
    }

    @Test func eachDeploymentOfACommitIsAppendedToItsNote() throws {
        let repository = try TemporaryGitRepository(["workflows/a.yaml": "StartAt: A\n"])
        defer { repository.remove() }
        let sha = try repository.commit("Add a")
        let git = try GitRepository(discovering: repository.root.path)

        var dev = Sample.deployment(sha, at: 0, action: "create")
        dev.planId = "plan-7"
        let prod = Sample.deployment(sha, environment: "prod", at: 60, action: "promote")
        try DeploymentNote.append(dev, in: git)
        try DeploymentNote.append(prod, in: git)

        let expected = """
            sfn deploy dev data-processing create 2026-11-28T10:02:00.000Z
            state-machine: \(Sample.machine)
            version: \(Sample.machine):7
            alias: \(Sample.machine):live
            definition-sha256: sha-\(sha.prefix(4))
            target: local
            plan: plan-7

            sfn deploy prod data-processing promote 2026-11-28T10:03:00.000Z
            state-machine: \(Sample.machine)
            version: \(Sample.machine):7
            alias: \(Sample.machine):live
            definition-sha256: sha-\(sha.prefix(4))
            target: local

            """
        #expect(try repository.git("notes", "--ref", "sfn", "show", sha) == expected)
        #expect(try repository.git("log", "-1", "--notes=sfn", "--format=%N").contains("sfn deploy prod"))
    }

    @Test func aCommitTheRepositoryLacksIsAGitError() throws {
        let repository = try TemporaryGitRepository(["a.txt": "a"])
        defer { repository.remove() }
        try repository.commit("First")
        let git = try GitRepository(discovering: repository.root.path)
        #expect(throws: GitError.self) { try DeploymentNote.append(Sample.deployment(Sample.commitA), in: git) }
        #expect(throws: GitError.self) { try DeploymentNote.append(Sample.deployment("not-a-sha"), in: git) }
    }

    @Test func appendIfEnabledWritesOnlyWhenTheProjectAsks() throws {
        let repository = try TemporaryGitRepository(["sfn.yaml": "records: {git_notes: true}\n"])
        defer { repository.remove() }
        let sha = try repository.commit("First")
        let deployment = Sample.deployment(sha)
        let off = try DeploymentNote.appendIfEnabled(deployment, projectFile: nil, repositoryAt: repository.root.path)
        #expect(off == nil)
        #expect(throws: TemporaryGitRepository.Failure.self) { try repository.git("notes", "--ref", "sfn", "show", sha) }
        let on = try DeploymentNote.appendIfEnabled(
            deployment, projectFile: try JSON.parse(#"{"records": {"git_notes": true}}"#),
            repositoryAt: repository.root.path)
        #expect(on == DeploymentNote.text(deployment))
        #expect(try repository.git("notes", "--ref", "sfn", "show", sha) == DeploymentNote.text(deployment))
    }
}
