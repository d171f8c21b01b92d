import Foundation
import Testing

@Suite struct PlanCommandTests {
    @Test func thePlanReadsAsTheIssuesExample() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        let first = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        #expect(first.exitCode == 0, "\(first.err)")
        let sha = try DeployCommandFixture.raiseRetries(repository)
        let plan = await CommandHarness.run(["plan", "--env", "dev", "-C", root])
        #expect(plan.exitCode == 0, "\(plan.err)")
        let expected = """
              + create  etl            EtlWorkflow-dev        (STANDARD, 9 states)
              ~ update  data-processing DataProcessing-dev     ~ States.ProcessData.Retry[0].MaxAttempts: 2 → 3
              = keep    approval       ApprovalWorkflow-dev
            Plan: 1 to create, 1 to update, 0 to delete. Source: \(sha.prefix(7)) "Raise retries" (clean)

            """
        #expect(plan.out.hasPrefix(expected), "\(plan.out)")
    }

    @Test func detailedExitCodeIsTwoForChangesAndZeroWithout() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        let changes = await CommandHarness.run(["plan", "--env", "staging", "--detailed-exitcode", "-C", root])
        #expect(changes.exitCode == 2, "\(changes.err)")
        #expect(changes.out.contains("Plan: 2 to create, 0 to update, 0 to delete."))
        let applied = await CommandHarness.run(["apply", "--env", "staging", "--auto-approve", "-C", root])
        #expect(applied.exitCode == 0, "\(applied.err)")
        let none = await CommandHarness.run(["plan", "--env", "staging", "--detailed-exitcode", "-C", root])
        #expect(none.exitCode == 0, "\(none.err)")
        let unknown = await CommandHarness.run(["plan", "--env", "stagin", "--detailed-exitcode", "-C", root])
        #expect(unknown.exitCode == 1)
        #expect(unknown.err.contains("did you mean \"staging\"?"))
    }

    @Test func aSavedPlanAppliesOnceAndIsThenStale() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        let file = repository.root.appendingPathComponent("plan.json").path
        let plan = await CommandHarness.run(["plan", "--env", "dev", "--out", file, "-C", root])
        #expect(plan.exitCode == 0, "\(plan.err)")
        let json = await CommandHarness.run(["plan", "--env", "dev", "--output", "json", "-C", root])
        #expect(json.out.contains("\"format\" : \"sfn-plan\""))
        let applied = await CommandHarness.run(["apply", file, "-C", root])
        #expect(applied.exitCode == 0, "\(applied.err)")
        #expect(applied.out.contains("created"))
        let again = await CommandHarness.run(["apply", file, "-C", root])
        #expect(again.exitCode == 1)
        #expect(again.err.contains("the plan is stale"))
    }
}
