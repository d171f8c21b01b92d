/// The predefined error names of ASL ("States.*").
public enum StatesError {
    public static let all = "States.ALL"
    public static let runtime = "States.Runtime"
    public static let timeout = "States.Timeout"
    public static let heartbeatTimeout = "States.HeartbeatTimeout"
    public static let taskFailed = "States.TaskFailed"
    public static let permissions = "States.Permissions"
    public static let dataLimitExceeded = "States.DataLimitExceeded"
    public static let noChoiceMatched = "States.NoChoiceMatched"
    public static let intrinsicFailure = "States.IntrinsicFailure"
    public static let exceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold"
    public static let itemReaderFailed = "States.ItemReaderFailed"
    public static let resultPathMatchFailure = "States.ResultPathMatchFailure"
    public static let parameterPathFailure = "States.ParameterPathFailure"
    public static let branchFailed = "States.BranchFailed"

    /// Errors that `States.ALL` does not match: AWS documents them as terminal.
    static let terminal: Set<String> = [runtime, dataLimitExceeded]
}


