/// A 1-based position in a named source: `workflows/etl.yaml:41:11`.
///
/// `file` is the path as the user would type it (relative to the repository root
/// when the source came from one), so it can be pasted into an editor or matched
/// by CI annotations. `line` and `column` count from 1; `column` counts Unicode
/// scalars, as editors and GitHub annotations do.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
