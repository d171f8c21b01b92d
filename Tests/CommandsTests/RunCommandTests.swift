@testable import Commands
import Engine
import Foundation
import JSONValue
import Records
import StepFunctionsAPI
import Testing

/// A repository with workflows deployed (by hand, as `sfn apply` would) to an in-memory
/// engine that stands for the `dev` environment's target.
struct RunFixture {
    static let commit = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"
    static let sha256 = "5f0c7d3e"

    let repository: RepositoryFixture
    let service: LocalStepFunctionsService

    init(clock: any EngineClock = VirtualClock(), invoker: any TaskInvoking = UnavailableTaskInvoker()) throws {
        service = LocalStepFunctionsService(clock: clock, invoker: invoker)
        repository = try RepositoryFixture([
            "environments/dev.yaml": "region: us-east-1\n",
            "environments/prod.yaml": "region: us-east-1\n",
            "workflows/hello.yaml": """
                definition:
                  StartAt: Hello
                  States:
                    Hello: {Type: Pass, Result: {greeting: hello}, ResultPath: $.said, End: true}

                """,
            "workflows/broken.yaml": """
                definition:
                  StartAt: Check
                  States:
                    Check: {Type: Pass, Next: Stop}
                    Stop: {Type: Fail, Error: Data.Invalid, Cause: the key is missing}

                """,
            "workflows/quick.yaml": """
                type: EXPRESS
                definition:
                  StartAt: Echo
                  States:
                    Echo: {Type: Pass, End: true}

                """,
        ])
    }

    var root: String { repository.root.path }

    func remove() { repository.remove() }

    /// Creates the machine `<workflow>-dev` from the workflow file's definition, tagged as sfn tags it.
    @discardableResult
    func deploy(_ workflow: String, definition: String, type: StateMachineType = .standard, tagged: Bool = true) async throws
        -> StateMachineARN
    {
        let tags = tagged
            ? [Tag(key: "sfn:commit", value: Self.commit), Tag(key: "sfn:definition-sha256", value: Self.sha256)] : []
        return try await service.createStateMachine(
            CreateStateMachineInput(
                name: "\(workflow)-dev", definition: definition, roleArn: "arn:aws:iam::123456789012:role/sfn",
                type: type, tags: tags)
        ).stateMachineArn
    }

    static let held = #"{"StartAt": "Prepare", "States": {"Prepare": {"Type": "Pass", "Next": "Hold"}, "Hold": {"Type": "Wait", "Seconds": 60, "Next": "Save"}, "Save": {"Type": "Pass", "End": true}}}"#
    static let hello = #"{"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Result": {"greeting": "hello"}, "ResultPath": "$.said", "End": true}}}"#
    static let broken = #"{"StartAt": "Check", "States": {"Check": {"Type": "Pass", "Next": "Stop"}, "Stop": {"Type": "Fail", "Error": "Data.Invalid", "Cause": "the key is missing"}}}"#
    static let quick = #"{"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}"#

    /// Runs `sfn` with this fixture's engine as every environment's target.
    func sfn(
        _ arguments: [String], terminal: Bool = false, capture: CommandHarness.Capture = CommandHarness.Capture()
    ) async -> CommandHarness.Outcome {
        let service = self.service
        return await ExecutionTarget.$override.withValue({ environment in
            ExecutionTarget(service: service, description: "local engine", scope: service.scope, alias: "live")
        }) {
            await CommandHarness.run(arguments + ["-C", root], terminal: terminal, capture: capture)
        }
    }

    func records() throws -> RecordStore { try RecordStore.open(directory: root + "/.sfn") }
}

@Suite struct RunCommandTests {
    @Test func aRunPrintsTheOutputAndIsRecordedAgainstTheDeployedCommit() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try await fixture.deploy("hello", definition: RunFixture.hello)

