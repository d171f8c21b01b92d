import ASLModel
import Diagnostics
import JSONValue

/// A state may switch from JSONPath to JSONata, never back: under a JSONata machine
/// (or inside a JSONata Parallel or Map), a state cannot declare `"QueryLanguage": "JSONPath"`.
struct QueryLanguageRule: ValidationRule {
    static let id = DiagnosticID("validation", "jsonpath-under-jsonata")

    func check(_ context: inout ValidationContext) {
        for state in context.index.states where state.value["QueryLanguage"] == .string("JSONPath") {
            guard context.index.scopes[state.scope].language == .jsonata else { continue }
            context.report(
                Self.id, code: AWSCode.schema,
                "state \"\(state.name)\" cannot use JSONPath: its state machine uses JSONata, and a state can only switch from JSONPath to JSONata",
                at: state.pointer.appending("QueryLanguage"), awsPointer: state.pointer)
        }
    }
}
