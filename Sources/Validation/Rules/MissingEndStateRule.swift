import Diagnostics
import JSONValue

/// Every scope has a terminal state (Succeed, Fail, or `"End": true`), reachable or
/// not; AWS reports MISSING_END_STATE otherwise, without a location, and then does not
/// report unreachable states of that scope (measured against AWS: a loop `A → B → A`
/// plus an unreachable terminal `C` gives only "C is not reachable"). A reachable state from which no terminal state can
/// be reached at all (a closed loop) is only warned about: AWS does not reject it
/// when the scope has a terminal state elsewhere, and a loop may end by failing.
struct MissingEndStateRule: ValidationRule {
    static let id = DiagnosticID("validation", "missing-end-state")
    static let noPathToEnd = DiagnosticID("validation", "no-path-to-end")

    func check(_ context: inout ValidationContext) {
        for scope in context.index.scopes where !scope.states.isEmpty {
            let graph = StateGraph(scope: scope)
            guard graph.isTerminal.contains(true) else {
                context.report(
                    Self.id, code: AWSCode.missingEnd,
                    "no state here ends the workflow: add a Succeed or Fail state, or \"End\": true",
                    at: scope.pointer.appending("States"), atKey: true, hasAWSLocation: false)
                continue
            }
            let reachable = graph.reachable()
            let canFinish = graph.canFinish()
            for (i, state) in scope.states.enumerated() where reachable[i] && !canFinish[i] {
                context.report(
                    Self.noPathToEnd, code: nil, severity: .warning,
                    "no path from state \"\(state.name)\" reaches a terminal state; executions that get here loop until they fail or time out",
                    at: state.pointer, atKey: true)
            }
        }
    }
}
