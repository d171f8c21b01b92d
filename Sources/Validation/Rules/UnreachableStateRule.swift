import Diagnostics
import JSONValue

/// Every state can be reached from its scope's `StartAt` through `Next`, `Default`,
/// choice rules and catchers. AWS reports this as MISSING_TRANSITION_TARGET
/// ("State … is not reachable"). A scope with no terminal state at all gets
/// MISSING_END_STATE instead, as AWS reports it.
struct UnreachableStateRule: ValidationRule {
    static let id = DiagnosticID("validation", "unreachable-state")

    func check(_ context: inout ValidationContext) {
        for scope in context.index.scopes where !scope.states.isEmpty {
            let graph = StateGraph(scope: scope)
            guard graph.isTerminal.contains(true) else { continue }
            let reachable = graph.reachable()
            for (i, state) in scope.states.enumerated() where !reachable[i] {
                context.report(
                    Self.id, code: AWSCode.missingTarget,
                    "state \"\(state.name)\" is not reachable: no \"StartAt\", \"Next\", \"Default\" or catcher names it",
                    at: state.pointer, atKey: true)
            }
        }
    }
}
