import Deployment
import Engine
import Foundation
import Records
import StepFunctionsAPI
import Testing

/// `sfn rollback` on a target that keeps no versions or aliases (AWS Step Functions Local
/// answers their actions as unknown): the previous commit comes from the deployment records
/// and is deployed again.
@Suite struct VersionlessRollbackTests {
    /// A fixture whose target is the local engine behind a transport that refuses every
    /// version and alias action, and whose applies are recorded in `.sfn/records.sqlite`.
    struct Versionless {
        let fixture: DeployFixture
        let session: DeploymentSession

        init() throws {
            let client = StepFunctionsClient(transport: VersionlessTransport(inner: LoopbackTransport(service: LocalStepFunctionsService())))
            fixture = try DeployFixture(engine: client)
            session = fixture.session()
        }

        /// Plans and applies, recording each deployment with `action` as `sfn` would.
        func apply(revision: String? = nil, workflows: [String] = [], action: String? = nil) async throws {
            let planned = try await session.plan(environment: "dev", workflows: workflows, revision: revision)
            let store = try RecordStore.open(directory: fixture.root + "/.sfn")
            let recorder = DeploymentRecorder { entry in
                try store.insert(DeploymentRecord(
                    environment: entry.environment, workflow: entry.applied.workflow,
                    stateMachineArn: entry.applied.stateMachineArn, commit: entry.applied.revision.commit,
                    dirty: entry.applied.revision.dirty, definitionSHA256: entry.applied.definitionSHA256,
                    target: entry.target, action: entry.action))
            }
            let outcome = await Deployer(target: planned.target, recorder: recorder, recordedAction: action).apply(planned.plan)
            if let failure = outcome.failure { throw failure.error }
        }

        func head() throws -> String {
            try fixture.repository.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func deployedCommit(_ workflow: String) async throws -> String? {
            let status = try await EnvironmentStatus.read(session, environment: "dev")
            return status.workflows.first { $0.workflow == workflow }?.deployed?.commit
        }
    }

    @Test func redeploysThePreviousCommitFromTheRecords() async throws {
        let versionless = try Versionless()
        defer { versionless.fixture.remove() }
        let first = try versionless.head()
        try await versionless.apply()
        try versionless.fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 3))
        try versionless.fixture.repository.commit("Raise retries")
        try await versionless.apply()

        let rollback = try await Rollback(session: versionless.session).plan(environment: "dev", workflows: [])
        guard case .redeploys(let revision, let workflows) = rollback else {
            Issue.record("expected a redeployment, got \(rollback)")
            return
        }
        // approval never changed: it has nothing earlier to go back to and is left alone.
        #expect(revision == first)
        #expect(workflows == ["data-processing"])
        try await versionless.apply(revision: revision, workflows: workflows, action: "rollback")
        #expect(try await versionless.deployedCommit("data-processing") == first)

        // The rollback's own record is not a step of history: nothing is older than the first commit.
        let again = await #expect(throws: DeploymentError.self) {
            _ = try await Rollback(session: versionless.session).plan(environment: "dev", workflows: ["data-processing"])
        }
        #expect(again?.kind == .nothingToDeploy)
        #expect(again?.message.contains("no earlier commit in this machine's deployment records") == true)
    }

    @Test func thePlanSaysTheTargetHasNoVersions() async throws {
        let versionless = try Versionless()
        defer { versionless.fixture.remove() }
        let planned = try await versionless.session.plan(environment: "dev")
        #expect(!planned.plan.capabilities.versions && !planned.plan.capabilities.aliases)
        #expect(planned.plan.notes.contains { $0.contains("no versions") }, "\(planned.plan.notes)")
    }

    @Test func withoutRecordsItAsksForARevision() async throws {
        let versionless = try Versionless()
        defer { versionless.fixture.remove() }
        let planned = try await versionless.session.plan(environment: "dev")
        #expect(await Deployer(target: planned.target).apply(planned.plan).failure == nil)
        let error = await #expect(throws: DeploymentError.self) {
            _ = try await Rollback(session: versionless.session).plan(environment: "dev", workflows: [])
        }
        #expect(error?.message.contains("roll back with --to REV") == true)
    }

    @Test func workflowsGoingBackToDifferentCommitsAreRefusedTogether() async throws {
        let versionless = try Versionless()
        defer { versionless.fixture.remove() }
        let first = try versionless.head()
        try await versionless.apply()
        try versionless.fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 3))
        let second = try versionless.fixture.repository.commit("Raise retries")
        try await versionless.apply()
        try versionless.fixture.repository.write("workflows/data-processing.yaml", DeployFixture.processData(maxAttempts: 4))
        try versionless.fixture.repository.write("workflows/approval.yaml", DeployFixture.approval + "\nComment: asked\n")
        try versionless.fixture.repository.commit("Raise retries again, comment approval")
        try await versionless.apply()

        let error = await #expect(throws: DeploymentError.self) {
            _ = try await Rollback(session: versionless.session).plan(environment: "dev", workflows: [])
        }
        #expect(error?.message.contains("go back to different commits") == true)
        #expect(error?.message.contains("approval → \(first.prefix(7))") == true)
        #expect(error?.message.contains("data-processing → \(second.prefix(7))") == true)

        // One at a time, each goes back to its own previous commit.
        let one = try await Rollback(session: versionless.session).plan(environment: "dev", workflows: ["data-processing"])
        guard case .redeploys(let revision, _) = one else {
            Issue.record("expected a redeployment, got \(one)")
            return
        }
        #expect(revision == second)
    }
}

/// A transport in front of another that answers every version and alias action as an
/// unknown operation, as AWS Step Functions Local does.
struct VersionlessTransport<Inner: StepFunctionsTransport>: StepFunctionsTransport {
    let inner: Inner

    static var refused: Set<StepFunctionsAction> {
        [
            .publishStateMachineVersion, .listStateMachineVersions, .deleteStateMachineVersion, .createStateMachineAlias,
            .describeStateMachineAlias, .updateStateMachineAlias, .listStateMachineAliases, .deleteStateMachineAlias,
        ]
    }

    func send(_ request: StepFunctionsTransportRequest) async throws(StepFunctionsError) -> StepFunctionsTransportResponse {
        guard !Self.refused.contains(request.action) else {
            let body = #"{"__type":"UnknownOperationException","message":"The action \#(request.action.rawValue) is not supported"}"#
            return StepFunctionsTransportResponse(status: 400, body: Array(body.utf8))
        }
        return try await inner.send(request)
    }
}

extension RollbackPlan {
    /// The alias moves, when that is what the rollback does.
    var movedAliases: DeploymentSession.Planned? {
        if case .movesAliases(let planned) = self { return planned }
        return nil
    }
}
