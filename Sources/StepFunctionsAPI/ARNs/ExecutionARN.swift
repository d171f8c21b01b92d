/// The ARN of an execution.
///
/// - Standard: `arn:aws:states:us-east-1:123456789012:execution:Orders:run-1`
/// - Express: `arn:aws:states:us-east-1:123456789012:express:Orders:run-1:<id>`, where AWS adds
///   an id because Express execution names need not be unique.
/// - A child execution of a Distributed Map run: the machine part carries the Map Run's label,
///   `…:execution:Orders/ProcessItems:<child name>`.
public struct ExecutionARN: StepFunctionsResourceName {
    public var scope: ARNScope
    public var stateMachineName: String
    /// The Map Run label for a child execution of a Distributed Map; nil for top-level ones.
    public var mapRunLabel: String?
    public var name: String
    /// Express executions only.
    public var expressId: String?

    public init(
        scope: ARNScope, stateMachineName: String, mapRunLabel: String? = nil, name: String,
        expressId: String? = nil
    ) {
        self.scope = scope
        self.stateMachineName = stateMachineName
        self.mapRunLabel = mapRunLabel
        self.name = name
        self.expressId = expressId
    }

    public init(parsing text: String) throws(StepFunctionsError) {
        let parts = try ARNParts(parsing: text, allowedTypes: ["execution", "express"])
        let express = parts.resourceType == "express"
        guard parts.fields.count == (express ? 3 : 2) else { throw ARNParts.invalid(text) }
        let machine = ARNParts.splitAtSlash(parts.fields[0])
        guard machine.allSatisfy({ !$0.isEmpty }) else { throw ARNParts.invalid(text) }
        self.init(
            scope: parts.scope, stateMachineName: String(machine[0]),
            mapRunLabel: machine.count == 2 ? String(machine[1]) : nil,
            name: String(parts.fields[1]),
            expressId: express ? String(parts.fields[2]) : nil)
    }

    public var isExpress: Bool { expressId != nil }

    /// The state machine this execution ran, without version or alias; for a Map Run child, the
    /// labelled machine (`…:stateMachine:Orders/ProcessItems`) AWS reports for it.
    public var stateMachine: StateMachineARN {
        StateMachineARN(scope: scope, name: stateMachineName, mapStateLabel: mapRunLabel)
    }

    public var description: String {
        let machine = mapRunLabel.map { "\(stateMachineName)/\($0)" } ?? stateMachineName
        if let expressId {
            return "\(scope):express:\(machine):\(name):\(expressId)"
        }
        return "\(scope):execution:\(machine):\(name)"
    }
}
