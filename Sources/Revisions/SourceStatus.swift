/// Which of a workflow's sources are staged, modified or untracked; empty lists mean
/// the working tree renders exactly what HEAD renders.
public struct SourceStatus: Sendable, Hashable {
    public var staged: [String] = []
    public var modified: [String] = []
    public var untracked: [String] = []

    public init(staged: [String] = [], modified: [String] = [], untracked: [String] = []) {
        self.staged = staged
        self.modified = modified
        self.untracked = untracked
    }

    public var isClean: Bool { staged.isEmpty && modified.isEmpty && untracked.isEmpty }
}
