/// The ARN of a state machine, or of one of its versions or aliases:
/// `arn:aws:states:us-east-1:123456789012:stateMachine:Orders`, `…:Orders:7` (version 7),
/// `…:Orders:live` (alias `live`).
///
/// AWS tells a version from an alias by the qualifier alone: versions are numbers, and an alias
/// name must contain a character that is not a digit.
///
/// The child executions of a Distributed Map run belong to a machine named with the Map state's
/// label, `…:stateMachine:Orders/ProcessItems` (`mapStateLabel`); AWS reports such ARNs in
/// ListMapRuns and in a child's DescribeExecution, and StartExecution refuses them with a
/// `ValidationException`.
public struct StateMachineARN: StepFunctionsResourceName {
    public var scope: ARNScope
    public var name: String
    /// The Distributed Map state's label, for the machine that runs a Map Run's children.
    public var mapStateLabel: String?
    public var qualifier: Qualifier?
    /// Step Functions Local's mock test case, written after `#` at StartExecution
    /// (`arn:aws:states:…:stateMachine:Order#HappyPath`); kept in `description` so that it
    /// reaches an emulator over the wire, and stripped by the local service before lookup.
    public var testCase: String?

    public enum Qualifier: Hashable, Sendable {
        case version(Int)
        case alias(String)
    }

    public init(scope: ARNScope, name: String, mapStateLabel: String? = nil, qualifier: Qualifier? = nil) {
        self.scope = scope
        self.name = name
        self.mapStateLabel = mapStateLabel
        self.qualifier = qualifier
    }

    public init(parsing full: String) throws(StepFunctionsError) {
        guard let hash = full.utf8.firstIndex(of: UInt8(ascii: "#")) else {
            try self.init(parsingWithoutTestCase: full)
            return
        }
        let testCase = String(full[full.index(after: hash)...])
        guard !testCase.isEmpty else { throw ARNParts.invalid(full) }
        try self.init(parsingWithoutTestCase: String(full[..<hash]))
        self.testCase = testCase
    }

    private init(parsingWithoutTestCase text: String) throws(StepFunctionsError) {
        let parts = try ARNParts(parsing: text, allowedTypes: ["stateMachine"])
        guard parts.fields.count <= 2 else { throw ARNParts.invalid(text) }
        let machine = ARNParts.splitAtSlash(parts.fields[0])
        guard machine.allSatisfy({ !$0.isEmpty }) else { throw ARNParts.invalid(text) }
        self.init(
            scope: parts.scope, name: String(machine[0]), mapStateLabel: machine.count == 2 ? String(machine[1]) : nil)
        guard parts.fields.count == 2 else { return }
        let qualifier = parts.fields[1]
        if qualifier.utf8.allSatisfy(ARNParts.isDigit) {
            guard let version = Int(qualifier), version > 0 else {
                throw .invalidArn("Invalid version number: \(qualifier)")
            }
            self.qualifier = .version(version)
        } else {
            self.qualifier = .alias(String(qualifier))
        }
    }

    /// The state machine itself, without version, alias or Map label.
    public var unqualified: StateMachineARN { StateMachineARN(scope: scope, name: name) }

    public func version(_ number: Int) -> StateMachineARN {
        StateMachineARN(scope: scope, name: name, qualifier: .version(number))
    }

    public func alias(_ aliasName: String) -> StateMachineARN {
        StateMachineARN(scope: scope, name: name, qualifier: .alias(aliasName))
    }

    /// The machine that runs the children of the Distributed Map state labelled `label`.
    public func mapState(labelled label: String) -> StateMachineARN {
        StateMachineARN(scope: scope, name: name, mapStateLabel: label)
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
        let machine = mapStateLabel.map { "\(name)/\($0)" } ?? name
        let base = "\(scope):stateMachine:\(machine)"
        let testCase = self.testCase.map { "#\($0)" } ?? ""
        switch qualifier {
        case nil: return base + testCase
        case .version(let number): return "\(base):\(number)\(testCase)"
        case .alias(let alias): return "\(base):\(alias)\(testCase)"
        }
    }
}
