/// A deployed revision: a commit, and whether the working tree's sources differed from it
/// when it was deployed (only the local engine, or `--allow-dirty`, accepts that).
///
/// `sfn results` groups executions by it: two runs belong to the same revision when they
/// ran what the same commit (clean or not) rendered.
public struct Revision: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The full 40-digit sha.
    public var commit: String
    public var dirty: Bool

    public init(commit: String, dirty: Bool) {
        self.commit = commit
        self.dirty = dirty
    }

    /// `a1b2c3d`, or `a1b2c3d-dirty`.
    public var short: String { String(commit.prefix(7)) + (dirty ? "-dirty" : "") }

    /// `<sha>` or `<sha>-dirty`: the form tags and notes carry.
    public var description: String { commit + (dirty ? "-dirty" : "") }

    /// Reads `<sha>` or `<sha>-dirty` back.
    public init(parsing text: String) {
        if text.hasSuffix("-dirty") {
            self.init(commit: String(text.dropLast("-dirty".count)), dirty: true)
        } else {
            self.init(commit: text, dirty: false)
        }
    }

    public static func < (lhs: Revision, rhs: Revision) -> Bool {
        (lhs.commit, lhs.dirty ? 1 : 0) < (rhs.commit, rhs.dirty ? 1 : 0)
    }
}
