import Foundation
import GRDB
import StepFunctionsAPI

extension RecordStore {
    /// Executions aggregated per revision of each workflow in `environment` (one workflow when
    /// named): runs, outcomes and duration percentiles, beside when the revision was deployed.
    ///
    /// Revisions deployed but never run are listed with no runs, so a fresh deployment shows.
    /// Ordered by workflow, then newest revision first (by its deployment, or by its first
    /// execution when no deployment of it is recorded).
    public func results(environment: String, workflow: String? = nil) throws(RecordStoreError) -> [RevisionResult] {
        struct Key: Hashable {
            var workflow: String
            var revision: Revision
        }
        struct Tally {
            var deployedAt: Date?
            var firstStart: Date?
            var runs = 0
            var succeeded = 0
            var failed = 0
            var durations: [TimeInterval] = []
        }
        var filter = Filter()
        filter.equal("environment", environment)
        filter.equal("workflow", workflow)
        let (deployments, runs) = try read("aggregate results") { db in
            let deployments = try Row.fetchAll(
                db,
                sql: """
                    SELECT workflow, "commit", dirty, max(deployedAt) AS deployedAt FROM deployment \(filter.clause)
                    GROUP BY workflow, "commit", dirty
                    """,
                arguments: filter.arguments)
            let runs = try Row.fetchAll(
                db,
                sql: "SELECT workflow, \"commit\", dirty, status, startDate, stopDate FROM execution \(filter.clause)",
                arguments: filter.arguments)
            return (deployments, runs)
        }
        var tallies: [Key: Tally] = [:]
        for row in deployments {
            let key = Key(workflow: row["workflow"], revision: Revision(commit: row["commit"], dirty: row["dirty"]))
            tallies[key, default: Tally()].deployedAt = RecordStore.date(row["deployedAt"])
        }
        for row in runs {
            let key = Key(workflow: row["workflow"], revision: Revision(commit: row["commit"], dirty: row["dirty"]))
            let status = ExecutionStatus(rawValue: row["status"])
            let startMilliseconds: Int64 = row["startDate"]
            let start = RecordStore.date(startMilliseconds)
            let stop: Int64? = row["stopDate"]
            var tally = tallies[key, default: Tally()]
            tally.runs += 1
            tally.firstStart = min(tally.firstStart ?? start, start)
            if status == .succeeded {
                tally.succeeded += 1
            } else if status == .failed || status == .timedOut || status == .aborted {
                tally.failed += 1
            }
            if status != .running, let stop {
                // From the stored milliseconds: two dates near 2026 differ in Double only to ~0.1 µs.
                tally.durations.append(Double(max(0, stop - startMilliseconds)) / 1000)
            }
            tallies[key] = tally
        }
        return tallies.map { key, tally in
            RevisionResult(
                environment: environment, workflow: key.workflow, revision: key.revision, deployedAt: tally.deployedAt,
                runs: tally.runs, succeeded: tally.succeeded, failed: tally.failed,
                p50: RevisionResult.percentile(50, of: tally.durations),
                p95: RevisionResult.percentile(95, of: tally.durations))
        }.sorted { lhs, rhs in
            if lhs.workflow != rhs.workflow { return lhs.workflow < rhs.workflow }
            let left = lhs.deployedAt ?? tallies[Key(workflow: lhs.workflow, revision: lhs.revision)]?.firstStart
            let right = rhs.deployedAt ?? tallies[Key(workflow: rhs.workflow, revision: rhs.revision)]?.firstStart
            if left != right { return (left ?? .distantPast) > (right ?? .distantPast) }
            return lhs.revision < rhs.revision
        }
    }
}
