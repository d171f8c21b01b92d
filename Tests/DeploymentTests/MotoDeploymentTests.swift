import AWSClient
import Deployment
import Foundation
import MotoTestSupport
import StepFunctionsAPI
import Testing

/// Plan and apply against a real emulator endpoint: moto's server on a free loopback port.
@Suite(.enabled(if: MotoServer.executable != nil, "moto_server is not installed (pip install 'moto[server]')"))
struct MotoDeploymentTests {
    /// A resolver that reads no credentials from the machine: emulators accept placeholders.
    static func resolver(_ root: String) -> TargetResolver {
        TargetResolver(root: root, awsEnvironment: AWSEnvironment(variables: [:], homeDirectory: nil))
    }

    @Test func planApplyReapplyAndUpdateMoveTheAliasToEachNewVersion() async throws {
        try await MotoServer.run { url in
            let fixture = try DeployFixture(target: "{kind: endpoint, url: '\(url)'}")
            defer { fixture.remove() }
            let session = fixture.session(Self.resolver(fixture.root))
            let first = try await session.plan(environment: "dev")
            #expect(first.target.description == "endpoint \(url)")
            #expect(first.plan.capabilities.aliases && first.plan.capabilities.versions && first.plan.capabilities.tags)
            #expect(first.plan.actions == ["approval": .create, "data-processing": .create])
            let applied = await Deployer(target: first.target).apply(first.plan)
            #expect(applied.failure == nil)
            let processing = try #require(applied.applied.first { $0.workflow == "data-processing" })
            #expect(processing.version == 1)
            #expect(processing.aliasArn?.hasSuffix(":DataProcessing-dev:live") == true)

            let again = try await session.plan(environment: "dev")
            #expect(!again.plan.hasChanges)

            try fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 3))
            let commit = try fixture.repository.commit("Raise retries")
            let update = try await session.plan(environment: "dev")
            #expect(update.plan.actions == ["approval": .keep, "data-processing": .update])
            #expect(update.plan.item("data-processing")?.changes.map(\.path)
                == ["States.ProcessData.Retry[0].MaxAttempts"])
            #expect(update.plan.item("data-processing")?.movesAlias == true)
            let updated = await Deployer(target: update.target).apply(update.plan)
            #expect(updated.failure == nil)
            #expect(updated.applied.first?.version == 2)
            let alias = try await update.target.service.describeStateMachineAlias(
                DescribeStateMachineAliasInput(stateMachineAliasArn: update.target.aliasARN(forMachineNamed: "DataProcessing-dev")))
            #expect(alias.routingConfiguration?.first?.stateMachineVersionArn.versionNumber == 2)
            let version = try await update.target.service.describeStateMachine(
                DescribeStateMachineInput(stateMachineArn: update.target.stateMachineARN(named: "DataProcessing-dev").version(2)))
            #expect(version.description == "sfn: commit \(commit)")
            #expect(try await session.plan(environment: "dev").plan.hasChanges == false)
        }
    }

    @Test func pruneStalePlanAndDirtySourcesOnAnEndpoint() async throws {
        try await MotoServer.run { url in
            let fixture = try DeployFixture(target: "{kind: endpoint, url: '\(url)'}")
            defer { fixture.remove() }
            let session = fixture.session(Self.resolver(fixture.root))
            try await fixture.apply(session: session)

            // Uncommitted sources are refused on a remote target unless allowed.
            try fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 5))
            let dirty = try await session.plan(environment: "dev")
            let refusal = #expect(throws: DeploymentError.self) {
                try DeploymentSession.checkDirty(dirty.plan, target: dirty.target, allowDirty: false)
            }
            #expect(refusal?.kind == .dirtySources)
            #expect(refusal?.message.contains("workflows/data-processing.yaml") == true)
            try DeploymentSession.checkDirty(dirty.plan, target: dirty.target, allowDirty: true)
            try fixture.repository.git("checkout", "--", "workflows/data-processing.yaml")

            // A saved plan made before someone else's change is stale.
            try fixture.repository.delete("workflows/approval.yaml")
            try fixture.repository.commit("Drop approval")
            let pruning = try await session.plan(environment: "dev", prune: true)
            #expect(pruning.plan.item("approval")?.action == .delete)
            _ = try await pruning.target.service.tagResource(
                TagResourceInput(
                    resourceArn: .stateMachine(pruning.target.stateMachineARN(named: "approval-dev")),
                    tags: [Tag(key: "owner", value: "someone-else")]))
            let stale = await #expect(throws: DeploymentError.self) { try await session.checkSaved(pruning.plan) }
            #expect(stale?.kind == .stalePlan)

            let fresh = try await session.plan(environment: "dev", prune: true)
            let target = try await session.checkSaved(fresh.plan).target
            let outcome = await Deployer(target: target).apply(fresh.plan)
            #expect(outcome.failure == nil)
            let listed = try await target.service.listStateMachines(ListStateMachinesInput())
            #expect(listed.stateMachines.map(\.name) == ["DataProcessing-dev"])
            #expect(try await session.plan(environment: "dev", prune: true).plan.hasChanges == false)
        }
    }
}
