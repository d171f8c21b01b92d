import Deployment
import Engine
import Foundation
import StepFunctionsAPI
import Testing

@Suite struct LocalDeploymentTests {
    @Test func firstPlanCreatesEveryWorkflowAndApplyMakesThem() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        let planned = try await fixture.session().plan(environment: "dev")
        #expect(planned.plan.actions == ["approval": .create, "data-processing": .create])
        #expect(planned.plan.item("data-processing")?.stateMachineName == "DataProcessing-dev")
        #expect(planned.plan.item("data-processing")?.stateCount == 2)
        let outcome = await Deployer(target: planned.target).apply(planned.plan)
        #expect(outcome.failure == nil)
        #expect(outcome.applied.map(\.workflow) == ["approval", "data-processing"])
        let machine = try await fixture.engine.describeStateMachine(
            DescribeStateMachineInput(stateMachineArn: ARNScope.local.stateMachine(named: "DataProcessing-dev")))
        #expect(machine.definition.contains("\"MaxAttempts\":2"))
        let tags = try await fixture.engine.listTagsForResource(
            ListTagsForResourceInput(resourceArn: .stateMachine(ARNScope.local.stateMachine(named: "DataProcessing-dev"))))
        let keys = Dictionary(uniqueKeysWithValues: (tags.tags ?? []).map { ($0.key ?? "", $0.value ?? "") })
        #expect(keys["sfn:workflow"] == "data-processing")
        #expect(keys["sfn:environment"] == "dev")
        #expect(keys["sfn:managed-by"] == "sfn")
        #expect(keys["team"] == "data")
        #expect(keys["sfn:commit"] == planned.plan.source.commit)
        #expect(keys["sfn:definition-sha256"]?.count == 64)
    }

    @Test func secondApplyHasNothingToDo() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        try await fixture.apply()
        let again = try await fixture.session().plan(environment: "dev")
        #expect(!again.plan.hasChanges)
        #expect(again.plan.actions == ["approval": .keep, "data-processing": .keep])
        let outcome = await Deployer(target: again.target).apply(again.plan)
        #expect(outcome.applied.isEmpty)
    }

    @Test func aCommittedEditPlansAnUpdateWithTheFieldThatChanged() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        try await fixture.apply()
        try fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 3))
        try fixture.repository.commit("Raise retries")
        let planned = try await fixture.session().plan(environment: "dev")
        #expect(planned.plan.actions == ["approval": .keep, "data-processing": .update])
        let change = try #require(planned.plan.item("data-processing")?.changes.first)
        #expect(change.path == "States.ProcessData.Retry[0].MaxAttempts")
        #expect(change.old == "2" && change.new == "3")
        #expect(planned.plan.source.subject == "Raise retries")
        #expect(!planned.plan.source.dirty)
        let outcome = await Deployer(target: planned.target).apply(planned.plan)
        #expect(outcome.failure == nil)
        #expect(try await fixture.session().plan(environment: "dev").plan.hasChanges == false)
    }

    @Test func aTypeChangeIsAReplace() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        try await fixture.apply()
        try fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(type: "EXPRESS"))
        try fixture.repository.commit("Express")
        let planned = try await fixture.session().plan(environment: "dev")
        #expect(planned.plan.item("data-processing")?.action == .replace)
        #expect(planned.plan.item("data-processing")?.changes.first?.path == "type")
        let outcome = await Deployer(target: planned.target).apply(planned.plan)
        #expect(outcome.failure == nil)
        let machine = try await fixture.engine.describeStateMachine(
            DescribeStateMachineInput(stateMachineArn: ARNScope.local.stateMachine(named: "DataProcessing-dev")))
        #expect(machine.type == .express)
        #expect(try await fixture.session().plan(environment: "dev").plan.hasChanges == false)
    }

    @Test func aRemovedWorkflowIsDeletedOnlyWithPrune() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        try await fixture.apply()
        try fixture.repository.delete("workflows/approval.yaml")
        try fixture.repository.commit("Drop approval")
        let plain = try await fixture.session().plan(environment: "dev")
        #expect(plain.plan.item("approval") == nil)
        #expect(plain.plan.notes.contains { $0.contains("approval-dev") || $0.contains("approval-dev") })
        let pruning = try await fixture.session().plan(environment: "dev", prune: true)
        #expect(pruning.plan.item("approval")?.action == .delete)
        let outcome = await Deployer(target: pruning.target).apply(pruning.plan)
        #expect(outcome.failure == nil)
        let listed = try await fixture.engine.listStateMachines(ListStateMachinesInput())
        #expect(listed.stateMachines.map(\.name) == ["DataProcessing-dev"])
    }

    @Test func environmentsDoNotSeeEachOthersMachines() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        try await fixture.apply("dev")
        let staging = try await fixture.session().plan(environment: "staging", prune: true)
        #expect(staging.plan.actions == ["approval": .create, "data-processing": .create])
    }

    @Test func aSavedPlanIsRefusedOnceTheTargetChanged() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        try await fixture.apply()
        try fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 4))
        try fixture.repository.commit("More retries")
        let planned = try await fixture.session().plan(environment: "dev")
        let saved = try PlanFile.read(writing: planned.plan)
        _ = try await fixture.session().checkSaved(saved)
        _ = try await fixture.engine.updateStateMachine(
            UpdateStateMachineInput(
                stateMachineArn: ARNScope.local.stateMachine(named: "approval-dev"),
                definition: #"{"StartAt":"X","States":{"X":{"Type":"Succeed"}}}"#))
        let error = await #expect(throws: DeploymentError.self) { try await fixture.session().checkSaved(saved) }
        #expect(error?.kind == .stalePlan)
        #expect(error?.message.contains("approval-dev") == true)
    }

    @Test func aHandEditIsDriftAndTheNextPlanPutsItBack() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        try await fixture.apply()
        _ = try await fixture.engine.updateStateMachine(
            UpdateStateMachineInput(
                stateMachineArn: ARNScope.local.stateMachine(named: "approval-dev"),
                definition: #"{"StartAt":"Ask","States":{"Ask":{"Type":"Pass","Result":{"approved":false},"End":true}}}"#))
        let planned = try await fixture.session().plan(environment: "dev")
        #expect(planned.inventory.machine(named: "approval-dev")?.hasDrifted == true)
        #expect(planned.inventory.machine(named: "DataProcessing-dev")?.hasDrifted == false)
        let item = try #require(planned.plan.item("approval"))
        #expect(item.action == .update)
        #expect(item.changes.map(\.path) == ["States.Ask.Result.approved"])
    }

    @Test func uncommittedSourcesAreRecordedDirtyOnTheLocalEngine() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        try fixture.repository.write("workflows/approval.yaml", DeployFixture.approval + "  # edited\n")
        let planned = try await fixture.session().plan(environment: "dev")
        #expect(planned.plan.item("approval")?.dirtySources == ["workflows/approval.yaml"])
        #expect(planned.plan.item("approval")?.desired?.revision.dirty == true)
        #expect(planned.plan.item("data-processing")?.desired?.revision.dirty == false)
        #expect(planned.plan.source.dirty)
        try DeploymentSession.checkDirty(planned.plan, target: planned.target, allowDirty: false)
    }

    @Test func aSecondApplyToTheSameEnvironmentWaitsForTheLock() throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        do {
            let held = try EnvironmentLock(root: fixture.root, environment: "dev")
            let error = #expect(throws: DeploymentError.self) { try EnvironmentLock(root: fixture.root, environment: "dev") }
            #expect(error?.kind == .locked)
            _ = try EnvironmentLock(root: fixture.root, environment: "staging")
            withExtendedLifetime(held) {}
        }
        _ = try EnvironmentLock(root: fixture.root, environment: "dev")
    }

    @Test func theLocalEngineHasVersionsAliasesAndTags() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        let planned = try await fixture.session().plan(environment: "dev")
        let capabilities = planned.plan.capabilities
        #expect(capabilities.versions && capabilities.aliases && capabilities.tags)
        #expect(!planned.plan.notes.contains { $0.contains("no versions") })
    }
}

