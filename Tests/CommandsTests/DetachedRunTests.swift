@testable import Commands
import Deployment
import Engine
import Foundation
import JSONValue
import StepFunctionsAPI
import Testing
import TestSupport

/// `sfn run --no-wait` on the durable local engine, then the next commands: the execution
/// outlives the `sfn` that started it, stays RUNNING in `.sfn/engine` while no `sfn` holds the
/// engine open, and finishes when the engine is opened again.
@Suite(.timeLimit(.minutes(2))) struct DetachedRunTests {
    /// A repository whose only workflow runs one task on a local handler that waits for a
    /// file named `go` (at most 30 s, so a handler orphaned by a failure ends on its own),
    /// then answers with its input.
    static func repository() throws -> TemporaryGitRepository {
        let repository = try TemporaryGitRepository([
            "sfn.yaml": "naming: \"${workflow}-${env}\"\n",
            "environments/local.yaml": """
                target: {kind: local}
                local:
                  clock: virtual
                  handlers:
                    gated: {command: [sh, handlers/gated.sh]}

                """,
            "handlers/gated.sh": """
                i=0
                while [ ! -f go ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done
                cat

                """,
            "workflows/gated.yaml": """
                definition:
                  StartAt: Prepare
                  States:
                    Prepare: {Type: Pass, Result: {prepared: true}, ResultPath: $.step, Next: Gate}
                    Gate: {Type: Task, Resource: "arn:aws:lambda:us-east-1:123456789012:function:gated", End: true}

                """,
        ])
        try repository.commit("A gated workflow")
        return repository
    }

    @Test func aDetachedRunResumesWhenTheEngineIsOpenedAgain() async throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let root = repository.root.path
        let applied = await CommandHarness.run(["apply", "--env", "local", "--auto-approve", "-C", root])
        #expect(applied.exitCode == 0, "\(applied.err)")

        let started = await CommandHarness.run(["run", "gated", "--env", "local", "--no-wait", "--name", "later", "-C", root])
        #expect(started.exitCode == 0, "\(started.err)")
        let arn = try ExecutionARN(parsing: started.out.trimmingCharacters(in: .whitespacesAndNewlines))

        // No sfn holds the engine: the execution waits in the file, at its task.
        let waiting = await CommandHarness.run(["executions", "--env", "local", "-C", root])
        #expect(waiting.exitCode == 0, "\(waiting.err)")
        #expect(waiting.out.contains(" later  RUNNING "), "\(waiting.out)")

        // The gate opens; the next opening of the engine runs the task again (at least once,
        // as AWS retries a task in flight) and the execution ends.
        try repository.write("go", "")
        let context = try await RecordsContext(repository: RepositoryOptions.parse(["-C", root]))
        let target = try await context.target(of: try context.environment("local"))
        let engine = try #require(target.service as? LocalStepFunctionsService)
        let finished = try await engine.waitForExecution(arn)
        await TargetResolver(root: root).closeLocalEngine()
        #expect(finished.status == .succeeded, "\(finished.error ?? "") \(finished.cause ?? "")")
        #expect(try JSON.parse(finished.output ?? "") == ["step": ["prepared": true]])

        // The record, refreshed from the target, says how it ended.
        let listed = await CommandHarness.run(["executions", "--env", "local", "-C", root])
        #expect(listed.out.contains(" later  SUCCEEDED "), "\(listed.out)")
        let history = await CommandHarness.run(["history", "later", "-C", root])
        #expect(history.exitCode == 0, "\(history.err)")
        #expect(history.out.contains("ExecutionSucceeded"), "\(history.out)")
    }
}
