import Diagnostics
import Git
import Revisions
import Workspace

/// A loaded repository for one command run: the project, the problems found loading
/// it, and the source texts diagnostics quote.
struct ProjectSession {
    let root: String
    let project: Project
    let loadDiagnostics: [Diagnostic]
    /// The revision asked for with `--rev` and its commit; nil for the working tree.
    let revision: (name: String, commit: CommitInfo)?

    /// Loads the working tree, or the tree of `revision` when given (read through
    /// libgit2: nothing is checked out, the working tree and index are untouched).
    init(repository: RepositoryOptions, revision: String? = nil) async throws(CommandFailure) {
        let tree: any SourceTree
        if let revision {
            let versioned = try repository.versionedRepository()
            do {
                let commit = try versioned.commit(revision)
                tree = try versioned.tree(at: commit)
                self.revision = (revision, commit)
            } catch {
                throw CommandFailure(message: error.description)
            }
            root = versioned.root
        } else {
            root = try repository.repositoryRoot()
            tree = DirectorySourceTree(root: root)
            self.revision = nil
        }
        let result = await ProjectLoader.load(from: tree)
        project = result.project
        loadDiagnostics = result.diagnostics
    }

    /// ` at revision 'v1.4.0' (a1b2c3d)` for messages about what a revision holds; empty
    /// for the working tree.
    var whereText: String {
        guard let revision else { return "" }
        return " at revision '\(revision.name)' (\(revision.commit.shortSHA))"
    }

    /// The environments a run covers: the named ones (checked to exist), or every
    /// deployable one (abstract bases such as `base` are not deployed on their own).
    func environments(named names: [String]) throws(CommandFailure) -> [String] {
        let known = project.environmentNames
        if names.isEmpty {
            let deployable = project.deployableEnvironmentNames
            guard !deployable.isEmpty else {
                throw CommandFailure(message: "there are no environments\(whereText): add one as environments/<name>.yaml (for example environments/local.yaml)")
            }
            return deployable
        }
        for name in names where !known.contains(name) {
            throw CommandFailure(message: "unknown environment '\(name)'\(whereText)\(Suggestion.didYouMean(name, in: known))"
                + (known.isEmpty ? "; there are no files in environments/" : "; environments: \(project.deployableEnvironmentNames.joined(separator: ", "))"))
        }
        return names
    }

    /// Checks workflow ids named on the command line.
    func checkWorkflows(_ ids: [String]) throws(CommandFailure) {
        let known = project.workflowIDs + project.unloadableWorkflowIDs.keys
        for id in ids where !known.contains(id) {
            if revision != nil {
                throw CommandFailure(message: "workflow '\(id)' does not exist\(whereText)\(Suggestion.didYouMean(id, in: known))"
                    + (known.isEmpty ? "; it has no workflows" : "; workflows there: \(project.workflowIDs.joined(separator: ", "))"))
            }
            throw CommandFailure(message: "unknown workflow '\(id)'\(Suggestion.didYouMean(id, in: known))"
                + (known.isEmpty ? "; there are no files in workflows/" : "; workflows: \(project.workflowIDs.joined(separator: ", "))"))
        }
    }
}
