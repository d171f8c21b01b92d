import Git

/// One commit of `sfn log`: a commit at which at least one rendered definition changed.
public struct HistoryEntry: Sendable {
    public var commit: CommitInfo
    /// Sorted by workflow, then by environment in the order asked for.
    public var changes: [HistoryChange]
}
