import ASLModel
import Diagnostics
import JSONValue

/// Express workflows (and the EXPRESS child executions of a distributed Map) cannot
/// wait: they refuse the `.sync` and `.waitForTaskToken` integration patterns and
/// activities.
struct ExpressIntegrationRule: ValidationRule {
    static let id = DiagnosticID("validation", "express-unsupported-integration")

    func check(_ context: inout ValidationContext) {
        for state in context.index.states where state.type == "Task" {
            guard case .string(let resource)? = state.value["Resource"], isExpress(state, context) else { continue }
            let what: String? = switch IntegrationPattern(resource: resource) {
            case .sync: "the \".sync\" integration pattern"
            case .waitForTaskToken: "the \".waitForTaskToken\" integration pattern"
            case .requestResponse: resource.hasPrefix("arn:") && resource.contains(":activity:") ? "activities" : nil
            }
            guard let what else { continue }
            context.report(
                Self.id, code: AWSCode.schema, "Express state machines do not support \(what) (\"\(resource)\")",
                at: state.pointer.appending("Resource"))
        }
    }

    /// Whether the state runs in an Express execution: the machine is Express, or an
    /// enclosing distributed Map runs its items as EXPRESS child executions.
    private func isExpress(_ state: DefinitionIndex.State, _ context: ValidationContext) -> Bool {
        if context.options.type == .express { return true }
        var scope = context.index.scopes[state.scope]
        while let owner = context.index.enclosingState(of: scope) {
            if owner.type == "Map", let processor = owner.value["ItemProcessor"]?["ProcessorConfig"],
                processor["Mode"] == .string("DISTRIBUTED")
            {
                return processor["ExecutionType"] == .string("EXPRESS")
            }
            scope = context.index.scopes[owner.scope]
        }
        return false
    }
}