        let outcome = await fixture.sfn(["run", "hello", "--env", "dev", "--input", #"{"key": "file.csv"}"#, "--name", "first"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(try JSON.parse(outcome.out) == JSON.parse(#"{"key": "file.csv", "said": {"greeting": "hello"}}"#))
        #expect(outcome.err.hasPrefix("SUCCEEDED in "))
        #expect(outcome.err.hasSuffix("(revision a1b2c3d)\n"))
        #expect(!outcome.err.contains("▸"))

        let records = try fixture.records().executions()
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.name == "first")
        #expect(record.environment == "dev" && record.workflow == "hello")
        #expect(record.commit == RunFixture.commit && !record.dirty)
        #expect(record.definitionSHA256 == RunFixture.sha256)
        #expect(record.status == .succeeded)
        #expect(record.stopDate != nil)
        #expect(record.transitions == 1)
        #expect(record.input == #"{"key": "file.csv"}"#)
        #expect(try JSON.parse(record.output ?? "") == JSON.parse(outcome.out))
        // No alias on this target: the machine itself was started.
        #expect(record.startedArn.hasSuffix(":stateMachine:hello-dev"))
    }

    @Test func aFailedRunExitsNonZeroWithItsErrorAndCause() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try await fixture.deploy("broken", definition: RunFixture.broken)

        let outcome = await fixture.sfn(["run", "broken", "--env", "dev"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.isEmpty)
        #expect(outcome.err.contains("FAILED in "))
        #expect(outcome.err.contains("error: Data.Invalid\ncause: the key is missing\n"))
        let record = try #require(try fixture.records().executions().first)
        #expect(record.status == .failed && record.error == "Data.Invalid" && record.cause == "the key is missing")
    }

    @Test func aWorkflowNeverDeployedSaysToApplyFirst() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let outcome = await fixture.sfn(["run", "hello", "--env", "dev"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("workflow 'hello' was never deployed to 'dev' (local engine): run `sfn apply --env dev` first"))
        #expect(try fixture.records().executions().isEmpty)
    }

