import JSONValue

/// What an interrupted Map or Parallel state had done before an engine restart, read back
/// from the history the store kept: so that the resumed state records no second started
/// event, keeps the results of finished iterations or branches without running them again,
/// and continues each unfinished one from the last event it recorded.
///
/// The top-level flow's Map or Parallel is found from the cursor; one inside a branch or
/// iteration is resumed the same way when its child continues in it (`ChildResume`).
/// A redrive reads the same way the children an ended attempt kept (`keptIterations`,
/// `keptBranches`), from the attempt spans its `RedriveFrontier` lists.
/// Every event of a child flow links back (through `previousEventId`) to the event that
/// opened the child: MapIterationStarted for an iteration, ParallelStateStarted for a
/// branch's first state. That is how events are sorted to children here.
struct ResumedChildren: Sendable {
    /// The MapStateStarted/ParallelStateStarted event of the interrupted attempt.
    var startedEventId: Int
    /// Children that ended: index → output (nil when it failed).
    var ended: [Int: JSON?] = [:]
    /// Children that began: index → the last event they recorded (their flow continues it).
    var lastEvent: [Int: Int] = [:]
    /// The last MapIterationSucceeded event (MapStateSucceeded links to it).
    var lastSucceededEventId: Int?
    /// The failure of a failed iteration, as far as its events tell it.
    var failure: ExecutionFailure?
    /// Children that began: their own states' events, to resume each where it was
    /// (`ChildResume`); collected only when the caller names the children's states.
    var trails: [Int: ChildTrail] = [:]

    /// The interrupted attempt of the state entered at `enteredEventId`, if `history` holds
    /// one that started and did not end: its last started event comes after the entered
    /// event, and no failed event of the state follows it.
    static func find(
        in history: [HistoryEvent], enteredEventId: Int, started: HistoryEventType, failed: HistoryEventType
    ) -> (startedEventId: Int, events: ArraySlice<HistoryEvent>)? {
        guard enteredEventId > 0, enteredEventId < history.count else { return nil }
        let after = history[enteredEventId...]
        guard let start = after.lastIndex(where: { $0.type == started }) else { return nil }
        let events = history[(start + 1)...]
        if events.contains(where: { $0.type == failed }) { return nil }
        return (history[start].id, events)
    }

    /// The iterations of an interrupted Map attempt.
    static func map(_ history: [HistoryEvent], enteredEventId: Int, stateName: String) -> ResumedChildren? {
        guard let (startedId, events) = find(
            in: history, enteredEventId: enteredEventId, started: .mapStateStarted, failed: .mapStateFailed)
        else { return nil }
        return map(events, startedEventId: startedId, stateName: stateName, in: history)
    }

    /// The iterations of the Map attempt started at `startedId`, from the `events` after it.
    static func map(
        _ events: ArraySlice<HistoryEvent>, startedEventId startedId: Int, stateName: String, in history: [HistoryEvent],
        processorStates: Set<String> = []
    ) -> ResumedChildren {
        var resumed = ResumedChildren(startedEventId: startedId)
        var owner: [Int: Int] = [:]
        for event in events {
            if event.type == .mapIterationStarted, case .mapIteration(let details) = event.details, details.name == stateName,
                event.previousEventId == startedId || owner[event.previousEventId] != nil
            {
                owner[event.id] = details.index
                resumed.lastEvent[details.index] = event.id
                continue
            }
            guard var index = owner[event.previousEventId] else { continue }
            // An iteration's end names its index: trusted over the link it follows.
            if case .mapIteration(let details) = event.details, details.name == stateName { index = details.index }
            owner[event.id] = index
            switch event.type {
            case .mapIterationSucceeded:
                resumed.ended[index] = .some(Self.output(of: event.previousEventId, in: history))
                resumed.lastSucceededEventId = event.id
            case .mapIterationFailed:
                resumed.ended[index] = .some(nil)
                if resumed.failure == nil { resumed.failure = Self.failure(before: event.previousEventId, in: history) }
            case .mapIterationAborted:
                // Stopped with its execution: it did not end, and runs again.
                break
            default:
                resumed.lastEvent[index] = event.id
                if !processorStates.isEmpty { resumed.trails[index, default: ChildTrail()].note(event, ownStates: processorStates) }
            }
        }
        return resumed
    }

