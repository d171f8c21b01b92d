import Foundation

/// How one revision of one workflow has run in one environment: a row of `sfn results`.
///
/// ```
/// revision  deployed          runs  succeeded  failed  p50     p95
/// a1b2c3d   2026-11-28 10:02    14         14       0  0.20 s  0.31 s
/// ```
public struct RevisionResult: Sendable, Hashable {
    public var environment: String
    public var workflow: String
    public var revision: Revision
    /// When this revision was last deployed to the environment (it may have been deployed
    /// again by a rollback); nil when the records hold executions of it but no deployment
    /// (it was deployed from another machine, and `sfn run` read the commit from the tags).
    public var deployedAt: Date?
    /// Every recorded execution, running ones included.
    public var runs: Int
    public var succeeded: Int
    /// Ended without succeeding: failed, timed out or aborted.
    public var failed: Int
    /// The median and 95th percentile of the ended executions' durations (nearest rank: a
    /// duration some execution really took); nil when none has ended.
    public var p50: TimeInterval?
    public var p95: TimeInterval?

    public init(
        environment: String, workflow: String, revision: Revision, deployedAt: Date?, runs: Int, succeeded: Int,
        failed: Int, p50: TimeInterval?, p95: TimeInterval?
    ) {
        self.environment = environment
        self.workflow = workflow
        self.revision = revision
        self.deployedAt = deployedAt
        self.runs = runs
        self.succeeded = succeeded
        self.failed = failed
        self.p50 = p50
        self.p95 = p95
    }

    /// The running executions: `runs` less those that ended.
    public var running: Int { runs - succeeded - failed }

    /// The nearest-rank `percentile` (0–100) of `values`: the smallest value that at least
    /// `percentile`% of them do not exceed. Nil for no values.
    ///
    /// `percentile(50, of: [0.3, 0.1, 0.2, 0.4])` is 0.2; `percentile(95, …)` is 0.4.
    public static func percentile(_ percentile: Double, of values: [TimeInterval]) -> TimeInterval? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((percentile / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
