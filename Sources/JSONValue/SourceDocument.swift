/// A parsed source: its value, where each node came from, and the file it was read from.
///
/// What the JSON and YAML parsers return and what rendering and validation pass along,
/// so a problem found anywhere downstream can point at the line a user wrote.
public struct SourceDocument: Sendable {
    public var value: JSON
    public var sourceMap: SourceMap
    /// The path used in locations (repository-relative when read from a repository).
    public var file: String

    public init(value: JSON, sourceMap: SourceMap = SourceMap(), file: String) {
        self.value = value
        self.sourceMap = sourceMap
        self.file = file
    }
}
