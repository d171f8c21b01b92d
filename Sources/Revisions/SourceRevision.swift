/// One side of a comparison: the working tree (uncommitted edits included) or a
/// revision git can resolve.
public enum SourceRevision: Hashable, Sendable, CustomStringConvertible {
    case worktree
    case revision(String)

    /// `worktree` (the word users type) is the working tree; anything else is a revision.
    public init(argument: String) {
        self = argument == "worktree" ? .worktree : .revision(argument)
    }

    public var description: String {
        switch self {
        case .worktree: "worktree"
        case .revision(let revision): revision
        }
    }
}
