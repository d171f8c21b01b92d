import ASLModel
import StepFunctionsAPI

/// A state machine as the local service keeps it: the definition text exactly as given
/// (DescribeStateMachine returns it byte for byte) and the workflow compiled once from it.
struct StoredStateMachine: Sendable {
    var arn: StateMachineARN
    var name: String { arn.name }
    var definition: String
    var roleArn: String
    var type: StepFunctionsAPI.StateMachineType
    var creationDate: StepFunctionsAPI.Timestamp
    var updateDate: StepFunctionsAPI.Timestamp
    /// Changes with every UpdateStateMachine, as AWS's revision id does.
    var revisionId: String
    var loggingConfiguration: LoggingConfiguration?
    var tracingConfiguration: TracingConfiguration?
    var workflow: CompiledWorkflow
    /// In creation order; ListStateMachines pages through machines in this order.
    var sequence: Int
}

/// An execution as the local service keeps it: its request, the running handle and,
/// once it has ended, the engine's report.
struct StoredExecution: Sendable {
    var arn: ExecutionARN
    var stateMachineArn: StateMachineARN
    var name: String
    /// The input text as the caller sent it (AWS returns it unchanged).
    var input: String
    var startDate: StepFunctionsAPI.Timestamp
    /// The definition it runs, for DescribeStateMachineForExecution after an update.
    var machine: StoredStateMachine
    var handle: ExecutionHandle?
    var report: ExecutionReport?
    var sequence: Int

    var status: StepFunctionsAPI.ExecutionStatus {
        guard let report else { return .running }
        return StepFunctionsAPI.ExecutionStatus(rawValue: report.description.status.rawValue)
    }

    var stopDate: StepFunctionsAPI.Timestamp? {
        report?.description.stopDate.map(\.api)
    }
}

extension Timestamp {
    /// The same instant as the API's timestamp type.
    var api: StepFunctionsAPI.Timestamp {
        StepFunctionsAPI.Timestamp(millisecondsSince1970: millisecondsSinceEpoch)
    }
}
