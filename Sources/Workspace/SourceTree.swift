/// A read-only view of a repository's files: the working tree, a git commit, or memory.
///
/// Everything `Workspace` reads goes through this protocol, so rendering the same
/// tree always gives the same bytes, and a commit can be rendered without checking it
/// out. Paths are repository-relative, separated by `/`, without a leading `/`;
/// the root directory is `""`.
public protocol SourceTree: Sendable {
    /// The files and directories directly inside `directory`, sorted by path.
    /// A directory that does not exist lists as empty: a repository without
    /// `templates/` is an ordinary repository.
    func list(directory: String) throws -> [SourceEntry]

    /// The bytes of the file at `path`; throws `WorkspaceError.fileNotFound` when absent.
    func read(_ path: String) throws -> [UInt8]
}

/// One item of a directory listing.
public struct SourceEntry: Hashable, Sendable, Comparable {
    public enum Kind: Hashable, Sendable {
        case file
        case directory
    }

    /// Repository-relative path (`workflows/etl.yaml`).
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// The last path component (`etl.yaml`).
    public var name: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    public static func < (lhs: SourceEntry, rhs: SourceEntry) -> Bool { lhs.path < rhs.path }
}

/// Failures of the source tree itself (not problems in a source): the loader turns
/// them into diagnostics naming the file.
public enum WorkspaceError: Error, Hashable, Sendable, CustomStringConvertible {
    case fileNotFound(String)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path): "'\(path)' does not exist"
        case .unreadable(let path, let reason): "'\(path)' cannot be read: \(reason)"
        }
    }
}

extension SourceTree {
    /// Every file under `directory`, depth first, sorted by path.
    func listFilesRecursively(_ directory: String) throws -> [SourceEntry] {
        var files: [SourceEntry] = []
        for entry in try list(directory: directory) {
            switch entry.kind {
            case .file: files.append(entry)
            case .directory: files += try listFilesRecursively(entry.path)
            }
        }
        return files
    }
}
