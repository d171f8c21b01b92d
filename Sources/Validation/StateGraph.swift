import JSONValue

/// The transitions of one scope as a graph over state indexes, for reachability.
struct StateGraph {
    /// Successors of each state of the scope (indexes into `scope.states`).
    let successors: [[Int]]
    /// Whether each state ends its scope (Succeed, Fail, or `"End": true`).
    let isTerminal: [Bool]
    let start: Int?
    /// Whether each state names a target that does not exist (reported elsewhere); such
    /// a state counts as able to finish, so one typo does not also raise loop warnings.
    let hasUnknownTarget: [Bool]

    init(scope: DefinitionIndex.Scope) {
        var position: [String: Int] = [:]
        for (i, state) in scope.states.enumerated() where position[state.name] == nil { position[state.name] = i }
        let names = scope.states.map { StateGraph.targetNames(of: $0.value) }
        successors = names.map { $0.compactMap { position[$0] } }
        hasUnknownTarget = names.map { $0.contains { position[$0] == nil } }
        isTerminal = scope.states.map { state in
            state.type == "Succeed" || state.type == "Fail" || state.value["End"] == .bool(true)
        }
        start = scope.value["StartAt"]?.stringValue.flatMap { position[$0] }
    }

    /// States reachable from `StartAt`.
    func reachable() -> [Bool] {
        var seen = [Bool](repeating: false, count: successors.count)
        var stack = start.map { [$0] } ?? []
        while let i = stack.popLast() {
            guard !seen[i] else { continue }
            seen[i] = true
            stack.append(contentsOf: successors[i].filter { !seen[$0] })
        }
        return seen
    }

    /// States from which some terminal state can be reached.
    func canFinish() -> [Bool] {
        var predecessors = [[Int]](repeating: [], count: successors.count)
        for (i, next) in successors.enumerated() { for j in next { predecessors[j].append(i) } }
        var done = zip(isTerminal, hasUnknownTarget).map { $0 || $1 }
        var stack = done.indices.filter { done[$0] }
        while let j = stack.popLast() {
            for i in predecessors[j] where !done[i] {
                done[i] = true
                stack.append(i)
            }
        }
        return done
    }

    /// The names a state may transition to: `Next`, `Default`, each choice rule's and
    /// each catcher's `Next` (read directly: this runs for every state of every definition).
    static func targetNames(of state: JSONObject) -> [String] {
        var names: [String] = []
        if case .string(let next)? = state["Next"] { names.append(next) }
        if case .string(let next)? = state["Default"] { names.append(next) }
        for field in ["Choices", "Catch"] {
            guard case .array(let items)? = state[field] else { continue }
            for item in items { if case .string(let next)? = item["Next"] { names.append(next) } }
        }
        return names
    }
}
