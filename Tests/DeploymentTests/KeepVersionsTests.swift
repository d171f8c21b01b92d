import Deployment
import Engine
import Foundation
import StepFunctionsAPI
import Testing

/// `keep_versions`: apply deletes each machine's versions beyond the newest N, except those an
/// alias still routes to.
@Suite struct KeepVersionsTests {
    @Test func versionsBeyondTheNewestAreDeletedUnlessAnAliasRoutesToThem() async throws {
        let engine = LocalStepFunctionsService()
        let fixture = try DeployFixture(target: "{kind: local, keep_versions: 2}", engine: engine)
        defer { fixture.remove() }
        let session = fixture.session()
        var pruned: [[Int]] = []
        for attempts in 2...5 {
            if attempts > 2 {
                try fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: attempts))
                try fixture.repository.commit("Retry \(attempts) times")
            }
            let planned = try await session.plan(environment: "dev")
            if attempts > 2 {
                #expect(planned.plan.notes.contains { $0.hasPrefix("keep_versions: 2:") }, "\(planned.plan.notes)")
            }
            let outcome = await Deployer(target: planned.target).apply(planned.plan)
            if let failure = outcome.failure { throw failure.error }
            pruned.append(outcome.applied.first { $0.workflow == "data-processing" }?.prunedVersions ?? [])
            if attempts == 2 {
                // A canary alias made by hand keeps version 1 alive whatever its age.
                let machine = try #require(outcome.applied.first { $0.workflow == "data-processing" }).stateMachineArn
                _ = try await engine.createStateMachineAlias(CreateStateMachineAliasInput(
                    name: "canary",
                    routingConfiguration: [.init(stateMachineVersionArn: try StateMachineARN(parsing: machine).version(1), weight: 100)]))
            }
        }
        // Versions 1–4 were published; beyond the newest two, 1 is routed (canary) and stays,
        // 2 goes once 4 is published.
        #expect(pruned == [[], [], [], [2]])
        let machine = ARNScope.local.stateMachine(named: "DataProcessing-dev")
        let listed = try await engine.listStateMachineVersions(ListStateMachineVersionsInput(stateMachineArn: machine))
        #expect(listed.stateMachineVersions.compactMap(\.stateMachineVersionArn.versionNumber) == [4, 3, 1])
    }
}
