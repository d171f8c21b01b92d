/// How one workflow's rendered definition in one environment changed at a commit,
/// compared with the commit's first parent.
public struct HistoryChange: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case added
        case removed
        case changed
        /// It rendered before and does not now.
        case broken
        /// It did not render before and does now.
        case fixed
        /// Its file moved (the id changed) with the same content.
        case renamed
    }

    public var workflow: String
    /// The id before a rename.
    public var previousWorkflow: String? = nil
    public var environment: String
    public var kind: Kind
    /// The definition's sha256 after the commit (nil when removed or broken).
    public var sha256: String?
    /// The sha256 before (nil when added or when it did not render).
    public var previousSHA256: String?
    /// What changed, for `changed`.
    public var diff: WorkflowDiff?
    /// Errors after the commit, for `broken`.
    public var errorCount: Int

    /// `2 states changed`, `added`, `does not render: 1 error`.
    public var summary: String {
        switch kind {
        case .added: "added"
        case .removed: "removed"
        case .changed: diff?.summary ?? "changed"
        case .broken: "does not render: \(errorCount) error\(errorCount == 1 ? "" : "s")"
        case .fixed: "renders again"
        case .renamed:
            "renamed from \(previousWorkflow ?? "?")" + (diff.map { $0.isEmpty ? "" : "; " + $0.summary } ?? "")
        }
    }
}
