/// A source tree held in memory: the double for tests, and the form a git commit's
/// files take once read.
///
/// Directories are implied by file paths (`workflows/etl.yaml` makes `workflows`).
public struct InMemorySourceTree: SourceTree {
    public private(set) var files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]] = [:]) {
        self.files = [:]
        for (path, bytes) in files { self.files[InMemorySourceTree.normalize(path)] = bytes }
    }

    /// A tree of text files (UTF-8).
    public init(_ files: [String: String]) {
        self.init(files.mapValues { Array($0.utf8) })
    }

    public mutating func write(_ path: String, _ bytes: [UInt8]) {
        files[InMemorySourceTree.normalize(path)] = bytes
    }

    public mutating func write(_ path: String, _ text: String) {
        write(path, Array(text.utf8))
    }

    public mutating func remove(_ path: String) {
        files[InMemorySourceTree.normalize(path)] = nil
    }

    public func list(directory: String) throws -> [SourceEntry] {
        let directory = InMemorySourceTree.normalize(directory)
        let prefix = directory.isEmpty ? "" : directory + "/"
        var entries: Set<SourceEntry> = []
        for path in files.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                entries.insert(SourceEntry(path: prefix + rest[..<slash], kind: .directory))
            } else {
                entries.insert(SourceEntry(path: path, kind: .file))
            }
        }
        return entries.sorted()
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[InMemorySourceTree.normalize(path)] else {
            throw WorkspaceError.fileNotFound(path)
        }
        return bytes
    }

    /// `./a//b/` → `a/b`, so tests may write paths loosely.
    static func normalize(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
