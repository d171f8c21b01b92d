import Foundation
import TestSupport

/// The repository of the deploy issue's example: `data-processing` and `approval` deployed
/// first, then a commit that raises a retry and adds the nine-state `etl`.
enum DeployCommandFixture {
    static func dataProcessing(maxAttempts: Int) -> String {
        """
        name: DataProcessing
        definition:
          StartAt: ProcessData
          States:
            ProcessData:
              Type: Task
              Resource: arn:aws:lambda:us-east-1:123456789012:function:process
              Retry: [{ErrorEquals: [States.ALL], MaxAttempts: \(maxAttempts)}]
              Next: SaveResults
            SaveResults: {Type: Pass, End: true}
        """
    }

    static let approval = """
        name: ApprovalWorkflow
        definition:
          StartAt: Ask
          States:
            Ask: {Type: Pass, Result: {approved: true}, End: true}
        """

    static var etl: String {
        var text = "name: EtlWorkflow\ndefinition:\n  StartAt: S1\n  States:\n"
        for index in 1...9 {
            text += index == 9 ? "    S9: {Type: Succeed}\n" : "    S\(index): {Type: Pass, Next: S\(index + 1)}\n"
        }
        return text
    }

    /// The first commit: `data-processing` (2 attempts) and `approval`, a `dev` and a `staging` environment.
    static func make() throws -> TemporaryGitRepository {
        let repository = try TemporaryGitRepository([
            "workflows/data-processing.yaml": dataProcessing(maxAttempts: 2),
            "workflows/approval.yaml": approval,
            "environments/dev.yaml": "target: {kind: local}\n",
            "environments/staging.yaml": "target: {kind: local}\n",
        ])
        try repository.commit("First workflows")
        return repository
    }

    /// The second commit: retries raised, `etl` added.
    @discardableResult
    static func raiseRetries(_ repository: TemporaryGitRepository) throws -> String {
        try repository.write("workflows/data-processing.yaml", dataProcessing(maxAttempts: 3))
        try repository.write("workflows/etl.yaml", etl)
        return try repository.commit("Raise retries")
    }
}
