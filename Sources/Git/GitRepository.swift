internal import CGit2
import Synchronization

/// An open git repository, read through libgit2 (never by shelling out to `git`).
///
/// This is how sfn reads workflow sources at any commit without checking it out:
/// commits, trees and blobs are read from the object database, and the working tree
/// and index are never written.
///
/// `@unchecked Sendable`: the libgit2 handle is owned by this instance, freed in
/// `deinit`, and every call that touches it runs under `lock`, so no two threads use it
/// at once (libgit2 does not allow that for one repository object).
public final class GitRepository: @unchecked Sendable {
    let handle: OpaquePointer
    private let lock = Mutex(())

    /// The working directory (with a trailing `/`), or nil for a bare repository.
    public let workdir: String?
    /// The `.git` directory (or the repository itself when bare).
    public let gitDirectory: String

    /// Opens the repository containing `path`, searching parent directories as git does.
    public init(discovering path: String) throws(GitError) {
        GitLibrary.ensureInitialized()
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let found = git_repository_discover(&buffer, path, 0, nil)
        if found == GIT_ENOTFOUND.rawValue {
            throw GitError(.notARepository, operation: "open repository", message: "'\(path)' is not inside a git repository", code: found)
        }
        try check(found, "discover repository at '\(path)'")
        var repo: OpaquePointer?
        try check(git_repository_open(&repo, buffer.ptr), "open repository")
        guard let repo else { throw GitError(operation: "open repository", message: "libgit2 returned no repository") }
        handle = repo
        workdir = git_repository_workdir(repo).map { String(cString: $0) }
        gitDirectory = String(cString: git_repository_path(repo))
    }

    deinit { git_repository_free(handle) }

    /// Runs `body` with the handle to itself.
    func locked<T: Sendable>(_ body: () throws(GitError) -> T) throws(GitError) -> T {
        try lock.withLock { (_: inout ()) throws(GitError) -> T in try body() }
    }

    /// True for a repository without a working tree.
    public var isBare: Bool {
        (try? locked { git_repository_is_bare(handle) == 1 }) ?? false
    }

    /// True when HEAD names a branch that has no commit yet (a new repository).
    public var isHeadUnborn: Bool {
        (try? locked { git_repository_head_unborn(handle) == 1 }) ?? false
    }

    /// True for a shallow clone (`git clone --depth N`): history ends at grafted commits
    /// whose parents are not in the repository.
    public var isShallow: Bool {
        (try? locked { git_repository_is_shallow(handle) == 1 }) ?? false
    }

    /// Whether the object database holds `id` (false past a shallow clone's boundary).
    public func contains(_ id: GitObjectID) -> Bool {
        (try? locked { () throws(GitError) -> Bool in
            var odb: OpaquePointer?
            try check(git_repository_odb(&odb, handle), "open object database")
            defer { git_odb_free(odb) }
            var oid = id.oid
            return git_odb_exists(odb, &oid) == 1
        }) ?? false
    }
}

/// Turns a libgit2 return code into a `GitError` carrying libgit2's last message.
func check(_ code: Int32, _ operation: @autoclosure () -> String, kind: GitError.Kind = .other) throws(GitError) {
    guard code < 0 else { return }
    let message = git_error_last().map { String(cString: $0.pointee.message) } ?? "error \(code)"
    throw GitError(kind, operation: operation(), message: message, code: code)
}

/// libgit2 must be initialised once per process before any call.
enum GitLibrary {
    private static let initialized: Bool = {
        git_libgit2_init()
        return true
    }()

    static func ensureInitialized() { _ = initialized }
}
