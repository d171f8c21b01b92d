import Diagnostics
import Git
import Revisions
import Workspace

/// Renders every workflow on two sides (revisions or the working tree) for each
/// environment and compares them: what `sfn diff` shows.
public struct RevisionComparison: Sendable {
    /// One side as it was resolved.
    public struct Side: Sendable {
        public var revision: SourceRevision
        /// Nil for the working tree.
        public var commit: CommitInfo?
        public var project: Project
        public var loadDiagnostics: [Diagnostic]

        /// `HEAD~1 (a1b2c3d)`, or `worktree`.
        public var label: String {
            guard let commit else { return revision.description }
            return revision.description == commit.sha ? commit.shortSHA : "\(revision) (\(commit.shortSHA))"
        }
    }

    public var from: Side
    public var to: Side
    /// One per environment compared, in the order asked for.
    public var environments: [EnvironmentComparison]
    /// Which sources differ from HEAD, when one side is the working tree.
    public var workingTree: WorkingTreeStatus?

    /// Loads both sides and compares `environments` (every deployable environment of
    /// either side when empty). Throws when a revision cannot be read; an environment
    /// named that exists on neither side is `unknownEnvironments`.
    public static func run(
        repository: VersionedRepository, from: SourceRevision, to: SourceRevision, environments names: [String]
    ) throws(RevisionError) -> RevisionComparison {
        let old = try load(repository, from)
        let new = try load(repository, to)
        var environments = names
        if environments.isEmpty {
            environments = Array(Set(old.project.deployableEnvironmentNames).union(new.project.deployableEnvironmentNames)).sorted()
        }
        let oldRenderer = Renderer(project: old.project)
        let newRenderer = Renderer(project: new.project)
        let comparisons = environments.map { environment in
            EnvironmentComparison(
                old: EnvironmentSnapshot.render(oldRenderer, environment: environment),
                new: EnvironmentSnapshot.render(newRenderer, environment: environment))
        }
        var status: WorkingTreeStatus?
        if from == .worktree || to == .worktree {
            status = try? repository.workingTreeStatus()
        }
        return RevisionComparison(from: old, to: new, environments: comparisons, workingTree: status)
    }

    private static func load(_ repository: VersionedRepository, _ revision: SourceRevision) throws(RevisionError) -> Side {
        let (tree, commit) = try repository.sources(revision)
        let result = ProjectLoader.load(from: tree)
        return Side(revision: revision, commit: commit, project: result.project, loadDiagnostics: result.diagnostics)
    }

    /// Environments named that exist on neither side.
    public static func unknownEnvironments(_ names: [String], in comparison: RevisionComparison) -> [String] {
        names.filter { comparison.from.project.environments[$0] == nil && comparison.to.project.environments[$0] == nil }
    }

    public var hasDifferences: Bool { environments.contains { $0.hasDifferences } }

    /// Every render error that made some workflow impossible to compare.
    public var failures: [Diagnostic] {
        var seen: Set<Diagnostic> = []
        var result: [Diagnostic] = []
        for environment in environments {
            for diagnostic in environment.diagnostics + environment.workflows.flatMap(\.diagnostics)
            where diagnostic.severity == .error && seen.insert(diagnostic).inserted {
                result.append(diagnostic)
            }
        }
        return result
    }
}
