import Foundation
public import Git
public import JSONValue

/// A deployment written as a git note under `refs/notes/sfn` on the deployed commit, when
/// `sfn.yaml` says `records: {git_notes: true}`: the repository itself then tells, with
/// `git log --notes=sfn`, where each commit went, and the notes travel with
/// `git push origin refs/notes/sfn` to machines that have no `.sfn/` records.
///
/// One block per deployment, appended to what the commit's note already holds:
/// ```
/// sfn deploy dev data-processing update 2026-11-28T10:02:00.000Z
/// state-machine: arn:aws:states:us-east-1:123456789012:stateMachine:DataProcessing-dev
/// version: arn:aws:states:us-east-1:123456789012:stateMachine:DataProcessing-dev:7
/// alias: arn:aws:states:us-east-1:123456789012:stateMachine:DataProcessing-dev:live
/// definition-sha256: 5f0c…
/// target: local
/// ```
public enum DeploymentNote {
    /// Whether the project file asks for notes: `records: {git_notes: true}` in `sfn.yaml`
    /// (whose value the caller passes; nil when there is no `sfn.yaml`).
    public static func isEnabled(projectFile: JSON?) -> Bool {
        projectFile?["records"]?["git_notes"]?.boolValue ?? false
    }

    /// The note's block for one deployment.
    public static func text(_ deployment: DeploymentRecord) -> String {
        var lines = [
            "sfn deploy \(deployment.environment) \(deployment.workflow) \(deployment.action) "
                + timestamp(deployment.deployedAt),
            "state-machine: \(deployment.stateMachineArn)",
        ]
        if let version = deployment.versionArn { lines.append("version: \(version)") }
        if let alias = deployment.aliasArn { lines.append("alias: \(alias)") }
        lines.append("definition-sha256: \(deployment.definitionSHA256)")
        if deployment.dirty { lines.append("dirty: true") }
        lines.append("target: \(deployment.target)")
        if let plan = deployment.planId { lines.append("plan: \(plan)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Appends the deployment's block to the note on its commit. A dirty deployment is
    /// noted too (on the commit it started from, marked `dirty: true`).
    ///
    /// Throws when the commit is not in `repository` or libgit2 cannot write the note; the
    /// deployment itself has happened by then, so callers report this as a warning.
    @discardableResult
    public static func append(_ deployment: DeploymentRecord, in repository: GitRepository) throws(GitError) -> String {
        guard let id = GitObjectID(hex: deployment.commit.lowercased()) else {
            throw GitError(
                .unknownRevision(deployment.commit), operation: "note the deployment of '\(deployment.workflow)'",
                message: "'\(deployment.commit)' is not a full commit sha")
        }
        guard repository.contains(id) else {
            throw GitError(
                .missingObject, operation: "note the deployment of '\(deployment.workflow)'",
                message: "commit \(id.short) is not in the repository")
        }
        return try repository.appendNote(text(deployment), to: id)
    }

    /// What `sfn apply`, `promote` and `rollback` call after each deployment: appends its note
    /// when `projectFile` (the value of `sfn.yaml`) asks for notes, in the git repository
    /// containing `path`. Returns the note's text, or nil when notes are not asked for.
    @discardableResult
    public static func appendIfEnabled(
        _ deployment: DeploymentRecord, projectFile: JSON?, repositoryAt path: String
    ) throws(GitError) -> String? {
        guard isEnabled(projectFile: projectFile) else { return nil }
        return try append(deployment, in: try GitRepository(discovering: path))
    }

    /// `2026-11-28T10:02:00.000Z`: ISO 8601 in UTC, to the millisecond.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
