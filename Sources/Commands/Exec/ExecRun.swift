import Engine
import JSONValue
import StepFunctionsAPI

/// One `sfn exec` run: a fresh in-memory `LocalStepFunctionsService` with the virtual
/// clock, the definition created as a state machine, one execution to its end — the
/// same API calls a client would make against any Step Functions endpoint.
struct ExecRun {
    let machineName: String
    let executionName: String?
    let type: ExecType

    struct Result {
        var description: DescribeExecutionOutput
        var events: [StepFunctionsAPI.HistoryEvent]
    }

    func run(_ document: SourceDocument, input: String, history: Bool) async throws -> Result {
        let service = LocalStepFunctionsService(clock: VirtualClock())
        do {
            let machine = try await service.createStateMachine(
                CreateStateMachineInput(
                    name: machineName, definition: document.value.serialized(.compact),
                    roleArn: "arn:aws:iam::123456789012:role/StepFunctions",
                    type: type == .express ? .express : .standard))
            let started = try await service.startExecution(
                StartExecutionInput(stateMachineArn: machine.stateMachineArn, name: executionName, input: input))
            let description = try await service.waitForExecution(started.executionArn)
            var events: [StepFunctionsAPI.HistoryEvent] = []
            if history {
                var token: String?
                repeat {
                    let page = try await service.getExecutionHistory(
                        GetExecutionHistoryInput(executionArn: started.executionArn, maxResults: 1000, nextToken: token))
                    events += page.events
                    token = page.nextToken
                } while token != nil
            }
            return Result(description: description, events: events)
        } catch {
            // A name or input the API rejects is the user's to fix; say which, in AWS's words.
            throw CommandFailure(message: "\(error.code): \(error.message)")
        }
    }
}
