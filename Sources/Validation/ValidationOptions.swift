import ASLModel

/// How to validate: the state machine type decides which integrations are allowed
/// (Express machines refuse `.sync` and `.waitForTaskToken`).
public struct ValidationOptions: Sendable, Hashable {
    public var type: StateMachineType
    /// Whether warnings (NO_DOLLAR, NO_PATH, PASS_RESULT_IS_STATIC …) are reported.
    public var includeWarnings: Bool

    public init(type: StateMachineType = .standard, includeWarnings: Bool = true) {
        self.type = type
        self.includeWarnings = includeWarnings
    }
}
