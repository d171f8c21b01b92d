import Foundation
import Records
import StepFunctionsAPI

/// One `sfn run`: starts an execution of a deployed workflow, follows it to its end (unless
/// told not to wait), and records it against the revision it ran, at its start and its end.
///
/// Express workflows run through StartSyncExecution (AWS keeps no history of them to poll);
/// Standard ones through StartExecution, then DescribeExecution until they end, with the
/// current state read from GetExecutionHistory for the progress line.
struct WorkflowRun {
    let deployed: DeployedWorkflow
    let target: ExecutionTarget
    let records: RecordStore
    /// Called with the current state's name while a Standard execution runs; nil: no progress
    /// is shown and the history is read once, at the end.
    var progress: (@Sendable (String) -> Void)?
    /// How long to wait between polls: short at first (local runs end in milliseconds), up to
    /// a second for long executions.
    var pollIntervals: [Duration] = [.milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1)]

    struct Outcome: Sendable {
        var record: ExecutionRecord
        /// The whole output (the record may hold it cut).
        var output: String?
        /// False with `--no-wait`: the record says RUNNING.
        var waited: Bool
    }

    func run(input: String, name: String?, testCase: String?, wait: Bool) async throws(CommandFailure) -> Outcome {
        let startArn = try Self.arn(deployed.startArn, testCase: testCase)
        let service = target.service
        var record = ExecutionRecord(
            executionArn: "", environment: deployed.environment, workflow: deployed.workflow,
            startedArn: deployed.startArn.description, commit: deployed.revision?.commit ?? "",
            dirty: deployed.revision?.dirty ?? false, definitionSHA256: deployed.definitionSHA256, status: .running,
            startDate: Date(), input: input)
        do {
            if deployed.type == .express {
                let result = try await service.startSyncExecution(
                    StartSyncExecutionInput(stateMachineArn: startArn, name: name, input: input))
                record.executionArn = result.executionArn.description
                record.status = ExecutionStatus(rawValue: result.status.rawValue)
                record.startDate = result.startDate.date
                record.stopDate = result.stopDate.date
                record.error = result.error
                record.cause = result.cause
                record.output = result.output
                try save(record)
                return Outcome(record: record, output: result.output, waited: true)
            }
            let started = try await service.startExecution(
                StartExecutionInput(stateMachineArn: startArn, name: name, input: input))
            record.executionArn = started.executionArn.description
            record.startDate = started.startDate.date
            try save(record)
            guard wait else { return Outcome(record: record, output: nil, waited: false) }
            let ended = try await follow(started.executionArn)
            record.update(from: ended)
            record.transitions = try await Self.transitions(of: started.executionArn, on: service)
            try save(record)
            return Outcome(record: record, output: ended.output, waited: true)
        } catch let error as StepFunctionsError {
            throw CommandFailure(message: "cannot run '\(deployed.workflow)' on \(target.description): \(error.code): \(error.message)")
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "cannot run '\(deployed.workflow)' on \(target.description): \(error)")
        }
    }

    /// Polls until the execution ends, reporting the state it is in.
    private func follow(_ arn: ExecutionARN) async throws -> DescribeExecutionOutput {
        var attempt = 0
        var lastState: String?
        while true {
            let described = try await target.service.describeExecution(DescribeExecutionInput(executionArn: arn))
            if described.status != .running { return described }
            if let progress {
                let page = try await target.service.getExecutionHistory(
                    GetExecutionHistoryInput(executionArn: arn, maxResults: 20, reverseOrder: true))
                let current = page.events.lazy.compactMap { $0.stateEnteredEventDetails?.name }.first
                if let current, current != lastState {
                    lastState = current
                    progress(current)
                }
            }
            try await Task.sleep(for: pollIntervals[min(attempt, pollIntervals.count - 1)])
            attempt += 1
        }
    }

    /// The states entered, counted over the whole history; nil where the target keeps none.
    static func transitions(of arn: ExecutionARN, on service: any StepFunctionsService) async throws -> Int? {
        var count = 0
        var token: String?
        repeat {
            guard let page = try? await service.getExecutionHistory(
                GetExecutionHistoryInput(executionArn: arn, maxResults: 1000, nextToken: token, includeExecutionData: false))
            else { return nil }
            count += page.events.count { $0.stateEnteredEventDetails != nil }
            token = page.nextToken
        } while token != nil
        return count
    }

    /// `--test-case NAME` selects a mock test case as Step Functions Local does: `#NAME`
    /// after the state machine ARN.
    static func arn(_ arn: StateMachineARN, testCase: String?) throws(CommandFailure) -> StateMachineARN {
        guard let testCase else { return arn }
        guard !testCase.isEmpty, !testCase.contains("#") else {
            throw CommandFailure(message: "--test-case '\(testCase)' is not a test case name")
        }
        var selected = arn
        selected.testCase = testCase
        return selected
    }

    private func save(_ record: ExecutionRecord) throws(CommandFailure) {
        do {
            try records.upsert(record)
        } catch {
            throw CommandFailure(message: error.message)
        }
    }
}

extension ExecutionRecord {
    /// Takes what DescribeExecution says of an execution: its status, end, error and output.
    mutating func update(from described: DescribeExecutionOutput) {
        status = described.status
        startDate = described.startDate.date
        stopDate = described.stopDate?.date
        error = described.error
        cause = described.cause
        if let text = described.output { output = text }
    }
}
