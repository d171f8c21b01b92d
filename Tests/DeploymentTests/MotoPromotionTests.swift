import AWSClient
import Deployment
import Foundation
import MotoTestSupport
import StepFunctionsAPI
import Testing

/// Rollback, promotion and status against moto's server, where versions and aliases exist.
@Suite(.enabled(if: MotoServer.executable != nil, "moto_server is not installed (pip install 'moto[server]')"))
struct MotoPromotionTests {
    @Test func rollbackMovesTheAliasBackAndTheNextPlanMovesItForward() async throws {
        try await MotoServer.run { url in
            let fixture = try DeployFixture(target: "{kind: endpoint, url: '\(url)'}")
            defer { fixture.remove() }
            let session = fixture.session(MotoDeploymentTests.resolver(fixture.root))
            let first = try fixture.repository.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
            try await fixture.apply(session: session)
            try fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 3))
            let second = try fixture.repository.commit("Raise retries")
            try await fixture.apply(session: session)

            let rollback = try #require(try await Rollback(session: session).plan(environment: "dev", workflows: ["data-processing"]).movedAliases)
            let item = try #require(rollback.plan.item("data-processing"))
            #expect(item.changes.map(\.path) == ["alias.live"])
            #expect(item.changes.first?.new == "\"version 1 (\(first.prefix(7)))\"")
            let outcome = await Deployer(target: rollback.target, recordedAction: "rollback").apply(rollback.plan)
            #expect(outcome.failure == nil)
            #expect(outcome.applied.first?.version == 1)

            let status = try await EnvironmentStatus.read(session, environment: "dev")
            let processing = try #require(status.workflows.first { $0.workflow == "data-processing" })
            #expect(processing.deployed?.commit == first)
            #expect(processing.pending == .update)
            #expect(!processing.drift)

            let forward = try await session.plan(environment: "dev")
            let again = try #require(forward.plan.item("data-processing"))
            #expect(again.action == .update)
            #expect(again.changes.map(\.path) == ["alias.live"])
            #expect(again.aliasVersion?.hasSuffix(":2") == true)
            #expect(await Deployer(target: forward.target).apply(forward.plan).failure == nil)
            let after = try await EnvironmentStatus.read(session, environment: "dev")
            #expect(after.workflows.first { $0.workflow == "data-processing" }?.deployed?.commit == second)
            #expect(after.workflows.allSatisfy { $0.pending == .keep })
        }
    }

    @Test func promoteDeploysTheCommitTheSourceEnvironmentRuns() async throws {
        try await MotoServer.run { url in
            let fixture = try DeployFixture(target: "{kind: endpoint, url: '\(url)'}")
            defer { fixture.remove() }
            let session = fixture.session(MotoDeploymentTests.resolver(fixture.root))
            let first = try fixture.repository.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
            try await fixture.apply(session: session)
            // A newer commit that dev does not run yet: staging must get the first one.
            try fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 7))
            try fixture.repository.commit("Not deployed yet")

            let plans = try await Promotion(session: session).plan(from: "dev", to: "staging", workflows: [])
            #expect(plans.count == 1)
            let plan = try #require(plans.first)
            #expect(plan.plan.source.commit == first)
            #expect(plan.plan.actions == ["approval": .create, "data-processing": .create])
            let outcome = await Deployer(target: plan.target, recordedAction: "promote").apply(plan.plan)
            #expect(outcome.failure == nil)
            let machine = try await plan.target.service.describeStateMachine(
                DescribeStateMachineInput(stateMachineArn: plan.target.stateMachineARN(named: "DataProcessing-staging")))
            #expect(machine.definition.contains("\"MaxAttempts\":2"))
            let status = try await EnvironmentStatus.read(session, environment: "staging")
            #expect(status.workflows.allSatisfy { $0.deployed?.commit == first })
        }
    }

    @Test func statusReportsAHandEditAsDrift() async throws {
        try await MotoServer.run { url in
            let fixture = try DeployFixture(target: "{kind: endpoint, url: '\(url)'}")
            defer { fixture.remove() }
            let session = fixture.session(MotoDeploymentTests.resolver(fixture.root))
            try await fixture.apply(session: session)
            let target = try await session.plan(environment: "dev").target
            _ = try await target.service.updateStateMachine(
                UpdateStateMachineInput(
                    stateMachineArn: target.stateMachineARN(named: "approval-dev"),
                    definition: #"{"StartAt":"Ask","States":{"Ask":{"Type":"Pass","End":true}}}"#))
            let status = try await EnvironmentStatus.read(session, environment: "dev")
            #expect(status.workflows.first { $0.workflow == "approval" }?.drift == true)
            #expect(status.workflows.first { $0.workflow == "approval" }?.pending == .update)
            #expect(status.workflows.first { $0.workflow == "data-processing" }?.drift == false)
        }
    }
}
