/// The ARN of a state machine, or of one of its versions or aliases:
/// `arn:aws:states:us-east-1:123456789012:stateMachine:Orders`, `…:Orders:7` (version 7),
/// `…:Orders:live` (alias `live`).
///
/// AWS tells a version from an alias by the qualifier alone: versions are numbers, and an alias
/// name must contain a character that is not a digit.
public struct StateMachineARN: StepFunctionsResourceName {
    public var scope: ARNScope
    public var name: String
    public var qualifier: Qualifier?

    public enum Qualifier: Hashable, Sendable {
        case version(Int)
        case alias(String)
    }

    public init(scope: ARNScope, name: String, qualifier: Qualifier? = nil) {
        self.scope = scope
        self.name = name
        self.qualifier = qualifier
    }

    public init(parsing text: String) throws(StepFunctionsError) {
        let parts = try ARNParts(parsing: text, allowedTypes: ["stateMachine"])
        switch parts.fields.count {
        case 1:
            self.init(scope: parts.scope, name: String(parts.fields[0]))
        case 2:
            let qualifier = parts.fields[1]
            if qualifier.allSatisfy({ $0.isASCII && $0.isNumber }) {
                guard let version = Int(qualifier), version > 0 else {
                    throw .invalidArn("Invalid version number: \(qualifier)")
                }
                self.init(scope: parts.scope, name: String(parts.fields[0]), qualifier: .version(version))
            } else {
                self.init(scope: parts.scope, name: String(parts.fields[0]), qualifier: .alias(String(qualifier)))
            }
        default:
            throw ARNParts.invalid(text)
        }
    }

    /// The state machine itself, without version or alias.
    public var unqualified: StateMachineARN { StateMachineARN(scope: scope, name: name) }

    public func version(_ number: Int) -> StateMachineARN {
        StateMachineARN(scope: scope, name: name, qualifier: .version(number))
    }

    public func alias(_ aliasName: String) -> StateMachineARN {
        StateMachineARN(scope: scope, name: name, qualifier: .alias(aliasName))
    }

    public var versionNumber: Int? {
        if case .version(let number) = qualifier { number } else { nil }
    }

    public var aliasName: String? {
        if case .alias(let alias) = qualifier { alias } else { nil }
    }

    /// The ARN of an execution of this state machine (standard, or express when `expressId`
    /// is given). Executions of a version or alias carry the unqualified machine name.
    public func execution(named executionName: String, expressId: String? = nil) -> ExecutionARN {
        ExecutionARN(scope: scope, stateMachineName: name, name: executionName, expressId: expressId)
    }

    public var description: String {
        let base = "\(scope):stateMachine:\(name)"
        switch qualifier {
        case nil: return base
        case .version(let number): return "\(base):\(number)"
        case .alias(let alias): return "\(base):\(alias)"
        }
    }
}
