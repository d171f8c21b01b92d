public import ASLModel
public import Diagnostics
public import JSONValue

/// The outcome of validating one definition: every diagnostic, sorted, and the
/// validated workflow when there is no error.
public struct ValidationResult: Sendable {
    /// Errors and warnings, sorted by position.
    public var diagnostics: [Diagnostic]
    /// Present exactly when `diagnostics` holds no error.
    public var workflow: ValidatedWorkflow?

    public var isValid: Bool { workflow != nil }
}

/// A definition that passed validation: the only input the engine and the planner
/// accept, so no stage can run or deploy an unchecked definition by accident.
public struct ValidatedWorkflow: Sendable {
    public let stateMachine: StateMachine
    public let document: SourceDocument
    public let type: StateMachineType
    /// Every JSONPath-mode path and payload expression, parsed.
    public let expressions: CompiledExpressions

    /// Only `Validator` creates these.
    init(stateMachine: StateMachine, document: SourceDocument, type: StateMachineType, expressions: CompiledExpressions) {
        self.stateMachine = stateMachine
        self.document = document
        self.type = type
        self.expressions = expressions
    }
}
