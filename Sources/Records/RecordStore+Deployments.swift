import Foundation
import GRDB

extension RecordStore {
    /// Records one deployment. Ids are unique: inserting an id twice is an error, so a
    /// retried apply cannot count a deployment twice by accident.
    public func insert(_ deployment: DeploymentRecord) throws(RecordStoreError) {
        try write("record the deployment of '\(deployment.workflow)' to '\(deployment.environment)'") { db in
            try db.execute(
                sql: """
                    INSERT INTO deployment (id, environment, workflow, stateMachineArn, versionArn, aliasArn, "commit",
                        dirty, definitionSHA256, target, planId, action, deployedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    deployment.id, deployment.environment, deployment.workflow, deployment.stateMachineArn,
                    deployment.versionArn, deployment.aliasArn, deployment.commit, deployment.dirty,
                    deployment.definitionSHA256, deployment.target, deployment.planId, deployment.action,
                    RecordStore.milliseconds(deployment.deployedAt),
                ])
        }
    }

    /// Deployments, newest first; nil filters match everything, `limit` nil means all.
    public func deployments(
        environment: String? = nil, workflow: String? = nil, limit: Int? = nil
    ) throws(RecordStoreError) -> [DeploymentRecord] {
        var filter = Filter()
        filter.equal("environment", environment)
        filter.equal("workflow", workflow)
        return try read("read deployments") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM deployment \(filter.clause) ORDER BY deployedAt DESC, rowid DESC \(Filter.limit(limit))",
                arguments: filter.arguments
            ).map(RecordStore.deployment)
        }
    }

    /// The deployment that put the environment's current version of `workflow` in place; nil
    /// when `sfn` never deployed it there (from this machine).
    public func latestDeployment(environment: String, workflow: String) throws(RecordStoreError) -> DeploymentRecord? {
        try deployments(environment: environment, workflow: workflow, limit: 1).first
    }

    static func deployment(_ row: Row) -> DeploymentRecord {
        DeploymentRecord(
            id: row["id"], environment: row["environment"], workflow: row["workflow"],
            stateMachineArn: row["stateMachineArn"], versionArn: row["versionArn"], aliasArn: row["aliasArn"],
            commit: row["commit"], dirty: row["dirty"], definitionSHA256: row["definitionSHA256"], target: row["target"],
            planId: row["planId"], action: row["action"], deployedAt: date(row["deployedAt"]))
    }

    /// Dates are kept to the millisecond, as AWS reports them.
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}

/// A `WHERE` clause built from optional equality filters, with its arguments.
struct Filter {
    private var conditions: [String] = []
    private(set) var arguments = StatementArguments()

    mutating func equal(_ column: String, _ value: (any DatabaseValueConvertible)?) {
        guard let value else { return }
        conditions.append("\"\(column)\" = ?")
        arguments += [value]
    }

    var clause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }

    static func limit(_ limit: Int?) -> String { limit.map { "LIMIT \(max(0, $0))" } ?? "" }
}
