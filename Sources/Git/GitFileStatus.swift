/// How one path of the working tree differs from HEAD: staged in the index, modified
/// in the working tree, or not tracked at all. A path can be both staged and modified.
public struct GitFileStatus: Hashable, Sendable {
    /// The index differs from HEAD (added, modified, deleted, renamed or retyped).
    public var staged: Bool
    /// The working tree differs from the index (modified, deleted or retyped).
    public var modified: Bool
    /// Present in the working tree, unknown to the index and not ignored.
    public var untracked: Bool

    public init(staged: Bool = false, modified: Bool = false, untracked: Bool = false) {
        self.staged = staged
        self.modified = modified
        self.untracked = untracked
    }

    public var isClean: Bool { !staged && !modified && !untracked }
}
