/// A request of the API, tied to its action and its response type, so generic code (an HTTP
/// client: `send(_ request: R) async throws -> R.Output`) needs no table of its own.
public protocol StepFunctionsRequest: Codable, Hashable, Sendable {
    associatedtype Output: Codable, Hashable, Sendable
    static var action: StepFunctionsAction { get }
}

extension CreateStateMachineInput: StepFunctionsRequest {
    public typealias Output = CreateStateMachineOutput
    public static var action: StepFunctionsAction { .createStateMachine }
}

extension DescribeStateMachineInput: StepFunctionsRequest {
    public typealias Output = DescribeStateMachineOutput
    public static var action: StepFunctionsAction { .describeStateMachine }
}

extension DescribeStateMachineForExecutionInput: StepFunctionsRequest {
    public typealias Output = DescribeStateMachineForExecutionOutput
    public static var action: StepFunctionsAction { .describeStateMachineForExecution }
}

extension UpdateStateMachineInput: StepFunctionsRequest {
    public typealias Output = UpdateStateMachineOutput
    public static var action: StepFunctionsAction { .updateStateMachine }
}

extension DeleteStateMachineInput: StepFunctionsRequest {
    public typealias Output = DeleteStateMachineOutput
    public static var action: StepFunctionsAction { .deleteStateMachine }
}

extension ListStateMachinesInput: StepFunctionsRequest {
    public typealias Output = ListStateMachinesOutput
    public static var action: StepFunctionsAction { .listStateMachines }
}

extension PublishStateMachineVersionInput: StepFunctionsRequest {
    public typealias Output = PublishStateMachineVersionOutput
    public static var action: StepFunctionsAction { .publishStateMachineVersion }
}

extension ListStateMachineVersionsInput: StepFunctionsRequest {
    public typealias Output = ListStateMachineVersionsOutput
    public static var action: StepFunctionsAction { .listStateMachineVersions }
}

extension DeleteStateMachineVersionInput: StepFunctionsRequest {
    public typealias Output = DeleteStateMachineVersionOutput
    public static var action: StepFunctionsAction { .deleteStateMachineVersion }
}

extension CreateStateMachineAliasInput: StepFunctionsRequest {
    public typealias Output = CreateStateMachineAliasOutput
    public static var action: StepFunctionsAction { .createStateMachineAlias }
}

extension DescribeStateMachineAliasInput: StepFunctionsRequest {
    public typealias Output = DescribeStateMachineAliasOutput
    public static var action: StepFunctionsAction { .describeStateMachineAlias }
}

extension UpdateStateMachineAliasInput: StepFunctionsRequest {
    public typealias Output = UpdateStateMachineAliasOutput
    public static var action: StepFunctionsAction { .updateStateMachineAlias }
}

extension ListStateMachineAliasesInput: StepFunctionsRequest {
    public typealias Output = ListStateMachineAliasesOutput
    public static var action: StepFunctionsAction { .listStateMachineAliases }
}

extension DeleteStateMachineAliasInput: StepFunctionsRequest {
    public typealias Output = DeleteStateMachineAliasOutput
    public static var action: StepFunctionsAction { .deleteStateMachineAlias }
}

extension StartExecutionInput: StepFunctionsRequest {
    public typealias Output = StartExecutionOutput
    public static var action: StepFunctionsAction { .startExecution }
}

extension StartSyncExecutionInput: StepFunctionsRequest {
    public typealias Output = StartSyncExecutionOutput
    public static var action: StepFunctionsAction { .startSyncExecution }
}

extension DescribeExecutionInput: StepFunctionsRequest {
    public typealias Output = DescribeExecutionOutput
    public static var action: StepFunctionsAction { .describeExecution }
}

extension StopExecutionInput: StepFunctionsRequest {
    public typealias Output = StopExecutionOutput
    public static var action: StepFunctionsAction { .stopExecution }
}

extension ListExecutionsInput: StepFunctionsRequest {
    public typealias Output = ListExecutionsOutput
    public static var action: StepFunctionsAction { .listExecutions }
}

extension GetExecutionHistoryInput: StepFunctionsRequest {
    public typealias Output = GetExecutionHistoryOutput
    public static var action: StepFunctionsAction { .getExecutionHistory }
}

extension RedriveExecutionInput: StepFunctionsRequest {
    public typealias Output = RedriveExecutionOutput
    public static var action: StepFunctionsAction { .redriveExecution }
}

extension CreateActivityInput: StepFunctionsRequest {
    public typealias Output = CreateActivityOutput
    public static var action: StepFunctionsAction { .createActivity }
}

extension DescribeActivityInput: StepFunctionsRequest {
    public typealias Output = DescribeActivityOutput
    public static var action: StepFunctionsAction { .describeActivity }
}

extension ListActivitiesInput: StepFunctionsRequest {
    public typealias Output = ListActivitiesOutput
    public static var action: StepFunctionsAction { .listActivities }
}

extension DeleteActivityInput: StepFunctionsRequest {
    public typealias Output = DeleteActivityOutput
    public static var action: StepFunctionsAction { .deleteActivity }
}

extension GetActivityTaskInput: StepFunctionsRequest {
    public typealias Output = GetActivityTaskOutput
    public static var action: StepFunctionsAction { .getActivityTask }
}

extension SendTaskSuccessInput: StepFunctionsRequest {
    public typealias Output = SendTaskSuccessOutput
    public static var action: StepFunctionsAction { .sendTaskSuccess }
}

extension SendTaskFailureInput: StepFunctionsRequest {
    public typealias Output = SendTaskFailureOutput
    public static var action: StepFunctionsAction { .sendTaskFailure }
}

extension SendTaskHeartbeatInput: StepFunctionsRequest {
    public typealias Output = SendTaskHeartbeatOutput
    public static var action: StepFunctionsAction { .sendTaskHeartbeat }
}

extension TagResourceInput: StepFunctionsRequest {
    public typealias Output = TagResourceOutput
    public static var action: StepFunctionsAction { .tagResource }
}

extension UntagResourceInput: StepFunctionsRequest {
    public typealias Output = UntagResourceOutput
    public static var action: StepFunctionsAction { .untagResource }
}

extension ListTagsForResourceInput: StepFunctionsRequest {
    public typealias Output = ListTagsForResourceOutput
    public static var action: StepFunctionsAction { .listTagsForResource }
}

extension DescribeMapRunInput: StepFunctionsRequest {
    public typealias Output = DescribeMapRunOutput
    public static var action: StepFunctionsAction { .describeMapRun }
}

extension ListMapRunsInput: StepFunctionsRequest {
    public typealias Output = ListMapRunsOutput
    public static var action: StepFunctionsAction { .listMapRuns }
}

extension UpdateMapRunInput: StepFunctionsRequest {
    public typealias Output = UpdateMapRunOutput
    public static var action: StepFunctionsAction { .updateMapRun }
}

extension ValidateStateMachineDefinitionInput: StepFunctionsRequest {
    public typealias Output = ValidateStateMachineDefinitionOutput
    public static var action: StepFunctionsAction { .validateStateMachineDefinition }
}

extension TestStateInput: StepFunctionsRequest {
    public typealias Output = TestStateOutput
    public static var action: StepFunctionsAction { .testState }
}
