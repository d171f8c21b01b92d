import TestSupport
import Foundation

/// A small workflow repository with a history, shaped like the example in the issue:
///
/// 1. `Add ETL, reports and cleanup` (tagged `v1.0`)
/// 2. `Raise transform retries` (Transform's retrier: 3 → 5 attempts)
/// 3. `Add notification step` (a Notify state; Load now goes to it)
/// 4. `Add approval workflow`
/// 5. `Rename cleanup to housekeeping` (the file moves, its content does not)
/// 6. `Make reports express` (metadata only: type and a tag)
enum VersionedRepositoryFixture {
    static func make() throws -> TemporaryGitRepository {
        let repo = try TemporaryGitRepository(base)
        try repo.commit("Add ETL, reports and cleanup")
        try repo.git("tag", "v1.0")
        try repo.write("workflows/etl.yaml", etl(attempts: 5, notify: false))
        try repo.commit("Raise transform retries")
        try repo.write("workflows/etl.yaml", etl(attempts: 5, notify: true))
        try repo.commit("Add notification step")
        try repo.write("workflows/approval.yaml", approval)
        try repo.commit("Add approval workflow")
        try repo.git("mv", "workflows/cleanup.yaml", "workflows/housekeeping.yaml")
        try repo.commit("Rename cleanup to housekeeping")
        try repo.write("workflows/reports.yaml", reports(type: "EXPRESS", team: "finance"))
        try repo.commit("Make reports express")
        return repo
    }

    static let base: [String: String] = [
        "environments/base.yaml": """
            abstract: true
            vars:
              fn: "arn:aws:lambda:${region}:${account}:function"

            """,
        "environments/prod.yaml": "extends: base\naccount: \"123456789012\"\n",
        "environments/dev.yaml": "extends: base\naccount: \"111111111111\"\n",
        "templates/retry.yaml": """
            ErrorEquals: [States.TaskFailed]
            IntervalSeconds: 2
            MaxAttempts: ${attempts}
            BackoffRate: 2

            """,
        "workflows/etl.yaml": etl(attempts: 3, notify: false),
        "workflows/reports.yaml": reports(type: "STANDARD", team: "data"),
        "workflows/cleanup.yaml": """
            definition:
              StartAt: Sweep
              States:
                Sweep: {Type: Task, Resource: "${fn}:sweep-${env}", End: true}

            """,
    ]

    static func etl(attempts: Int, notify: Bool) -> String {
        """
        name: EtlWorkflow
        definition:
          Comment: Nightly ETL
          StartAt: Extract
          States:
            Extract: {Type: Task, Resource: "${fn}:extract-${env}", Next: Transform}
            Transform:
              Type: Task
              Resource: "${fn}:transform-${env}"
              Retry:
                - $template: retry
                  with: {attempts: \(attempts)}
              Next: Load
            Load: {Type: Task, Resource: "${fn}:load-${env}", Next: \(notify ? "Notify" : "Done")}
        \(notify ? "    Notify: {Type: Task, Resource: \"${fn}:notify-${env}\", Next: Done}\n" : "")\
            Done: {Type: Succeed}

        """
    }

    static func reports(type: String, team: String) -> String {
        """
        name: Reports
        type: \(type)
        tags: {team: \(team)}
        definition:
          StartAt: Build
          States:
            Build: {Type: Pass, Result: {ok: true}, End: true}

        """
    }

    static let approval = """
        name: ApprovalWorkflow
        definition:
          StartAt: Ask
          States:
            Ask:
              Type: Task
              Resource: arn:aws:states:::lambda:invoke.waitForTaskToken
              Parameters: {FunctionName: "${fn}:ask-${env}", Payload: {"token.$": "$$.Task.Token"}}
              End: true

        """
}
