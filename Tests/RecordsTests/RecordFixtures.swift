import Foundation
import Records
import StepFunctionsAPI

/// A temporary `.sfn/` directory per test, and records with readable defaults.
struct RecordDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-records-\(UUID().uuidString)")
            .appendingPathComponent(".sfn")
    }

    var path: String { url.path }
    var databasePath: String { url.appendingPathComponent(RecordStore.fileName).path }

    func remove() { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
}

enum Sample {
    static let commitA = String(repeating: "a", count: 40)
    static let commitB = String(repeating: "b", count: 40)
    static let machine = "arn:aws:states:us-east-1:123456789012:stateMachine:DataProcessing-dev"

    /// 2026-11-28 10:02:00 UTC plus `seconds`.
    static func date(_ seconds: TimeInterval = 0) -> Date { Date(timeIntervalSince1970: 1_795_860_120 + seconds) }

    static func deployment(
        _ commit: String = commitA, environment: String = "dev", workflow: String = "data-processing",
        at seconds: TimeInterval = 0, dirty: Bool = false, action: String = "update"
    ) -> DeploymentRecord {
        DeploymentRecord(
            environment: environment, workflow: workflow, stateMachineArn: machine, versionArn: machine + ":7",
            aliasArn: machine + ":live", commit: commit, dirty: dirty, definitionSHA256: "sha-" + commit.prefix(4),
            target: "local", action: action, deployedAt: date(seconds))
    }

    static func execution(
        _ name: String, commit: String = commitA, environment: String = "dev", workflow: String = "data-processing",
        status: ExecutionStatus = .succeeded, start: TimeInterval = 0, duration: TimeInterval? = 0.2,
        input: String? = #"{"key":"file.csv"}"#, output: String? = #"{"rows":1200}"#
    ) -> ExecutionRecord {
        ExecutionRecord(
            executionArn: "arn:aws:states:us-east-1:123456789012:execution:DataProcessing-\(environment):\(name)",
            environment: environment, workflow: workflow, startedArn: machine + ":live", commit: commit,
            definitionSHA256: "sha-" + commit.prefix(4), status: status,
            error: status == .failed ? "States.TaskFailed" : nil, cause: status == .failed ? "boom" : nil,
            startDate: date(start), stopDate: duration.map { date(start + $0) }, transitions: 5, input: input,
            output: status == .succeeded ? output : nil)
    }
}
