/// The 37 actions of the API, named as the `X-Amz-Target: AWSStepFunctions.<Action>` header
/// names them.
public enum StepFunctionsAction: String, CaseIterable, Sendable {
    case createStateMachine = "CreateStateMachine"
    case describeStateMachine = "DescribeStateMachine"
    case describeStateMachineForExecution = "DescribeStateMachineForExecution"
    case updateStateMachine = "UpdateStateMachine"
    case deleteStateMachine = "DeleteStateMachine"
    case listStateMachines = "ListStateMachines"
    case publishStateMachineVersion = "PublishStateMachineVersion"
    case listStateMachineVersions = "ListStateMachineVersions"
    case deleteStateMachineVersion = "DeleteStateMachineVersion"
    case createStateMachineAlias = "CreateStateMachineAlias"
    case describeStateMachineAlias = "DescribeStateMachineAlias"
    case updateStateMachineAlias = "UpdateStateMachineAlias"
    case listStateMachineAliases = "ListStateMachineAliases"
    case deleteStateMachineAlias = "DeleteStateMachineAlias"
    case startExecution = "StartExecution"
    case startSyncExecution = "StartSyncExecution"
    case describeExecution = "DescribeExecution"
    case stopExecution = "StopExecution"
    case listExecutions = "ListExecutions"
    case getExecutionHistory = "GetExecutionHistory"
    case redriveExecution = "RedriveExecution"
    case createActivity = "CreateActivity"
    case describeActivity = "DescribeActivity"
    case listActivities = "ListActivities"
    case deleteActivity = "DeleteActivity"
    case getActivityTask = "GetActivityTask"
    case sendTaskSuccess = "SendTaskSuccess"
    case sendTaskFailure = "SendTaskFailure"
    case sendTaskHeartbeat = "SendTaskHeartbeat"
    case tagResource = "TagResource"
    case untagResource = "UntagResource"
    case listTagsForResource = "ListTagsForResource"
    case describeMapRun = "DescribeMapRun"
    case listMapRuns = "ListMapRuns"
    case updateMapRun = "UpdateMapRun"
    case validateStateMachineDefinition = "ValidateStateMachineDefinition"
    case testState = "TestState"

    /// The `X-Amz-Target` header's prefix for this API.
    public static let targetPrefix = "AWSStepFunctions."

    /// The header value that invokes this action: `AWSStepFunctions.StartExecution`.
    public var target: String { StepFunctionsAction.targetPrefix + rawValue }

    /// The action named by an `X-Amz-Target` header, or AWS's `UnknownOperationException`.
    public init(target: String) throws(StepFunctionsError) {
        guard target.hasPrefix(StepFunctionsAction.targetPrefix),
            let action = StepFunctionsAction(rawValue: String(target.dropFirst(StepFunctionsAction.targetPrefix.count)))
        else {
            throw StepFunctionsError(.unknownOperationException, "Unknown operation: '\(target)'")
        }
        self = action
    }
}
