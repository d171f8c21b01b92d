import Git

/// Why sources could not be read at a revision, worded for the user who typed it.
public enum RevisionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory is not inside a git repository.
    case notARepository(path: String)
    /// The repository has no working tree.
    case bareRepository(path: String)
    /// The repository has no commits yet.
    case unbornHead(path: String)
    /// The revision names no commit.
    case unknownRevision(String)
    /// The sfn repository's root is not inside the git repository's working tree.
    case outsideWorkingTree(root: String, workdir: String)
    /// An object is missing (a shallow clone's boundary, a damaged repository).
    case missingObject(String)
    /// Any other libgit2 failure.
    case git(String)

    public var description: String {
        switch self {
        case .notARepository(let path):
            "not a git repository (or any parent up to /): '\(path)'; history needs git: run 'git init' and commit, or use -C <path>"
        case .bareRepository(let path):
            "'\(path)' is a bare git repository (it has no working tree); clone it first: git clone \(path)"
        case .unbornHead(let path):
            "the git repository at '\(path)' has no commits yet (HEAD is unborn); commit your workflows first (git add . && git commit)"
        case .unknownRevision(let revision):
            "unknown revision '\(revision)': not a commit, branch or tag in this repository"
        case .outsideWorkingTree(let root, let workdir):
            "'\(root)' is not inside the working tree of the git repository at '\(workdir)'"
        case .missingObject(let message):
            "a git object is missing (is this a shallow clone?): \(message)"
        case .git(let message):
            "git: \(message)"
        }
    }

    /// The user-facing form of a libgit2 failure.
    public init(_ error: GitError, path: String) {
        switch error.kind {
        case .notARepository: self = .notARepository(path: path)
        case .bareRepository: self = .bareRepository(path: path)
        case .unbornHead: self = .unbornHead(path: path)
        case .unknownRevision(let revision): self = .unknownRevision(revision)
        case .missingObject: self = .missingObject(error.description)
        case .other: self = .git(error.description)
        }
    }
}
