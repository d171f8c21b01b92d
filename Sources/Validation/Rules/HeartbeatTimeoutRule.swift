import Diagnostics
import JSONValue

/// A Task's `HeartbeatSeconds` is smaller than its `TimeoutSeconds`, when both are
/// written as numbers: a heartbeat that can never arrive before the timeout is a mistake.
struct HeartbeatTimeoutRule: ValidationRule {
    static let id = DiagnosticID("validation", "heartbeat-not-below-timeout")

    func check(_ context: inout ValidationContext) {
        for state in context.index.states where state.type == "Task" {
            guard case .number(let heartbeat)? = state.value["HeartbeatSeconds"],
                case .number(let timeout)? = state.value["TimeoutSeconds"],
                heartbeat.doubleValue >= timeout.doubleValue
            else { continue }
            context.report(
                Self.id, code: AWSCode.schema,
                "\"HeartbeatSeconds\" (\(heartbeat.literal)) must be smaller than \"TimeoutSeconds\" (\(timeout.literal))",
                at: state.pointer.appending("HeartbeatSeconds"))
        }
    }
}
