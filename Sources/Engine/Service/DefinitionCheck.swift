import ASLModel
import Diagnostics
import JSONValue
import StepFunctionsAPI
import Validation

/// How the local service reads a definition string: JSON text, validated by `Validator`
/// with the machine's type. Shared by Create/UpdateStateMachine (which reject it as
/// `InvalidDefinition`) and ValidateStateMachineDefinition (which lists the diagnostics).
enum DefinitionCheck {
    static let file = "definition.asl.json"

    static func validate(_ definition: String, type: StepFunctionsAPI.StateMachineType)
        -> (diagnostics: [Diagnostic], workflow: ValidatedWorkflow?)
    {
        let document: SourceDocument
        do {
            document = try JSONParser.parseDocument(definition, file: file)
        } catch {
            var diagnostic = error.diagnostic
            diagnostic.code = "INVALID_JSON_DESCRIPTION"
            return ([diagnostic], nil)
        }
        let options = ValidationOptions(type: type == .express ? .express : .standard, includeWarnings: true)
        let result = Validator().validate(document, options: options)
        return (result.diagnostics, result.workflow)
    }

    /// AWS's InvalidDefinition detail: every error as `CODE: message at /path`, joined by ", ".
    static func summary(of diagnostics: [Diagnostic]) -> String {
        diagnostics.filter(\.isError).map { diagnostic in
            let code = diagnostic.code ?? "SCHEMA_VALIDATION_FAILED"
            guard let path = diagnostic.path else { return "\(code): \(diagnostic.message)" }
            return "\(code): \(diagnostic.message) at \(path)"
        }.joined(separator: ", ")
    }

    /// The ValidateStateMachineDefinition form of a diagnostic.
    static func apiDiagnostic(_ diagnostic: Diagnostic) -> ValidateStateMachineDefinitionDiagnostic {
        ValidateStateMachineDefinitionDiagnostic(
            severity: diagnostic.isError ? .error : .warning, code: diagnostic.code ?? "SCHEMA_VALIDATION_FAILED",
            message: diagnostic.message, location: diagnostic.path)
    }
}
