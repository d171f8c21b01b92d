import AWSClient
import Deployment
import Engine
import Foundation
import MotoTestSupport
import StepFunctionsAPI
import Testing

/// The endpoint stops in the middle of an apply: the next plan shows exactly what is left,
/// and applying it finishes the job without doing anything twice.
@Suite struct InterruptedApplyTests {
    @Test func onTheLocalEngineTheNextPlanHoldsOnlyWhatWasNotDone() async throws {
        let engine = LocalStepFunctionsService()
        let fixture = try DeployFixture(engine: engine)
        defer { fixture.remove() }
        let planned = try await fixture.session().plan(environment: "dev")
        // approval's requests reach the engine (CreateStateMachine with its tags, and its alias
        // where the engine has aliases), then it stops.
        let requests = planned.plan.capabilities.aliases ? 2 : 1
        let stopping = planned.target.stopping(after: requests, base: LoopbackTransport(service: engine))
        let outcome = await Deployer(target: stopping).apply(planned.plan)
        #expect(outcome.applied.map(\.workflow) == ["approval"])
        #expect(outcome.failure?.workflow == "data-processing")
        #expect(outcome.failure?.error.message.contains("connection refused") == true)
        let next = try await fixture.session().plan(environment: "dev")
        #expect(next.plan.actions == ["approval": .keep, "data-processing": .create])
        let finished = await Deployer(target: next.target).apply(next.plan)
        #expect(finished.failure == nil)
        let listed = try await engine.listStateMachines(ListStateMachinesInput())
        #expect(listed.stateMachines.map(\.name).sorted() == ["DataProcessing-dev", "approval-dev"])
        #expect(try await fixture.session().plan(environment: "dev").plan.hasChanges == false)
    }

    @Test(.enabled(if: MotoServer.executable != nil, "moto_server is not installed (pip install 'moto[server]')"))
    func onAnEndpointAStoppedAliasIsMovedToTheVersionAlreadyPublished() async throws {
        try await MotoServer.run { url in
            let fixture = try DeployFixture(target: "{kind: endpoint, url: '\(url)'}")
            defer { fixture.remove() }
            let session = fixture.session(MotoDeploymentTests.resolver(fixture.root))
            let planned = try await session.plan(environment: "dev")
            #expect(planned.plan.capabilities.aliases)
            // approval: CreateStateMachine (publishes version 1) gets through; its alias does not.
            let transport = HTTPTransport(
                endpoint: try StepFunctionsEndpoint.custom(url: url, region: "us-east-1"), credentials: .emulator)
            let stopping = planned.target.stopping(after: 1, base: transport)
            let outcome = await Deployer(target: stopping).apply(planned.plan)
            #expect(outcome.applied.isEmpty)
            #expect(outcome.failure?.workflow == "approval")

            let next = try await session.plan(environment: "dev")
            #expect(next.plan.actions == ["approval": .update, "data-processing": .create])
            let approval = try #require(next.plan.item("approval"))
            #expect(approval.changes.map(\.path) == ["alias.live"])
            #expect(approval.changes.first?.new == "\"version 1\"")
            let finished = await Deployer(target: next.target).apply(next.plan)
            #expect(finished.failure == nil)
            #expect(finished.applied.first { $0.workflow == "approval" }?.version == 1)
            // No second version of approval was published.
            let arn = next.target.scope.stateMachine(named: "approval-dev")
            await #expect(throws: StepFunctionsError.self) {
                _ = try await next.target.service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: arn.version(2)))
            }
            #expect(try await session.plan(environment: "dev").plan.hasChanges == false)
        }
    }
}
