import Diagnostics
import JSONValue
import Testing
import TestSupport
import YAML

/// Parses marked YAML that must fail, and checks the error's id, message and position
/// (the `1️⃣` marker) together.
func expectYAMLError(
    _ marked: String, _ id: DiagnosticID, messageContains fragment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> YAMLError? {
    let source = MarkedText(marked)
    do {
        let document = try YAMLParser.parseDocument(source.text, file: source.file)
        Issue.record("expected \(id), parsed \(document.value)", sourceLocation: sourceLocation)
        return nil
    } catch {
        #expect(error.id == id, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "message: \(error.message)", sourceLocation: sourceLocation)
        #expect(error.location == source["1️⃣"], "\(error)", sourceLocation: sourceLocation)
        #expect(error.diagnostic.location == error.location, sourceLocation: sourceLocation)
        return error
    }
}

/// The literal of the number at `key`, or nil when it is not a number.
func literal(_ value: JSON, _ key: String) -> String? { value[key]?.numberValue?.literal }
