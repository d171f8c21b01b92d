/// Any Step Functions ARN, for the members that accept more than one kind
/// (`resourceArn` of the tagging actions names a state machine or an activity).
public enum StepFunctionsARN: StepFunctionsResourceName {
    case stateMachine(StateMachineARN)
    case execution(ExecutionARN)
    case activity(ActivityARN)
    case mapRun(MapRunARN)

    public init(parsing text: String) throws(StepFunctionsError) {
        let parts = try ARNParts(
            parsing: text, allowedTypes: ["stateMachine", "execution", "express", "activity", "mapRun"])
        switch parts.resourceType {
        case "stateMachine": self = .stateMachine(try StateMachineARN(parsing: text))
        case "activity": self = .activity(try ActivityARN(parsing: text))
        case "mapRun": self = .mapRun(try MapRunARN(parsing: text))
        default: self = .execution(try ExecutionARN(parsing: text))
        }
    }

    public var scope: ARNScope {
        switch self {
        case .stateMachine(let arn): arn.scope
        case .execution(let arn): arn.scope
        case .activity(let arn): arn.scope
        case .mapRun(let arn): arn.scope
        }
    }

    public var description: String {
        switch self {
        case .stateMachine(let arn): arn.description
        case .execution(let arn): arn.description
        case .activity(let arn): arn.description
        case .mapRun(let arn): arn.description
        }
    }
}
