internal import CGit2

/// An open git repository, read through libgit2 (never by shelling out to `git`).
///
/// This is the seam later issues build on to read workflow sources at any commit; for
/// now it opens a repository and describes its HEAD commit. libgit2 handles are owned
/// by this class and freed in `deinit`; they are never shared across threads while in
/// use, hence `@unchecked Sendable` with all access behind the instance's own methods.
public final class GitRepository: @unchecked Sendable {
    private let handle: OpaquePointer

    /// The working directory, or nil for a bare repository.
    public let workdir: String?

    /// Opens the repository containing `path`, searching parent directories as git does.
    public init(discovering path: String) throws(GitError) {
        GitLibrary.ensureInitialized()
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(git_repository_discover(&buffer, path, 0, nil), "discover repository at '\(path)'")
        var repo: OpaquePointer?
        try check(git_repository_open(&repo, buffer.ptr), "open repository")
        guard let repo else { throw GitError(operation: "open repository", message: "no repository", code: -1) }
        handle = repo
        workdir = git_repository_workdir(repo).map { String(cString: $0) }
    }

    deinit { git_repository_free(handle) }

    /// The commit a revision names (`HEAD`, a branch, a tag, a sha, `HEAD~2`).
    public func commit(_ revision: String = "HEAD") throws(GitError) -> CommitInfo {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, handle, revision), "resolve revision '\(revision)'")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "peel '\(revision)' to a commit")
        defer { git_commit_free(commit) }
        guard let oid = git_commit_id(commit) else {
            throw GitError(operation: "read commit", message: "no id", code: -1)
        }
        var hex = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_tostr(&hex, hex.count, oid)
        let summary = git_commit_summary(commit).map { String(cString: $0) } ?? ""
        let author = git_commit_author(commit)
        return CommitInfo(
            sha: String(decoding: hex.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
            summary: summary,
            authorName: author.map { String(cString: $0.pointee.name) } ?? "",
            authorEmail: author.map { String(cString: $0.pointee.email) } ?? "",
            time: Int64(git_commit_time(commit)))
    }
}

/// The identity and description of one commit.
public struct CommitInfo: Sendable, Hashable {
    public let sha: String
    public let summary: String
    public let authorName: String
    public let authorEmail: String
    /// Seconds since the Unix epoch (committer time).
    public let time: Int64

    public var shortSHA: String { String(sha.prefix(7)) }
}

/// Turns a libgit2 return code into a `GitError` carrying libgit2's last message.
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
    guard code < 0 else { return }
    let message = git_error_last().map { String(cString: $0.pointee.message) } ?? "error \(code)"
    throw GitError(operation: operation(), message: message, code: code)
}

/// libgit2 must be initialised once per process before any call.
enum GitLibrary {
    private static let initialized: Bool = {
        git_libgit2_init()
        return true
    }()

    static func ensureInitialized() { _ = initialized }
}
