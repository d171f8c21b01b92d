public import ASLModel
public import JSONValue

/// Who an execution is: its names and ARNs, fixed when it starts, and the source of
/// the `$$.Execution` and `$$.StateMachine` parts of the context object.
public struct ExecutionIdentity: Sendable, Hashable {
    public var executionArn: String
    public var name: String
    public var stateMachineArn: String
    public var stateMachineName: String
    public var roleArn: String
    public var region: String
    public var input: JSON
    public var startTime: Timestamp
    public var redriveCount: Int
    /// Express executions have no redrive, and `$$.Execution` shows no `RedriveCount`.
    public var type: StateMachineType
    /// The mock test case named at StartExecution (`stateMachineArn#TestCase`), handed to
    /// every task invocation; not part of `$$`.
    public var testCase: String?

    public init(
        executionArn: String, name: String, stateMachineArn: String, stateMachineName: String, roleArn: String,
        region: String, input: JSON, startTime: Timestamp, redriveCount: Int = 0,
        type: StateMachineType = .standard, testCase: String? = nil
    ) {
        self.testCase = testCase
        self.type = type
        self.executionArn = executionArn
        self.name = name
        self.stateMachineArn = stateMachineArn
        self.stateMachineName = stateMachineName
        self.roleArn = roleArn
        self.region = region
        self.input = input
        self.startTime = startTime
        self.redriveCount = redriveCount
    }

    /// `{"Execution": {…}, "StateMachine": {…}}`: the parts of `$$` that never change.
    var contextBase: JSONObject {
        var execution = JSONObject()
        execution["Id"] = .string(executionArn)
        execution["Input"] = input
        execution["StartTime"] = .string(startTime.iso8601)
        execution["Name"] = .string(name)
        execution["RoleArn"] = .string(roleArn)
        if type == .standard { execution["RedriveCount"] = .number(JSONNumber(redriveCount)) }
        var machine = JSONObject()
        machine["Id"] = .string(stateMachineArn)
        machine["Name"] = .string(stateMachineName)
        var context = JSONObject()
        context["Execution"] = .object(execution)
        context["StateMachine"] = .object(machine)
        return context
    }
}