extension PlanFile {
    /// Round-trips a plan through its file format, as `plan --out` then `apply plan.json` do.
    static func read(writing plan: DeploymentPlan) throws -> DeploymentPlan {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(plan, to: path)
        return try read(path)
    }
}

@Suite struct DurableLocalTargetTests {
    @Test func theRepositoryEngineKeepsDeploymentsBetweenRuns() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        let resolver = TargetResolver(root: fixture.root)
        let session = fixture.session(resolver)
        try await fixture.apply(session: session)
        await resolver.closeLocalEngine()
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/.sfn/engine/engine.sqlite"))
        let again = try await session.plan(environment: "dev")
        #expect(again.target.description == "local engine (.sfn/engine)")
        #expect(!again.plan.hasChanges)
        await resolver.closeLocalEngine()
    }

    @Test func rollbackOnTheLocalEngineMovesTheAliasToThePreviousCommit() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        let resolver = TargetResolver(root: fixture.root)
        let session = fixture.session(resolver)
        defer { Task { await resolver.closeLocalEngine() } }
        let first = try fixture.repository.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try await fixture.apply(session: session)
        try fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 3))
        try fixture.repository.commit("Raise retries")
        try await fixture.apply(session: session)
        let rollback = try #require(try await Rollback(session: session).plan(environment: "dev", workflows: []).movedAliases)
        #expect(rollback.plan.changes.map(\.workflow) == ["data-processing"])
        let outcome = await Deployer(target: rollback.target, recordedAction: "rollback").apply(rollback.plan)
        #expect(outcome.failure == nil)
        let status = try await EnvironmentStatus.read(session, environment: "dev")
        #expect(status.workflows.first { $0.workflow == "data-processing" }?.deployed?.commit == first)
    }
}

@Suite struct PlanValidationTests {
    @Test func aDefinitionThatWouldNotValidateStopsThePlanWithItsLocation() async throws {
        let fixture = try DeployFixture()
        defer { fixture.remove() }
        try fixture.repository.write("workflows/approval.yaml", """
            StartAt: Ask
            States:
              Ask: {Type: Pass, Next: Missing}
            """)
        let error = await #expect(throws: DeploymentError.self) { try await fixture.session().plan(environment: "dev") }
        #expect(error?.kind == .plan)
        #expect(error?.message.contains("would not validate") == true)
        #expect(error?.diagnostics.contains { $0.location?.file == "workflows/approval.yaml" && $0.location?.line == 3 } == true)
    }
}
