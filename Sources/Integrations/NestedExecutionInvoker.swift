public import Engine
import JSONValue
import StepFunctionsAPI

/// `arn:aws:states:::states:startExecution`: starts an execution of a state machine deployed
/// on the same local service, as Step Functions' optimized integration does.
///
/// - the request-response form (and `.waitForTaskToken`, whose wait is the engine's) returns
///   `{ExecutionArn, StartDate}` at once;
/// - `.sync` waits and returns DescribeExecution's fields with `Input` and `Output` as JSON
///   text, as AWS does; `.sync:2` gives them as JSON;
/// - a child that fails, times out or is aborted fails the task with `States.TaskFailed`
///   and, as AWS does, the child's description (with its `Error` and `Cause`) as the cause;
/// - an API error becomes `StepFunctions.<Code>Exception` (`StepFunctions.StateMachineDoesNotExistException`).
///
/// `Parameters` are StartExecution's: `StateMachineArn`, `Input` (any JSON, or JSON text) and
/// `Name`. `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID` in the input goes to the child as
/// written. Stopping the parent (or its task timing out) while it waits stops the child.
public struct NestedExecutionInvoker: TaskInvoking {
    public static let resource = "arn:aws:states:::states:startExecution"
    public let services: LocalServiceReference

    public init(services: LocalServiceReference) {
        self.services = services
    }

    enum Pattern {
        case requestResponse
        case sync
        case syncJSON
    }

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        let suffix = request.resource.dropFirst(Self.resource.count)
        let pattern: Pattern
        switch suffix {
        // With `.waitForTaskToken` the child is started and the engine waits for the token.
        case "", ".waitForTaskToken": pattern = .requestResponse
        case ".sync": pattern = .sync
        case ".sync:2": pattern = .syncJSON
        default:
            return .failure(ExecutionFailure(
                error: StatesError.runtime,
                cause: "The integration pattern '\(suffix)' of '\(request.resource)' is not supported by the local engine yet"))
        }
        guard let service = services.service else {
            return .failure(ExecutionFailure(
                error: StatesError.taskFailed,
                cause: "Nested executions need the local Step Functions service, and none is bound to this invoker"))
        }
        guard let arnText = request.parameters["StateMachineArn"]?.stringValue else {
            return .failure(ExecutionFailure(
                error: StatesError.runtime, cause: "The Parameters of '\(request.resource)' need a string field 'StateMachineArn'"))
        }
        let input: String? =
            switch request.parameters["Input"] {
            case nil: nil
            case .string(let text)?: text
            case let value?: value.serialized(.compact)
            }
        let started: StartExecutionOutput
        do throws(StepFunctionsError) {
            let arn = try StateMachineARN(parsing: arnText)
            started = try await service.startExecution(StartExecutionInput(
                stateMachineArn: arn, name: request.parameters["Name"]?.stringValue, input: input))
        } catch {
            return .failure(Self.failure(error))
        }
        if pattern == .requestResponse {
            return .success([
                "ExecutionArn": .string(started.executionArn.description),
                "StartDate": .number(JSONNumber(started.startDate.millisecondsSince1970)),
            ])
        }
        let childArn = started.executionArn
        let waited: Result<DescribeExecutionOutput, StepFunctionsError> = await withTaskCancellationHandler {
            do throws(StepFunctionsError) {
                return .success(try await service.waitForExecution(childArn))
            } catch {
                return .failure(error)
            }
        } onCancel: {
            Task {
                _ = try? await service.stopExecution(StopExecutionInput(
                    executionArn: childArn, error: "States.Aborted", cause: "The parent execution was stopped"))
            }
        }
        let ended: DescribeExecutionOutput
        switch waited {
        case .success(let description): ended = description
        case .failure(let error): return .failure(Self.failure(error))
        }
        let result = Self.describe(ended, asJSON: pattern == .syncJSON)
        guard ended.status == .succeeded else {
            return .failure(ExecutionFailure(error: StatesError.taskFailed, cause: result.serialized(.compact)))
        }
        return .success(result)
    }

    /// DescribeExecution's answer with AWS's capitalised keys, as `.sync` results carry it.
    static func describe(_ execution: DescribeExecutionOutput, asJSON: Bool) -> JSON {
        func payload(_ text: String?) -> JSON? {
            guard let text else { return nil }
            guard asJSON else { return .string(text) }
            return (try? JSON.parse(text)) ?? .string(text)
        }
        var object = JSONObject()
        object["ExecutionArn"] = .string(execution.executionArn.description)
        if let input = payload(execution.input) {
            object["Input"] = input
            object["InputDetails"] = ["Included": true]
        }
        if let name = execution.name { object["Name"] = .string(name) }
        if let output = payload(execution.output) {
            object["Output"] = output
            object["OutputDetails"] = ["Included": true]
        }
        if let error = execution.error { object["Error"] = .string(error) }
        if let cause = execution.cause { object["Cause"] = .string(cause) }
        object["RedriveCount"] = .number(JSONNumber(execution.redriveCount ?? 0))
        object["RedriveStatus"] = .string((execution.redriveStatus ?? .notRedrivable).rawValue)
        object["StartDate"] = .number(JSONNumber(execution.startDate.millisecondsSince1970))
        object["StateMachineArn"] = .string(execution.stateMachineArn.description)
        object["Status"] = .string(execution.status.rawValue)
        if let stop = execution.stopDate { object["StopDate"] = .number(JSONNumber(stop.millisecondsSince1970)) }
        return .object(object)
    }

    /// An API error as the integration names it: `StepFunctions.ExecutionAlreadyExistsException`.
    static func failure(_ error: StepFunctionsError) -> ExecutionFailure {
        let code = error.code.rawValue
        let name = code.hasSuffix("Exception") ? code : code + "Exception"
        return ExecutionFailure(
            error: "StepFunctions.\(name)",
            cause: "\(error.message) (Service: AWSStepFunctions; Status Code: \(error.httpStatus); Error Code: \(name))")
    }
}
