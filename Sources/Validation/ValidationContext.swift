import ASLModel
import Diagnostics
import JSONValue

/// What a rule sees: the raw definition (indexed), the decoded model when decoding
/// succeeded, the options, and a way to report a problem at a JSON pointer.
struct ValidationContext {
    let document: SourceDocument
    let options: ValidationOptions
    let index: DefinitionIndex
    /// The decoded model; nil when the definition is too malformed to decode.
    let machine: StateMachine?
    private(set) var diagnostics: [Diagnostic] = []
    /// Expressions that parsed, for the `ValidatedWorkflow`.
    var compiled = CompiledExpressions()

    /// Parses shared with every other validation by the same `Validator`.
    let cache: ExpressionCache

    init(document: SourceDocument, options: ValidationOptions, machine: StateMachine?, cache: ExpressionCache = ExpressionCache()) {
        self.cache = cache
        self.document = document
        self.options = options
        self.index = DefinitionIndex(root: document.value)
        self.machine = machine
    }

    /// Reports a problem. `atKey` points at the key naming the node (for a whole state
    /// or a missing field); otherwise at the value. `columnOffset` moves into a string.
    /// `hasAWSLocation: false` leaves `path` empty, for the few problems AWS reports
    /// without a location (MISSING_END_STATE); `awsPointer` gives the location AWS
    /// reports when it differs from the node the source position is taken from.
    mutating func report(
        _ id: DiagnosticID, code: String?, severity: Severity = .error, _ message: String,
        at pointer: JSONPointer, atKey: Bool = false, columnOffset: Int? = nil, notes: [Diagnostic.Note] = [],
        hasAWSLocation: Bool = true, awsPointer: JSONPointer? = nil
    ) {
        var diagnostic = document.diagnostic(
            id, code: code, severity: severity, message: message, at: pointer, atKey: atKey,
            columnOffset: columnOffset, notes: notes)
        if !hasAWSLocation { diagnostic.path = nil }
        if let awsPointer { diagnostic.path = awsPointer.validationLocation }
        diagnostics.append(diagnostic)
    }
}

/// AWS's ValidateStateMachineDefinition codes, spelled once.
enum AWSCode {
    static let schema = "SCHEMA_VALIDATION_FAILED"
    static let missingTarget = "MISSING_TRANSITION_TARGET"
    static let missingEnd = "MISSING_END_STATE"
    static let duplicateName = "DUPLICATE_STATE_NAME"
    static let invalidName = "INVALID_STATE_NAME"
    static let invalidResource = "INVALID_RESOURCE"
    static let tooDeep = "TOO_DEEPLY_NESTED"
    static let noDollar = "NO_DOLLAR"
    static let noPath = "NO_PATH"
    static let passResultIsStatic = "PASS_RESULT_IS_STATIC"
}
