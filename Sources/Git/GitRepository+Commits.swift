internal import CGit2

extension GitRepository {
    /// The commit a revision names: anything libgit2's rev-parse accepts (`HEAD`, a
    /// branch, a tag, a full or short sha, `HEAD~2`, `main^2`, `@{upstream}`).
    ///
    /// Throws `.unbornHead` for `HEAD` in a repository without commits, and
    /// `.unknownRevision` when the revision names nothing here.
    public func commit(_ revision: String = "HEAD") throws(GitError) -> CommitInfo {
        try locked { () throws(GitError) -> CommitInfo in
            var object: OpaquePointer?
            let found = git_revparse_single(&object, handle, revision)
            if found < 0 {
                let unborn = git_repository_head_unborn(handle) == 1
                if unborn && (revision.hasPrefix("HEAD") || revision.hasPrefix("@")) {
                    throw GitError(.unbornHead, operation: "resolve revision '\(revision)'",
                                   message: "HEAD has no commit yet", code: found)
                }
                if found == GIT_ENOTFOUND.rawValue || found == GIT_EINVALIDSPEC.rawValue
                    || found == GIT_EAMBIGUOUS.rawValue || found == GIT_EUNBORNBRANCH.rawValue {
                    let detail = git_error_last().map { String(cString: $0.pointee.message) } ?? "not found"
                    throw GitError(.unknownRevision(revision), operation: "resolve revision '\(revision)'",
                                   message: detail, code: found)
                }
                try check(found, "resolve revision '\(revision)'")
            }
            defer { git_object_free(object) }
            var commit: OpaquePointer?
            try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "peel '\(revision)' to a commit",
                      kind: .unknownRevision(revision))
            defer { git_commit_free(commit) }
            return info(of: commit)
        }
    }

    /// The commit with this id; `.missingObject` when the repository does not hold it
    /// (beyond a shallow clone's boundary).
    public func commit(id: GitObjectID) throws(GitError) -> CommitInfo {
        try locked { () throws(GitError) -> CommitInfo in
            var oid = id.oid
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid), "read commit \(id.short)", kind: .missingObject)
            defer { git_commit_free(commit) }
            return info(of: commit)
        }
    }

    /// Reads a commit's fields; `commit` is a valid `git_commit *`.
    private func info(of commit: OpaquePointer?) -> CommitInfo {
        let author = git_commit_author(commit)
        var parents: [GitObjectID] = []
        for index in 0..<git_commit_parentcount(commit) {
            if let parent = git_commit_parent_id(commit, index) { parents.append(GitObjectID(parent)) }
        }
        return CommitInfo(
            id: GitObjectID(git_commit_id(commit)),
            summary: git_commit_summary(commit).map { String(cString: $0) } ?? "",
            authorName: author.map { String(cString: $0.pointee.name) } ?? "",
            authorEmail: author.map { String(cString: $0.pointee.email) } ?? "",
            time: Int64(git_commit_time(commit)),
            timeOffsetMinutes: Int(git_commit_time_offset(commit)),
            treeID: GitObjectID(git_commit_tree_id(commit)),
            parentIDs: parents)
    }
}
