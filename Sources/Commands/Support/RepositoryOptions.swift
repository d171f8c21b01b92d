import ArgumentParser
import Foundation
import Revisions

/// Options every repository command shares: where the repository is.
struct RepositoryOptions: ParsableArguments {
    @Option(name: [.customShort("C"), .customLong("directory")],
            help: ArgumentHelp("Run as if sfn was started in <path> (like git -C).", valueName: "path"))
    var directory: String?

    /// The repository root: the nearest directory, from the start directory upwards,
    /// that holds `sfn.yaml` or a `workflows/` directory (as git finds `.git`).
    func repositoryRoot() throws(CommandFailure) -> String {
        let fileManager = FileManager.default
        let start = URL(fileURLWithPath: directory ?? fileManager.currentDirectoryPath).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: start.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(message: "cannot change to '\(directory ?? start.path)': no such directory")
        }
        var candidate = start
        while true {
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("sfn.yaml").path)
                || fileManager.fileExists(atPath: candidate.appendingPathComponent("workflows").path, isDirectory: &isDirectory) && isDirectory.boolValue
            {
                return candidate.path
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        throw CommandFailure(message: """
            not an sfn repository (or any parent up to /): no sfn.yaml or workflows/ directory in \(start.path)
            Run 'sfn init' to create one, or use -C <path> to point at one.
            """)
    }
}

extension RepositoryOptions {
    /// The directory commands start from: `-C`, else the current directory.
    var startDirectory: String {
        directory ?? FileManager.default.currentDirectoryPath
    }

    /// The sfn repository and the git repository that versions it, for commands that
    /// read history. The sfn root is found as `repositoryRoot()` finds it, else it is
    /// the git working tree's root (a revision may hold workflows the working tree lacks).
    func versionedRepository() throws(CommandFailure) -> VersionedRepository {
        do {
            if let root = try? repositoryRoot() { return try VersionedRepository.open(root: root) }
            let opened = try VersionedRepository.open(root: startDirectory)
            guard let workdir = opened.git.workdir else { return opened }
            return try VersionedRepository.open(root: workdir.hasSuffix("/") ? String(workdir.dropLast()) : workdir)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }
}
