/// A state machine's type, as the `type` field of CreateStateMachine names it.
///
/// Express workflows refuse some integration patterns (`.sync`, `.waitForTaskToken`)
/// and run in memory in the local engine; Standard ones are durable.
public enum StateMachineType: String, Sendable, Hashable, CaseIterable, Codable {
    case standard = "STANDARD"
    case express = "EXPRESS"
}
