internal import CGit2

extension GitRepository {
    /// The entry at `path` (`workflows/etl.yaml`, `templates`) inside the tree `tree`;
    /// nil when nothing is there. The empty path is the tree itself.
    public func entry(at path: String, in tree: GitObjectID) throws(GitError) -> GitTreeEntry? {
        if path.isEmpty { return GitTreeEntry(name: "", kind: .directory, id: tree) }
        return try locked { () throws(GitError) -> GitTreeEntry? in
            try withTree(tree) { (root) throws(GitError) -> GitTreeEntry? in
                var entry: OpaquePointer?
                let found = git_tree_entry_bypath(&entry, root, path)
                if found == GIT_ENOTFOUND.rawValue { return nil }
                try check(found, "find '\(path)' in tree \(tree.short)")
                defer { git_tree_entry_free(entry) }
                return GitRepository.describe(entry)
            }
        }
    }

    /// The entries of the tree `tree`, in git's order (by name).
    public func entries(of tree: GitObjectID) throws(GitError) -> [GitTreeEntry] {
        try locked { () throws(GitError) -> [GitTreeEntry] in
            try withTree(tree) { (object) throws(GitError) -> [GitTreeEntry] in
                var entries: [GitTreeEntry] = []
                let count = git_tree_entrycount(object)
                entries.reserveCapacity(count)
                for index in 0..<count {
                    if let entry = GitRepository.describe(git_tree_entry_byindex(object, index)) { entries.append(entry) }
                }
                return entries
            }
        }
    }

    /// The bytes of a blob.
    public func blob(_ id: GitObjectID) throws(GitError) -> [UInt8] {
        try locked { () throws(GitError) -> [UInt8] in
            var oid = id.oid
            var blob: OpaquePointer?
            try check(git_blob_lookup(&blob, handle, &oid), "read blob \(id.short)", kind: .missingObject)
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
            return Array(UnsafeRawBufferPointer(start: raw, count: size))
        }
    }

    /// Looks a tree up and passes it to `body`; the caller holds the lock.
    private func withTree<T>(_ id: GitObjectID, _ body: (OpaquePointer?) throws(GitError) -> T) throws(GitError) -> T {
        var oid = id.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &oid), "read tree \(id.short)", kind: .missingObject)
        defer { git_tree_free(tree) }
        return try body(tree)
    }

    /// A libgit2 tree entry as a value; nil for an entry libgit2 cannot classify.
    private static func describe(_ entry: OpaquePointer?) -> GitTreeEntry? {
        guard let entry, let name = git_tree_entry_name(entry), let id = git_tree_entry_id(entry) else { return nil }
        let kind: GitTreeEntry.Kind
        switch git_tree_entry_filemode(entry) {
        case GIT_FILEMODE_TREE: kind = .directory
        case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE: kind = .file
        case GIT_FILEMODE_LINK: kind = .symbolicLink
        case GIT_FILEMODE_COMMIT: kind = .submodule
        default: return nil
        }
        return GitTreeEntry(name: String(cString: name), kind: kind, id: GitObjectID(id))
    }
}
