/// The ARN of a Distributed Map run:
/// `arn:aws:states:us-east-1:123456789012:mapRun:Orders/ProcessItems:<id>`, where
/// `ProcessItems` is the Map state's label (its `Label`, or one AWS derives) and `<id>` is unique
/// per run.
public struct MapRunARN: StepFunctionsResourceName {
    public var scope: ARNScope
    public var stateMachineName: String
    public var label: String
    public var id: String

    public init(scope: ARNScope, stateMachineName: String, label: String, id: String) {
        self.scope = scope
        self.stateMachineName = stateMachineName
        self.label = label
        self.id = id
    }

    public init(parsing text: String) throws(StepFunctionsError) {
        let parts = try ARNParts(parsing: text, allowedTypes: ["mapRun"])
        guard parts.fields.count == 2 else { throw ARNParts.invalid(text) }
        let machine = ARNParts.splitAtSlash(parts.fields[0])
        guard machine.count == 2, machine.allSatisfy({ !$0.isEmpty }) else { throw ARNParts.invalid(text) }
        self.init(
            scope: parts.scope, stateMachineName: String(machine[0]), label: String(machine[1]),
            id: String(parts.fields[1]))
    }

    /// The labelled machine that runs this Map Run's children.
    public var stateMachine: StateMachineARN {
        StateMachineARN(scope: scope, name: stateMachineName, mapStateLabel: label)
    }

    /// The ARN of one child execution of this run.
    public func childExecution(named name: String) -> ExecutionARN {
        ExecutionARN(scope: scope, stateMachineName: stateMachineName, mapRunLabel: label, name: name)
    }

    public var description: String { "\(scope):mapRun:\(stateMachineName)/\(label):\(id)" }
}
