import Git

/// The result of walking history: entries newest first, and how the walk ended.
public struct WorkflowLog: Sendable {
    public var entries: [HistoryEntry]
    /// The workflows and environments followed.
    public var workflows: [String]
    public var environments: [String]
    /// Commits visited.
    public var commitsWalked: Int
    /// Workflow loads the cache could not answer (each renders every environment).
    public var renders: Int
    /// Set when the walk reached a shallow clone's boundary: this commit's parent is
    /// not in the repository, so what it changed is unknown.
    public var shallowBoundary: CommitInfo?
    /// Named workflows that exist at no commit walked.
    public var neverSeen: [String]
}
