import ASLModel
import Diagnostics
import JSONValue

/// A Task's `Credentials` names the role to assume and nothing else: `RoleArn`
/// (or, in JSONPath mode, `RoleArn.$` reading it from the input).
struct CredentialsRule: ValidationRule {
    static let id = DiagnosticID("validation", "invalid-credentials")

    func check(_ context: inout ValidationContext) {
        for state in context.index.states where state.type == "Task" {
            guard case .object(let credentials)? = state.value["Credentials"] else { continue }
            let pointer = state.pointer.appending("Credentials")
            let allowed = state.language == .jsonPath ? ["RoleArn", "RoleArn.$"] : ["RoleArn"]
            for key in credentials.keys where !allowed.contains(key) {
                context.report(
                    Self.id, code: AWSCode.schema,
                    "\"\(key)\" is not a field of \"Credentials\"; it takes only \(allowed.map { "\"\($0)\"" }.joined(separator: " or "))"
                        + Suggestion.didYouMean(key, in: allowed),
                    at: pointer.appending(key), atKey: true)
            }
            let roles = allowed.filter { credentials[$0] != nil }
            if roles.isEmpty {
                context.report(
                    Self.id, code: AWSCode.schema, "\"Credentials\" must name the role to assume in \"RoleArn\"",
                    at: pointer, atKey: true)
            } else if roles.count > 1 {
                context.report(
                    Self.id, code: AWSCode.schema, "\"RoleArn\" and \"RoleArn.$\" cannot both be set; keep one",
                    at: pointer.appending("RoleArn.$"), atKey: true)
            }
            for role in roles where credentials[role]?.stringValue == nil {
                context.report(
                    Self.id, code: AWSCode.schema, "\"\(role)\" must be a string", at: pointer.appending(role))
            }
        }
    }
}
