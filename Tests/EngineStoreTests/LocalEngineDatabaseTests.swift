import Engine
import EngineStore
import Foundation
import GRDB
import StepFunctionsAPI
import Testing

/// The durable local engine as its users open it: the catalog and executions outlive the
/// service, a RUNNING execution resumes through the reopened service, and the file is held
/// by one service at a time.
///
/// A resumed execution that never ends would make the awaits below wait forever: the time
/// limit turns an engine bug into a failure instead of a hung suite.
@Suite(.timeLimit(.minutes(2))) struct LocalEngineDatabaseTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"
    static let napThenDone = """
        {"StartAt": "Nap", "States": {
          "Nap": {"Type": "Wait", "Seconds": 60, "Next": "Done"},
          "Done": {"Type": "Pass", "Result": "woke", "End": true}
        }}
        """
    static let hello = #"{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"hi","End":true}}}"#

    let harness: StoreHarness
    init() throws { harness = try StoreHarness() }

    var path: String { harness.databasePath }

    func open(clock: any EngineClock = VirtualClock(), resume: Bool = true) async throws -> LocalStepFunctionsService {
        try await LocalEngineDatabase.open(
            path: path, options: .init(clock: clock, seed: 3, resumeExecutions: resume))
    }

    @Test func theCatalogAndEndedExecutionsSurviveAReopen() async throws {
        defer { harness.remove() }
        let first = try await open()
        let created = try await first.createStateMachine(CreateStateMachineInput(
            name: "Hello", definition: Self.hello, roleArn: Self.role, tags: [Tag(key: "team", value: "data")],
            publish: true, versionDescription: "commit abc"))
        let machine = created.stateMachineArn
        let version = try #require(created.stateMachineVersionArn)
        let alias = try await first.createStateMachineAlias(CreateStateMachineAliasInput(
            name: "live", routingConfiguration: [RoutingConfigurationListItem(stateMachineVersionArn: version, weight: 100)]))
        let run = try await first.startExecution(
            StartExecutionInput(stateMachineArn: alias.stateMachineAliasArn, name: "one", input: #"{"a": 1}"#))
        let done = try await first.waitForExecution(run.executionArn)
        let history = try await first.getExecutionHistory(GetExecutionHistoryInput(executionArn: run.executionArn))
        let express = try await first.createStateMachine(
            CreateStateMachineInput(name: "Quick", definition: Self.hello, roleArn: Self.role, type: .express))
        await first.close()

        let second = try await open()
        defer { Task { await second.close() } }
        let machines = try await second.listStateMachines(ListStateMachinesInput())
        #expect(machines.stateMachines.map(\.stateMachineArn) == [machine, express.stateMachineArn])
        let described = try await second.describeStateMachine(DescribeStateMachineInput(stateMachineArn: version))
        #expect(described.description == "commit abc")
        #expect(described.definition == Self.hello)
        let tags = try await second.listTagsForResource(ListTagsForResourceInput(resourceArn: .stateMachine(machine)))
        #expect(tags.tags == [Tag(key: "team", value: "data")])
        let routed = try await second.describeStateMachineAlias(
            DescribeStateMachineAliasInput(stateMachineAliasArn: alias.stateMachineAliasArn))
        #expect(routed.routingConfiguration?.map(\.stateMachineVersionArn) == [version])

        let again = try await second.describeExecution(DescribeExecutionInput(executionArn: run.executionArn))
        #expect(again.status == .succeeded)
        #expect(again.output == done.output)
        #expect(again.input == #"{"a": 1}"#)
        #expect(again.stateMachineAliasArn == alias.stateMachineAliasArn)
        #expect(again.stateMachineVersionArn == version)
        #expect(again.startDate == done.startDate)
        let reread = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: run.executionArn))
        #expect(reread.events.map(\.type) == history.events.map(\.type))
        let listed = try await second.listExecutions(ListExecutionsInput(stateMachineArn: machine))
        #expect(listed.executions.map(\.name) == ["one"])
        // The name stays taken, and new names and versions continue rather than repeat.
        await #expect(throws: StepFunctionsError.self) {
            _ = try await second.startExecution(StartExecutionInput(stateMachineArn: machine, name: "one", input: "{}"))
        }
        let next = try await second.publishStateMachineVersion(
            PublishStateMachineVersionInput(stateMachineArn: machine, description: "same revision"))
        #expect(next.stateMachineVersionArn == version)
        let fresh = try await second.startExecution(StartExecutionInput(stateMachineArn: machine))
        _ = try await second.waitForExecution(fresh.executionArn)
    }

    @Test func aRunningExecutionResumesThroughTheReopenedService() async throws {
        defer { harness.remove() }
        let firstClock = ManualClock()
        let first = try await open(clock: firstClock)
        let machine = try await first.createStateMachine(
            CreateStateMachineInput(name: "Napper", definition: Self.napThenDone, roleArn: Self.role)).stateMachineArn
        let run = try await first.startExecution(StartExecutionInput(stateMachineArn: machine, name: "nap"))
        try await StoreHarness.yield { firstClock.sleeperCount == 1 }
        await first.close()

        // A second service that does not resume leaves it RUNNING.
        let reader = try await open(resume: false)
        #expect(try await reader.describeExecution(DescribeExecutionInput(executionArn: run.executionArn)).status == .running)
        let progress = try await reader.getExecutionHistory(GetExecutionHistoryInput(executionArn: run.executionArn))
        #expect(progress.events.map(\.type.rawValue) == ["ExecutionStarted", "WaitStateEntered"])
        await reader.close()

        let clock = ManualClock(start: firstClock.now().adding(seconds: 30))
        let second = try await open(clock: clock)
        defer { Task { await second.close() } }
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 30)
        let done = try await second.waitForExecution(run.executionArn)
        #expect(done.status == .succeeded)
        #expect(done.output == #""woke""#)
        let history = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: run.executionArn))
        #expect(history.events.map(\.id) == Array(1...Int64(history.events.count)))
        #expect(history.events.map(\.type.rawValue) == [
            "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited",
            "ExecutionSucceeded",
        ])
        // The Wait kept its original deadline: 60 s after the start, not after the reopen.
        #expect(done.stopDate == run.startDate.adding(milliseconds: 60_000))
    }

    @Test func anAcceptedStartWhoseRunWasNeverRecordedRunsOnReopen() async throws {
        defer { harness.remove() }
        let first = try await open()
        let machine = try await first.createStateMachine(
            CreateStateMachineInput(name: "Hello", definition: Self.hello, roleArn: Self.role)).stateMachineArn
        let run = try await first.startExecution(
            StartExecutionInput(stateMachineArn: machine, name: "accepted", input: #"{"k": true}"#))
        _ = try await first.waitForExecution(run.executionArn)
        await first.close()
        // As if the process stopped after answering StartExecution, before the run was stored.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM historyEvent")
            try db.execute(sql: "DELETE FROM execution")
        }

        let second = try await open()
        defer { Task { await second.close() } }
        let done = try await second.waitForExecution(run.executionArn)
        #expect(done.status == .succeeded)
        #expect(done.input == #"{"k": true}"#)
        let history = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: run.executionArn))
        #expect(history.events.first?.type == .executionStarted)
        #expect(history.events.filter { $0.type == .executionStarted }.count == 1)
    }

    @Test func aScaledClockContinuesFromTheFilesLatestTime() async throws {
        defer { harness.remove() }
        // An earlier scaled engine ran ahead of the wall: its execution started a day from now.
        let dayAhead = RealClock().now().adding(seconds: 86_400)
        let first = try await open(clock: ManualClock(start: dayAhead))
        let machine = try await first.createStateMachine(
            CreateStateMachineInput(name: "Hello", definition: Self.hello, roleArn: Self.role)).stateMachineArn
        let earlier = try await first.startExecution(StartExecutionInput(stateMachineArn: machine))
        _ = try await first.waitForExecution(earlier.executionArn)
        await first.close()

        let second = try await LocalEngineDatabase.open(path: path, options: .init(clock: RealClock(scale: 0.01)))
        defer { Task { await second.close() } }
        let later = try await second.startExecution(StartExecutionInput(stateMachineArn: machine))
        #expect(later.startDate >= earlier.startDate)
    }

    @Test func aSecondOpenerIsRefusedWithTheHoldersPid() async throws {
        defer { harness.remove() }
        let first = try await open()
        do {
            _ = try await open()
            Issue.record("a second service opened a held database")
        } catch let error as LocalEngineDatabaseError {
            #expect(error == .locked(path: path, pid: getpid()))
            #expect(error.description.contains(path))
            #expect(error.description.contains("process \(getpid())"))
        }
        await first.close()
        let second = try await open()
        await second.close()
    }

    @Test func missingDirectoriesAreCreated() async throws {
        defer { harness.remove() }
        let nested = harness.directory.appendingPathComponent("a/b/engine.sqlite").path
        let service = try await LocalEngineDatabase.open(path: nested, options: .init())
        await service.close()
        #expect(FileManager.default.fileExists(atPath: nested))
    }

    @Test func aFileThatIsNotAnEngineDatabaseIsRefused() async throws {
        defer { harness.remove() }
        let garbage = harness.directory.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
        await #expect {
            _ = try await LocalEngineDatabase.open(path: garbage, options: .init())
        } throws: { error in
            guard case .unusable(let at, let reason) = error as? LocalEngineDatabaseError else { return false }
            return at == garbage && reason.contains("not a SQLite database")
        }
        let foreign = harness.directory.appendingPathComponent("foreign.sqlite").path
        try await DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE invoice (id INTEGER)") }
        await #expect {
            _ = try await LocalEngineDatabase.open(path: foreign, options: .init())
        } throws: { error in
            guard case .unusable(_, let reason) = error as? LocalEngineDatabaseError else { return false }
            return reason.contains("not an sfn execution store")
        }
        // A refused file does not keep its lock: a second try is refused for the file, not the lock.
        await #expect {
            _ = try await LocalEngineDatabase.open(path: garbage, options: .init())
        } throws: { error in
            guard case .unusable = error as? LocalEngineDatabaseError else { return false }
            return true
        }
    }
}
