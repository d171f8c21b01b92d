import Git
import Workspace

/// The files of one commit, as a `SourceTree`: what `--rev` renders.
///
/// Every read goes to libgit2's object database (trees and blobs of the commit), so
/// reading a revision never checks it out and never touches the working tree or the
/// index. When the sfn repository is a subdirectory of the git repository (a monorepo),
/// `prefix` names it and paths stay relative to it, exactly as on disk.
///
/// Hidden entries (`.github`, `.sfn`) are not listed, as in `DirectorySourceTree`.
public struct GitSourceTree: SourceTree {
    public let repository: GitRepository
    public let commit: CommitInfo
    /// The tree of the sfn repository's root inside the commit; nil when the commit has
    /// no such directory (the tree then lists as empty).
    public let root: GitObjectID?

    /// The tree of `commit`, below `prefix` (`""` for the repository root, else `a/b`).
    public init(repository: GitRepository, commit: CommitInfo, prefix: String = "") throws(GitError) {
        self.repository = repository
        self.commit = commit
        if prefix.isEmpty {
            root = commit.treeID
        } else if let entry = try repository.entry(at: prefix, in: commit.treeID), entry.kind == .directory {
            root = entry.id
        } else {
            root = nil
        }
    }

    public func list(directory: String) throws -> [SourceEntry] {
        guard let tree = try treeID(of: directory) else { return [] }
        let prefix = directory.isEmpty ? "" : directory + "/"
        var entries: [SourceEntry] = []
        for entry in try repository.entries(of: tree) where !entry.name.hasPrefix(".") {
            switch entry.kind {
            case .file, .symbolicLink: entries.append(SourceEntry(path: prefix + entry.name, kind: .file))
            case .directory: entries.append(SourceEntry(path: prefix + entry.name, kind: .directory))
            case .submodule: continue
            }
        }
        return entries.sorted()
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let root, let entry = try repository.entry(at: path, in: root) else {
            throw WorkspaceError.fileNotFound(path)
        }
        switch entry.kind {
        case .file: return try repository.blob(entry.id)
        case .symbolicLink:
            throw WorkspaceError.unreadable(path, reason: "it is a symbolic link in commit \(commit.shortSHA); sfn reads regular files from a revision")
        case .directory, .submodule:
            throw WorkspaceError.unreadable(path, reason: "it is a directory in commit \(commit.shortSHA)")
        }
    }

    /// The object id at `path` (a blob for a file, a tree for a directory), or nil when
    /// absent: the cache key of whatever was computed from it.
    public func objectID(of path: String) throws(GitError) -> GitObjectID? {
        guard let root else { return nil }
        return try repository.entry(at: path, in: root)?.id
    }

    /// The tree id of `directory`, or nil when it is absent or not a directory.
    private func treeID(of directory: String) throws(GitError) -> GitObjectID? {
        guard let root else { return nil }
        if directory.isEmpty { return root }
        guard let entry = try repository.entry(at: directory, in: root), entry.kind == .directory else { return nil }
        return entry.id
    }
}
