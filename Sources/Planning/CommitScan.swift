import Git
import Revisions

/// One workflow in one environment at one commit.
enum PairOutcome: Sendable {
    case rendered(RenderedDefinition)
    case failed(errors: Int)
}

/// What a commit holds, found from tree ids alone (no rendering yet).
struct CommitScan: Sendable {
    struct WorkflowFile: Sendable {
        var path: String
        /// Context key + path + blob id: equal keys render equal.
        var cacheKey: String
        /// The file's blob id: the same content under another name is a rename.
        var blob: String
    }

    var commit: CommitInfo
    var tree: GitSourceTree
    /// Object ids of `environments/`, `templates/` and the settings files.
    var context: String
    /// `context` plus the id of `workflows/`: two commits with the same key render the same.
    var key: String
    /// The followed workflows present, by id.
    var files: [String: WorkflowFile]
}

/// What one commit renders to, for the workflows and environments followed.
struct CommitState: Sendable {
    var key: String
    /// Outcome per workflow id, then per environment.
    var outcomes: [String: [String: PairOutcome]]
    /// Per workflow id, the cache key its outcome came from: equal keys, equal outcomes.
    var renderKeys: [String: String]
    /// Per workflow id, the blob id of its file.
    var blobs: [String: String]

    static let empty = CommitState(key: "", outcomes: [:], renderKeys: [:], blobs: [:])
}
