import Foundation

/// The working tree: files under a directory on disk.
///
/// Hidden entries (`.git`, `.sfn`, editor files) are not listed: they are never
/// part of a repository's sources.
public struct DirectorySourceTree: SourceTree {
    /// The repository root on disk.
    public let root: URL

    public init(root: String) {
        self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
    }

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func list(directory: String) throws -> [SourceEntry] {
        let url = directory.isEmpty ? root : root.appendingPathComponent(directory, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw WorkspaceError.unreadable(directory, reason: "\(error.localizedDescription)")
        }
        var entries: [SourceEntry] = []
        for name in names where !name.hasPrefix(".") {
            let path = directory.isEmpty ? name : directory + "/" + name
            var childIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &childIsDirectory) else {
                continue  // a dangling symbolic link
            }
            entries.append(SourceEntry(path: path, kind: childIsDirectory.boolValue ? .directory : .file))
        }
        return entries.sorted()
    }

    public func read(_ path: String) throws -> [UInt8] {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw WorkspaceError.fileNotFound(path) }
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw WorkspaceError.unreadable(path, reason: error.localizedDescription)
        }
    }
}
