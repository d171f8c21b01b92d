import Diagnostics
import Workspace

/// A loaded repository for one command run: the project, the problems found loading
/// it, and the source texts diagnostics quote.
struct ProjectSession {
    let root: String
    let project: Project
    let loadDiagnostics: [Diagnostic]

    init(repository: RepositoryOptions) throws(CommandFailure) {
        root = try repository.repositoryRoot()
        let result = ProjectLoader.load(from: DirectorySourceTree(root: root))
        project = result.project
        loadDiagnostics = result.diagnostics
    }

    /// The environments a run covers: the named ones (checked to exist), or every
    /// deployable one (abstract bases such as `base` are not deployed on their own).
    func environments(named names: [String]) throws(CommandFailure) -> [String] {
        let known = project.environmentNames
        if names.isEmpty {
            let deployable = project.deployableEnvironmentNames
            guard !deployable.isEmpty else {
                throw CommandFailure(message: "there are no environments: add one as environments/<name>.yaml (for example environments/local.yaml)")
            }
            return deployable
        }
        for name in names where !known.contains(name) {
            throw CommandFailure(message: "unknown environment '\(name)'\(Suggestion.didYouMean(name, in: known))"
                + (known.isEmpty ? "; there are no files in environments/" : "; environments: \(project.deployableEnvironmentNames.joined(separator: ", "))"))
        }
        return names
    }

    /// Checks workflow ids named on the command line.
    func checkWorkflows(_ ids: [String]) throws(CommandFailure) {
        let known = project.workflowIDs + project.unloadableWorkflowIDs.keys
        for id in ids where !known.contains(id) {
            throw CommandFailure(message: "unknown workflow '\(id)'\(Suggestion.didYouMean(id, in: known))"
                + (known.isEmpty ? "; there are no files in workflows/" : "; workflows: \(project.workflowIDs.joined(separator: ", "))"))
        }
    }
}
