import ASLModel
import Diagnostics
import JSONValue
import Testing
import TestSupport
import Validation

/// Validates a marked JSON (or YAML) definition and returns the result, failing the
/// test when the source does not parse.
func validate(_ source: MarkedText, type: StateMachineType = .standard) -> ValidationResult? {
    do {
        let document = try JSONParser.parseDocument(source.text, file: source.file)
        return Validator().validate(document, options: ValidationOptions(type: type))
    } catch {
        Issue.record("test source does not parse: \(error)")
        return nil
    }
}

/// Asserts that validating `marked` yields a diagnostic with this id, AWS code and
/// severity at marker 1️⃣ (and, when given, this AWS location path).
func expectDiagnostic(
    _ marked: String, id: String, code: String?, severity: Severity = .error, path: String? = nil,
    type: StateMachineType = .standard, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let source = MarkedText(marked, file: "test.json")
    guard let result = validate(source, type: type) else { return }
    let matching = result.diagnostics.filter { $0.id.description == id }
    guard let diagnostic = matching.first else {
        Issue.record(
            "no \(id) diagnostic; got \(result.diagnostics.map { "\($0.id) @\($0.location.map(String.init(describing:)) ?? "-"): \($0.message)" })",
            sourceLocation: sourceLocation)
        return
    }
    #expect(diagnostic.code == code, sourceLocation: sourceLocation)
    #expect(diagnostic.severity == severity, sourceLocation: sourceLocation)
    #expect(diagnostic.location == source["1️⃣"], "\(diagnostic.message)", sourceLocation: sourceLocation)
    if let path { #expect(diagnostic.path == path, sourceLocation: sourceLocation) }
    if severity == .error { #expect(result.workflow == nil, sourceLocation: sourceLocation) }
}

/// Asserts that `text` validates with no error (warnings allowed unless `noWarnings`).
func expectValid(
    _ text: String, type: StateMachineType = .standard, noWarnings: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let result = validate(MarkedText(text, file: "test.json"), type: type) else { return }
    let unexpected = result.diagnostics.filter { $0.severity == .error || (noWarnings && $0.severity == .warning) }
    #expect(unexpected.isEmpty, "\(unexpected.map { "\($0.label) \($0.path ?? ""): \($0.message)" })", sourceLocation: sourceLocation)
    if !result.diagnostics.hasErrors { #expect(result.workflow != nil, sourceLocation: sourceLocation) }
}
