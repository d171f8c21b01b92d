internal import CGit2

extension GitRepository {
    /// Every path of the working tree that differs from HEAD, keyed by its path
    /// relative to the working directory: staged, modified, or untracked (files inside
    /// untracked directories are listed one by one). Ignored files are left out.
    ///
    /// Reads the index and the working tree; writes neither (libgit2 may refresh its
    /// in-memory index only).
    public func status() throws(GitError) -> [String: GitFileStatus] {
        try locked { () throws(GitError) -> [String: GitFileStatus] in
            if git_repository_is_bare(handle) == 1 {
                throw GitError(.bareRepository, operation: "read status", message: "a bare repository has no working tree")
            }
            var options = git_status_options()
            try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "prepare status")
            options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
            options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
                | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
            var list: OpaquePointer?
            try check(git_status_list_new(&list, handle, &options), "read status")
            defer { git_status_list_free(list) }
            let staged: UInt32 = GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue
                | GIT_STATUS_INDEX_DELETED.rawValue | GIT_STATUS_INDEX_RENAMED.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue
            let modified: UInt32 = GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_DELETED.rawValue
                | GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_WT_RENAMED.rawValue
            var result: [String: GitFileStatus] = [:]
            for index in 0..<git_status_list_entrycount(list) {
                guard let entry = git_status_byindex(list, index)?.pointee else { continue }
                let flags = entry.status.rawValue
                let delta = entry.index_to_workdir ?? entry.head_to_index
                guard let delta, let pathPointer = delta.pointee.new_file.path ?? delta.pointee.old_file.path else { continue }
                let path = String(cString: pathPointer)
                var status = result[path] ?? GitFileStatus()
                if flags & staged != 0 { status.staged = true }
                if flags & modified != 0 { status.modified = true }
                if flags & GIT_STATUS_WT_NEW.rawValue != 0 { status.untracked = true }
                if !status.isClean { result[path] = status }
                if let head = entry.head_to_index, let old = head.pointee.old_file.path {
                    // A staged rename changes the old path too.
                    let oldPath = String(cString: old)
                    if oldPath != path, flags & staged != 0 { result[oldPath, default: GitFileStatus()].staged = true }
                }
            }
            return result
        }
    }
}
