/// One entry of a git tree: a file, a directory, a symbolic link or a submodule.
public struct GitTreeEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case file
        case directory
        case symbolicLink
        case submodule
    }

    /// The entry's name inside its tree (`etl.yaml`).
    public let name: String
    public let kind: Kind
    /// The blob id of a file or link, the tree id of a directory, the commit of a submodule.
    public let id: GitObjectID

    public init(name: String, kind: Kind, id: GitObjectID) {
        self.name = name
        self.kind = kind
        self.id = id
    }
}
