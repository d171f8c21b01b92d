/// Where renderers find the text of a file named by a location, to print the
/// offending line under a diagnostic. Sources may come from a working tree, a git
/// commit or memory, so renderers never read the disk themselves.
public protocol SourceProvider: Sendable {
    func sourceFile(named path: String) -> SourceFile?
}

/// A fixed set of source files, keyed by path.
public struct SourceFileSet: SourceProvider, Sendable {
    public private(set) var files: [String: SourceFile] = [:]

    public init(_ files: [SourceFile] = []) {
        for file in files { self.files[file.path] = file }
    }

    public mutating func add(_ file: SourceFile) { files[file.path] = file }

    public func sourceFile(named path: String) -> SourceFile? { files[path] }
}
