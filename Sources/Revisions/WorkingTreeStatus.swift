import Git

/// The working tree's uncommitted changes, by sfn-root-relative path: whether what a
/// workflow renders from is what HEAD holds.
///
/// Later issues record a deployment against a commit only when its sources are clean;
/// `sfn diff` shows which sources an uncommitted change comes from.
public struct WorkingTreeStatus: Sendable, Hashable {
    /// Only paths that differ from HEAD are present.
    public let files: [String: GitFileStatus]

    public init(files: [String: GitFileStatus]) {
        self.files = files
    }

    /// The status of a set of sources (a rendered workflow's `sources`: its file, the
    /// templates it used, its environment chain and `sfn.yaml`).
    public func status(of sources: [String]) -> SourceStatus {
        var result = SourceStatus()
        for path in sources {
            guard let status = files[path] else { continue }
            if status.staged { result.staged.append(path) }
            if status.modified { result.modified.append(path) }
            if status.untracked { result.untracked.append(path) }
        }
        return result
    }
}