    @Test func unknownNamesAndBadInputAreClearErrors() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try await fixture.deploy("hello", definition: RunFixture.hello)
        let workflow = await fixture.sfn(["run", "helo", "--env", "dev"])
        #expect(workflow.exitCode == 1 && workflow.err.contains("unknown workflow 'helo' (did you mean \"hello\"?)"))
        let environment = await fixture.sfn(["run", "hello", "--env", "stagin"])
        #expect(environment.exitCode == 1 && environment.err.contains("unknown environment 'stagin'"))
        let input = await fixture.sfn(["run", "hello", "--env", "dev", "--input", "{\"a\": }"])
        #expect(input.exitCode == 1 && input.err.contains("the input is not JSON"))
        let file = await fixture.sfn(["run", "hello", "--env", "dev", "--input", "@/no/such/file.json"])
        #expect(file.exitCode == 1 && file.err.contains("cannot read the input file '/no/such/file.json'"))
    }

    @Test func anExpressWorkflowRunsSynchronously() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try await fixture.deploy("quick", definition: RunFixture.quick, type: .express)
        let outcome = await fixture.sfn(["run", "quick", "--env", "dev", "--input", "[1, 2]"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(try JSON.parse(outcome.out) == [1, 2])
        let record = try #require(try fixture.records().executions().first)
        #expect(record.status == .succeeded && record.executionArn.contains(":express:quick-dev:"))
    }

    @Test func withoutOwnershipTagsTheLatestDeploymentRecordNamesTheRevision() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let arn = try await fixture.deploy("hello", definition: RunFixture.hello, tagged: false)
        try fixture.records().insert(
            DeploymentRecord(
                environment: "dev", workflow: "hello", stateMachineArn: arn.description,
                commit: "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", dirty: true, definitionSHA256: "abc", target: "local",
                action: "create"))
        let outcome = await fixture.sfn(["run", "hello", "--env", "dev"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.err.contains("(revision 9f8e7d6-dirty)"))
        let record = try #require(try fixture.records().executions().first)
        #expect(record.dirty && record.definitionSHA256 == "abc")
    }

    @Test func noWaitPrintsTheARNAndRecordsTheRunAsRunning() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try await fixture.deploy("hello", definition: RunFixture.hello)
        let outcome = await fixture.sfn(["run", "hello", "--env", "dev", "--no-wait", "--name", "later"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.out == "arn:aws:states:us-east-1:123456789012:execution:hello-dev:later\n")
        let record = try #require(try fixture.records().executions().first)
        #expect(record.status == .running && record.stopDate == nil)
    }

    @Test func jsonOutputCarriesTheRecordAndTheOutput() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try await fixture.deploy("hello", definition: RunFixture.hello)
        let outcome = await fixture.sfn(["run", "hello", "--env", "dev", "--name", "j", "--output", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        let json = try JSON.parse(outcome.out)
        #expect(json["status"] == "SUCCEEDED")
        #expect(json["name"] == "j")
        #expect(json["commit"] == .string(RunFixture.commit))
        #expect(json["revision"] == "a1b2c3d")
        #expect(json["output"]?["said"]?["greeting"] == "hello")
        #expect(json["transitions"] == 1)
    }

    @Test func onATerminalTheOutputStaysPlainJSON() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try await fixture.deploy("hello", definition: RunFixture.hello)
        let outcome = await fixture.sfn(["run", "hello", "--env", "dev"], terminal: true)
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(try JSON.parse(outcome.out)["said"] != nil)
        #expect(outcome.err.contains("SUCCEEDED in "))
    }

    /// On a terminal, the states entered appear on one line as the execution moves.
    @Test func onATerminalAProgressLineFollowsTheStates() async throws {
        let clock = ManualClock()
        let fixture = try RunFixture(clock: clock)
        defer { fixture.remove() }
        try await fixture.deploy("hello", definition: RunFixture.held)
        let capture = CommandHarness.Capture()
        let run = Task { await fixture.sfn(["run", "hello", "--env", "dev"], terminal: true, capture: capture) }
        // The execution waits in Hold until the clock moves; the poller names it meanwhile.
        for _ in 0..<2_000 where !capture.err.withLock({ $0.contains("Hold") }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(capture.err.withLock { $0.hasPrefix("▸ ") && $0.contains("Hold") })
        clock.advance(bySeconds: 60)
        let outcome = await run.value
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.err.hasSuffix(" … SUCCEEDED in 60.0 s  (revision a1b2c3d)\n"))
        #expect(try JSON.parse(outcome.out) == [:])
    }

    /// `records: {git_notes: true}` belongs in sfn.yaml (only there).
    @Test func theProjectFileAcceptsTheRecordsSetting() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try fixture.repository.write("sfn.yaml", Data("records: {git_notes: true}\n".utf8))
        let valid = await fixture.sfn(["validate", "--env", "dev"])
        #expect(valid.exitCode == 0, "\(valid.out)\(valid.err)")
        try fixture.repository.write("environments/dev.yaml", Data("records: {git_notes: true}\n".utf8))
        let invalid = await fixture.sfn(["validate", "--env", "dev"])
        #expect(invalid.exitCode == 1)
        #expect((invalid.out + invalid.err).contains("unknown key 'records'"))
    }

    /// Where the target has aliases, the environment's alias runs, and its version's
    /// description names the revision (a rollback leaves the tags naming a newer commit).
    @Test func theAliasRunsAndItsVersionNamesTheRevision() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let machine = try await fixture.deploy("hello", definition: RunFixture.hello)
        let older = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"
        let version = try await fixture.service.publishStateMachineVersion(
            PublishStateMachineVersionInput(stateMachineArn: machine, description: "sfn: commit \(older)"))
        _ = try await fixture.service.createStateMachineAlias(
            CreateStateMachineAliasInput(
                name: "live",
                routingConfiguration: [
                    RoutingConfigurationListItem(stateMachineVersionArn: version.stateMachineVersionArn, weight: 100)
                ]))
        let outcome = await fixture.sfn(["run", "hello", "--env", "dev"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.err.hasSuffix("(revision 9f8e7d6)\n"))
        let record = try #require(try fixture.records().executions().first)
        #expect(record.startedArn == machine.alias("live").description)
        #expect(record.commit == older)
    }

    /// `--test-case` reaches the target as Step Functions Local reads it: after `#` in the ARN.
    @Test func theTestCaseReachesTheTasks() async throws {
        let fixture = try RunFixture(invoker: TestCaseEcho())
        defer { fixture.remove() }
        try await fixture.deploy(
            "hello",
            definition: #"{"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "End": true}}}"#)
        let outcome = await fixture.sfn(["run", "hello", "--env", "dev", "--test-case", "HappyPath"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(try JSON.parse(outcome.out) == ["testCase": "HappyPath"])
        let bad = await fixture.sfn(["run", "hello", "--env", "dev", "--test-case", "a#b"])
        #expect(bad.exitCode == 1 && bad.err.contains("--test-case 'a#b' is not a test case name"))
    }
}

/// A task that answers with the test case it was started under.
struct TestCaseEcho: TaskInvoking {
    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        .success(["testCase": request.testCase.map { .string($0) } ?? .null])
    }
}
