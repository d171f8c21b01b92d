/// A decoded Amazon States Language state machine, or a sub-machine (a Parallel
/// branch, a Map item processor), which has the same shape minus the top-level fields.
///
/// States keep their order of declaration (`stateNames`), so anything that lists them
/// (graphs, diagnostics, rendering) is stable.
public struct StateMachine: Sendable, Hashable {
    public var comment: String?
    public var startAt: String
    /// State names in declaration order.
    public var stateNames: [String]
    public var states: [String: State]
    /// Top level only: the execution timeout.
    public var timeoutSeconds: Int?
    /// Top level only: the ASL version (`"1.0"`).
    public var version: String?
    /// The language in effect for states that do not name their own.
    public var queryLanguage: QueryLanguage

    public init(
        comment: String? = nil, startAt: String, states: [(String, State)], timeoutSeconds: Int? = nil,
        version: String? = nil, queryLanguage: QueryLanguage = .jsonPath
    ) {
        self.comment = comment
        self.startAt = startAt
        self.stateNames = states.map(\.0)
        self.states = Dictionary(states, uniquingKeysWith: { first, _ in first })
        self.timeoutSeconds = timeoutSeconds
        self.version = version
        self.queryLanguage = queryLanguage
    }

    /// The states in declaration order.
    public var orderedStates: [State] { stateNames.compactMap { states[$0] } }
}