    /// The branches of the Parallel attempt started at `startedId`, from the `events` after
    /// it. A branch is known by its first event: entering one of its `entryStates` (callers
    /// make sure no name is in two branches' sets).
    static func parallel(
        _ events: ArraySlice<HistoryEvent>, startedEventId startedId: Int, entryStates: [Set<String>],
        terminalStates: [Set<String>], branchStates: [Set<String>] = []
    ) -> ResumedChildren {
        var resumed = ResumedChildren(startedEventId: startedId)
        var owner: [Int: Int] = [:]
        var lastExited: [Int: HistoryEvent] = [:]
        for event in events {
            let index: Int
            if event.previousEventId == startedId, case .stateEntered(let details) = event.details,
                let branch = entryStates.firstIndex(where: { $0.contains(details.name) })
            {
                index = branch
            } else if let known = owner[event.previousEventId] {
                index = known
            } else {
                continue
            }
            owner[event.id] = index
            resumed.lastEvent[index] = event.id
            lastExited[index] = event
            if branchStates.indices.contains(index) {
                resumed.trails[index, default: ChildTrail()].note(event, ownStates: branchStates[index])
            }
        }
        for (index, event) in lastExited {
            if case .stateExited(let details) = event.details, terminalStates[index].contains(details.name) {
                resumed.ended[index] = .some(details.output)
            }
        }
        return resumed
    }

    /// The outputs of the children that succeeded in the attempts `frontier` lists (index →
    /// output): what a redriven Map keeps instead of running it again.
    static func keptIterations(_ history: [HistoryEvent], _ frontier: RedriveFrontier, stateName: String) -> [Int: JSON] {
        var kept: [Int: JSON] = [:]
        for attempt in frontier.attempts {
            guard let events = span(of: attempt, in: history) else { continue }
            let children = map(events, startedEventId: attempt.startedEventId, stateName: stateName, in: history)
            for case (let index, let output?) in children.ended { kept[index] = output }
        }
        return kept
    }

    /// The outputs of the branches that succeeded in the attempts `frontier` lists (branch →
    /// output). A branch is known by any of its top-level state names, since a rerun branch
    /// starts at the state it stopped in; `branchStates` must not share a name.
    static func keptBranches(
        _ history: [HistoryEvent], _ frontier: RedriveFrontier, branchStates: [Set<String>], terminalStates: [Set<String>]
    ) -> [Int: JSON] {
        var kept: [Int: JSON] = [:]
        for attempt in frontier.attempts {
            guard let events = span(of: attempt, in: history) else { continue }
            let children = parallel(
                events, startedEventId: attempt.startedEventId, entryStates: branchStates, terminalStates: terminalStates)
            for case (let index, let output?) in children.ended { kept[index] = output }
        }
        return kept
    }

    /// The events after an attempt's started event, through its last one.
    private static func span(of attempt: RedriveAttempt, in history: [HistoryEvent]) -> ArraySlice<HistoryEvent>? {
        guard attempt.startedEventId > 0, attempt.startedEventId < attempt.endEventId,
            attempt.endEventId <= history.count
        else { return nil }
        return history[attempt.startedEventId..<attempt.endEventId]
    }

    /// The error an iteration failed with, when its last event carries it (a task's failure).
    private static func failure(before id: Int, in history: [HistoryEvent]) -> ExecutionFailure {
        if id >= 1, id <= history.count {
            switch history[id - 1].details {
            case .taskFailed(let details), .taskTimedOut(let details):
                return ExecutionFailure(error: details.error ?? "", cause: details.cause)
            default: break
            }
        }
        return ExecutionFailure(
            error: StatesError.runtime, cause: "A Map iteration failed before the engine restarted (event #\(id)).")
    }

    /// The output of the state-exited event `id` (an iteration's last state).
    private static func output(of id: Int, in history: [HistoryEvent]) -> JSON {
        guard id >= 1, id <= history.count, case .stateExited(let details) = history[id - 1].details else { return .null }
        return details.output
    }
}
