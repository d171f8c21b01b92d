// ValidateStateMachineDefinition.

/// ValidateStateMachineDefinition: checks a definition without creating anything.
/// `severity` is the minimum reported (ERROR by default); `maxResults` caps the diagnostics (default 100).
public struct ValidateStateMachineDefinitionInput: Codable, Hashable, Sendable {
    public var definition: String
    public var type: StateMachineType?
    public var severity: ValidateStateMachineDefinitionSeverity?
    public var maxResults: Int?

    public init(
        definition: String,
        type: StateMachineType? = nil,
        severity: ValidateStateMachineDefinitionSeverity? = nil,
        maxResults: Int? = nil
    ) {
        self.definition = definition
        self.type = type
        self.severity = severity
        self.maxResults = maxResults
    }
}

/// The verdict and the diagnostics; `truncated` when `maxResults` cut the list.
public struct ValidateStateMachineDefinitionOutput: Codable, Hashable, Sendable {
    public var result: ValidateStateMachineDefinitionResultCode
    public var diagnostics: [ValidateStateMachineDefinitionDiagnostic]
    public var truncated: Bool?

    public init(
        result: ValidateStateMachineDefinitionResultCode,
        diagnostics: [ValidateStateMachineDefinitionDiagnostic],
        truncated: Bool? = nil
    ) {
        self.result = result
        self.diagnostics = diagnostics
        self.truncated = truncated
    }
}

/// One problem: AWS's `code` (`SCHEMA_VALIDATION_FAILED`, `MISSING_TRANSITION_TARGET` …) and
/// `location`, a path like `/States/Load/Next`.
public struct ValidateStateMachineDefinitionDiagnostic: Codable, Hashable, Sendable {
    public var severity: ValidateStateMachineDefinitionSeverity
    public var code: String
    public var message: String
    public var location: String?

    public init(
        severity: ValidateStateMachineDefinitionSeverity,
        code: String,
        message: String,
        location: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }
}
