import Foundation
import Git
import Workspace

/// An sfn repository together with the git repository that versions it: the way to
/// read its sources at any revision, its HEAD, and its working tree's status.
///
/// The sfn root may be a subdirectory of the git working tree (a monorepo); `prefix`
/// is that subdirectory, and every path this type hands out is relative to the sfn
/// root, as in the working tree.
public struct VersionedRepository: Sendable {
    /// The sfn repository's root on disk.
    public let root: String
    public let git: GitRepository
    /// The sfn root relative to the git working directory (`""` when they are the same).
    public let prefix: String

    /// Opens the git repository that contains `root`. Bare repositories are refused:
    /// sfn works from a clone, where the working tree is one of the sides of a diff.
    public static func open(root: String) throws(RevisionError) -> VersionedRepository {
        let git: GitRepository
        do {
            git = try GitRepository(discovering: root)
        } catch {
            throw RevisionError(error, path: root)
        }
        guard let workdir = git.workdir, !git.isBare else {
            throw .bareRepository(path: git.gitDirectory.hasSuffix("/") ? String(git.gitDirectory.dropLast()) : git.gitDirectory)
        }
        let canonicalRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().standardizedFileURL.path
        let canonicalWorkdir = URL(fileURLWithPath: workdir).resolvingSymlinksInPath().standardizedFileURL.path
        let prefix: String
        if canonicalRoot == canonicalWorkdir {
            prefix = ""
        } else if canonicalRoot.hasPrefix(canonicalWorkdir + "/") {
            prefix = String(canonicalRoot.dropFirst(canonicalWorkdir.count + 1))
        } else {
            throw .outsideWorkingTree(root: root, workdir: workdir)
        }
        return VersionedRepository(root: root, git: git, prefix: prefix)
    }

    /// The commit `revision` names (`HEAD` by default).
    public func commit(_ revision: String = "HEAD") throws(RevisionError) -> CommitInfo {
        do {
            return try git.commit(revision)
        } catch {
            throw RevisionError(error, path: root)
        }
    }

    /// The commit with `id`.
    public func commit(id: GitObjectID) throws(RevisionError) -> CommitInfo {
        do {
            return try git.commit(id: id)
        } catch {
            throw RevisionError(error, path: root)
        }
    }

    /// The sfn repository's files as `commit` holds them.
    public func tree(at commit: CommitInfo) throws(RevisionError) -> GitSourceTree {
        do {
            return try GitSourceTree(repository: git, commit: commit, prefix: prefix)
        } catch {
            throw RevisionError(error, path: root)
        }
    }

    /// The sources on one side: the working tree (no commit), or a revision's tree
    /// with its commit.
    public func sources(_ side: SourceRevision) throws(RevisionError) -> (tree: any SourceTree, commit: CommitInfo?) {
        switch side {
        case .worktree:
            return (DirectorySourceTree(root: root), nil)
        case .revision(let revision):
            let commit = try commit(revision)
            return (try tree(at: commit), commit)
        }
    }

    /// Which files under the sfn root differ from HEAD, by sfn-root-relative path.
    public func workingTreeStatus() throws(RevisionError) -> WorkingTreeStatus {
        let all: [String: GitFileStatus]
        do {
            all = try git.status()
        } catch {
            throw RevisionError(error, path: root)
        }
        var files: [String: GitFileStatus] = [:]
        let lead = prefix.isEmpty ? "" : prefix + "/"
        for (path, status) in all where path.hasPrefix(lead) {
            files[String(path.dropFirst(lead.count))] = status
        }
        return WorkingTreeStatus(files: files)
    }
}
