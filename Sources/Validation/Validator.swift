import ASLModel
import Diagnostics
public import JSONValue

/// Static validation of a rendered ASL definition: every rule of the Amazon States
/// Language and what AWS's ValidateStateMachineDefinition rejects, with AWS's codes.
///
/// Synchronous and allocation-light: the benchmark validates thousands of definitions
/// per second. A definition that passes comes back as a `ValidatedWorkflow`.
public struct Validator: Sendable {
    /// Shared by copies of this validator, so a repository check parses each expression once.
    private let cache = ExpressionCache()

    public init() {}

    /// Every rule, in the order they run (the output is sorted afterwards).
    static let rules: [any ValidationRule.Type] = [
        RootShapeRule.self,
        AllowedFieldsRule.self,
        FieldTypeRule.self,
        RequiredFieldRule.self,
        StateTypeRule.self,
        ArrayElementRule.self,
        EmptyCollectionRule.self,
        StartAtUnknownStateRule.self,
        TransitionRule.self,
        NextUnknownStateRule.self,
        DuplicateStateNameRule.self,
        StateNameLengthRule.self,
        UnreachableStateRule.self,
        MissingEndStateRule.self,
        NestingDepthRule.self,
        QueryLanguageRule.self,
        MutuallyExclusiveFieldsRule.self,
        ValueRangeRule.self,
        EnumValueRule.self,
        HeartbeatTimeoutRule.self,
        ResourceARNRule.self,
        CredentialsRule.self,
        ExpressIntegrationRule.self,
        WaitDurationRule.self,
        ChoiceRuleStructureRule.self,
        ChoiceOperandRule.self,
        ErrorEqualsRule.self,
        DistributedMapFieldsRule.self,
        MapLabelRule.self,
        PathSyntaxRule.self,
        PayloadTemplateRule.self,
        NoPathRule.self,
        PassResultIsStaticRule.self,
    ]

    public func validate(_ document: SourceDocument, options: ValidationOptions = ValidationOptions()) -> ValidationResult {
        let (machine, decodeDiagnostics) = StateMachineDecoder.decode(document)
        var context = ValidationContext(document: document, options: options, machine: machine, cache: cache)
        for rule in Validator.rules {
            rule.init().check(&context)
        }
        var diagnostics = context.diagnostics
        if !options.includeWarnings { diagnostics.removeAll { $0.severity != .error } }
        // The decoder's findings are a safety net: the rules above report the same
        // problems with AWS's codes, so its diagnostics matter only when no rule fired.
        if !diagnostics.hasErrors, decodeDiagnostics.hasErrors { diagnostics += decodeDiagnostics }
        diagnostics = Array(Set(diagnostics)).sorted()
        var workflow: ValidatedWorkflow?
        if !diagnostics.hasErrors, let machine {
            workflow = ValidatedWorkflow(
                stateMachine: machine, document: document, type: options.type, expressions: context.compiled)
        }
        return ValidationResult(diagnostics: diagnostics, workflow: workflow)
    }
}
