import ASLModel
import StepFunctionsAPI

/// A state machine as the local service keeps it: the definition text exactly as given
/// (DescribeStateMachine returns it byte for byte) and the workflow compiled once from it.
/// A published version is the same record under its version ARN, frozen, with its own
/// description; a revision (what an execution ran) is the same record keyed by revision id.
///
/// Coded as JSON (without the compiled workflow, which is compiled again on load) for a
/// `CatalogStore`.
struct StoredStateMachine: Sendable, Codable {
    var arn: StateMachineARN
    var name: String { arn.name }
    var definition: String
    var roleArn: String
    var type: StepFunctionsAPI.StateMachineType
    var creationDate: StepFunctionsAPI.Timestamp
    var updateDate: StepFunctionsAPI.Timestamp
    /// Changes with every UpdateStateMachine that changes something, as AWS's revision id does.
    var revisionId: String
    var loggingConfiguration: LoggingConfiguration?
    var tracingConfiguration: TracingConfiguration?
    /// Nil only for a stored revision whose definition today's validator refuses.
    var workflow: CompiledWorkflow?
    /// In creation order; ListStateMachines pages through machines in this order.
    var sequence: Int
    /// A version's description (PublishStateMachineVersion's `description`).
    var versionDescription: String?
    /// The highest version number published so far: AWS never reuses a deleted one.
    var latestVersion: Int = 0

    enum CodingKeys: String, CodingKey {
        case arn, definition, roleArn, type, creationDate, updateDate, revisionId, loggingConfiguration
        case tracingConfiguration, sequence, versionDescription, latestVersion
    }

    /// The key of this machine's current revision among the catalog's revisions.
    var revisionKey: String { "\(arn.unqualified)#\(revisionId)" }
}

/// An alias: a name that routes each StartExecution to one of one or two versions by weight.
struct StoredAlias: Sendable, Codable {
    var arn: StateMachineARN
    var name: String { arn.aliasName ?? "" }
    var description: String?
    var routingConfiguration: [RoutingConfigurationListItem]
    var creationDate: StepFunctionsAPI.Timestamp
    var updateDate: StepFunctionsAPI.Timestamp
    var sequence: Int
}

/// An execution as the local service keeps it: its request, the running handle and,
/// once it has ended, the engine's report.
struct StoredExecution: Sendable {
    var arn: ExecutionARN
    var stateMachineArn: StateMachineARN
    /// The version it ran, when StartExecution named a version or an alias.
    var versionArn: StateMachineARN?
    /// The alias StartExecution named, if any.
    var aliasArn: StateMachineARN?
    var name: String
    /// The input text as the caller sent it (AWS returns it unchanged).
    var input: String
    var startDate: StepFunctionsAPI.Timestamp
    /// The definition it runs, for DescribeStateMachineForExecution after an update.
    var machine: StoredStateMachine
    var handle: ExecutionHandle?
    var report: ExecutionReport?
    /// An execution of an earlier service on the same database: its report (once ended)
    /// carries the description only, and its history is read from the store when asked for
    /// while no handle of this service runs it.
    var historyInStore = false
    var sequence: Int
    /// How many times RedriveExecution restarted it, and when it last did.
    var redriveCount = 0
    var redriveDate: StepFunctionsAPI.Timestamp?
    /// The run that last ended, kept so that a service without a store can redrive it.
    var endedRun: ExecutionHandle?
    /// RedriveExecution's client tokens and the redrive date each one answered.
    var redriveTokens: [String: StepFunctionsAPI.Timestamp] = [:]
    /// The mock test case StartExecution named (`…#TestCase`): kept so that a resumed or
    /// redriven run answers its tasks from the same test case.
    var testCase: String?

    var status: StepFunctionsAPI.ExecutionStatus {
        guard let report else { return .running }
        return StepFunctionsAPI.ExecutionStatus(rawValue: report.description.status.rawValue)
    }

    var stopDate: StepFunctionsAPI.Timestamp? {
        report?.description.stopDate.map(\.api)
    }

    /// What the catalog keeps of it (the engine's store keeps its run).
    var record: ExecutionRecord {
        ExecutionRecord(
            arn: arn, stateMachineArn: stateMachineArn, versionArn: versionArn, aliasArn: aliasArn, name: name,
            input: input, startDate: startDate, revisionKey: machine.revisionKey, sequence: sequence,
            testCase: testCase)
    }
}

/// The catalog's record of an accepted StartExecution of a Standard machine.
struct ExecutionRecord: Sendable, Codable {
    var arn: ExecutionARN
    var stateMachineArn: StateMachineARN
    var versionArn: StateMachineARN?
    var aliasArn: StateMachineARN?
    var name: String
    var input: String
    var startDate: StepFunctionsAPI.Timestamp
    var revisionKey: String
    var sequence: Int
    /// Absent in records written before test cases were kept.
    var testCase: String?
}

extension Timestamp {
    /// The same instant as the API's timestamp type.
    var api: StepFunctionsAPI.Timestamp {
        StepFunctionsAPI.Timestamp(millisecondsSince1970: millisecondsSinceEpoch)
    }
}
