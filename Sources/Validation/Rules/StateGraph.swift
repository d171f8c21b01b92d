import JSONValue

/// The transitions of one scope as a graph over state indexes, for reachability.
struct StateGraph {
    /// Successors of each state of the scope (indexes into `scope.states`).
    let successors: [[Int]]
    /// Whether each state ends its scope (Succeed, Fail, or `"End": true`).
    let isTerminal: [Bool]
    let start: Int?

    init(scope: DefinitionIndex.Scope) {
        var position: [String: Int] = [:]
        for (i, state) in scope.states.enumerated() where position[state.name] == nil { position[state.name] = i }
        successors = scope.states.map { state in
            NextUnknownStateRule.targets(of: state).compactMap { _, pointer in
                pointer.resolve(in: .object(state.value))?.stringValue.flatMap { position[$0] }
            }
        }
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
        var done = isTerminal
        var stack = isTerminal.indices.filter { isTerminal[$0] }
        while let j = stack.popLast() {
            for i in predecessors[j] where !done[i] {
                done[i] = true
                stack.append(i)
            }
        }
        return done
    }
}
