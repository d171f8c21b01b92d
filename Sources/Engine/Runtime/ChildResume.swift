import JSONValue

/// Where an unfinished iteration or branch stood when the engine stopped, so that a
/// restarted engine continues it in that state instead of from its first one: a Wait keeps
/// its deadline (its entered time), a Task in flight is invoked again (at least once, as at
/// the top level), a retrying state keeps the attempts it had left (`ChildRetry`), and a Map
/// or Parallel inside it resumes its own children the same way, down any depth.
///
/// It is read from the history alone: every transition's events are already durable before
/// the next begins, and names are unique across the whole machine, so a child's own states
/// are told from those of flows nested in it by name, and from its siblings' by the
/// `previousEventId` chains `ResumedChildren` follows. No write is added per transition.
enum ChildResume: Sendable {
    /// The child had exited a state that ends it (its iteration end was not yet recorded).
    case finished(JSON)
    /// The child was inside a state: it continues that visit, with no second entered event.
    case at(ResumedVisit)
}

/// A child's visit to continue.
struct ResumedVisit: Sendable {
    var stateIndex: Int
    var input: JSON
    var enteredEventId: Int
    var enteredTime: Timestamp
    /// What the child assigned before (laid over the variables it started with).
    var assigned: [String: JSON]
}

/// A child's own state events seen so far while `ResumedChildren` sorts a history.
struct ChildTrail: Sendable {
    var entered: HistoryEvent?
    var assigned: [String: JSON] = [:]
    /// The child's last own event, when it is an exited one.
    var exited: StateExitedEventDetails?

    mutating func note(_ event: HistoryEvent, ownStates: Set<String>) {
        switch event.details {
        case .stateEntered(let details) where ownStates.contains(details.name):
            entered = event
            exited = nil
        case .stateExited(let details) where ownStates.contains(details.name):
            if let values = details.assignedVariables { assigned.merge(values) { $1 } }
            exited = details
        default:
            break
        }
    }

    /// Where the child runs on in `machine`; nil to run it from its first state.
    ///
    /// A state's exited event and the next state's entered event are written together, so
    /// a child whose last own event is an exit has ended (when that state ends it); one
    /// that exited anything else continues the visit of the state it last entered.
    func resumePoint(in machine: CompiledMachine) -> ChildResume? {
        if let exited, let state = machine.states.first(where: { $0.name == exited.name }), state.endsFlow {
            return .finished(exited.output)
        }
        guard let entered, case .stateEntered(let details) = entered.details,
            let index = machine.states.firstIndex(where: { $0.name == details.name })
        else { return nil }
        return .at(ResumedVisit(
            stateIndex: index, input: details.input, enteredEventId: entered.id, enteredTime: entered.timestamp,
            assigned: assigned))
    }
}

extension CompiledState {
    /// Whether leaving this state by its exited event ends its flow.
    var endsFlow: Bool {
        switch kind {
        case .choice, .fail: false
        default: next == nil
        }
    }
}

extension ResumedChildren {
    /// Where each child that began and did not end stands (index → point).
    func resumePoints(_ machine: (Int) -> CompiledMachine?) -> [Int: ChildResume] {
        var points: [Int: ChildResume] = [:]
        for (index, trail) in trails where ended[index] == nil {
            if let machine = machine(index), let point = trail.resumePoint(in: machine) { points[index] = point }
        }
        return points
    }

    /// The started event of the attempt a Map or Parallel inside a child was in, for the
    /// visit entered at `enteredEventId`: the one linked to `link` (the entered event, or —
    /// when the state had retried — the last event before its retry). Linking, not
    /// position, tells it from the same state in sibling iterations.
    static func nestedAttempt(
        in history: [HistoryEvent], enteredEventId: Int, link: Int, started: HistoryEventType
    ) -> (startedEventId: Int, events: ArraySlice<HistoryEvent>)? {
        guard enteredEventId > 0, link >= enteredEventId, link < history.count else { return nil }
        guard let start = history[link...].firstIndex(where: { $0.type == started && $0.previousEventId == link })
        else { return nil }
        return (history[start].id, history[(start + 1)...])
    }
}

extension ExecutionRun {
    /// The backoff a resumed child state was in, if the cursor kept one.
    func childRetry(of enteredEventId: Int) -> ChildRetry? {
        rootCursor?.childRetries?.first { $0.enteredEventId == enteredEventId }
    }

    /// Makes a child's retry durable with the failed attempt's events, in the same write.
    func saveChildRetry(_ retry: ChildRetry) {
        guard var cursor = rootCursor else {
            persist(nil)
            return
        }
        var retries = cursor.childRetries ?? []
        retries.removeAll { $0.enteredEventId == retry.enteredEventId }
        retries.append(retry)
        cursor.childRetries = retries
        rootCursor = cursor
        persist(cursor)
    }

    /// Drops a child state's retry once its visit ended; the next cursor written goes
    /// without it (a stale one in the store matches no visit that resumes).
    func forgetChildRetry(_ enteredEventId: Int) {
        guard var retries = rootCursor?.childRetries, retries.contains(where: { $0.enteredEventId == enteredEventId })
        else { return }
        retries.removeAll { $0.enteredEventId == enteredEventId }
        rootCursor?.childRetries = retries.isEmpty ? nil : retries
    }

    /// The interrupted attempt of a Map or Parallel a resumed child was in.
    func resumedNestedAttempt(_ visit: StateVisit, started: HistoryEventType)
        -> (startedEventId: Int, events: ArraySlice<HistoryEvent>)?
    {
        let link = childRetry(of: visit.enteredEventId)?.lastEventId ?? visit.enteredEventId
        return ResumedChildren.nestedAttempt(
            in: history, enteredEventId: visit.enteredEventId, link: link, started: started)
    }
}
