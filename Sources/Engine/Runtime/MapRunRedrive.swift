import ASLModel
import JSONValue

/// A redrive of a parent whose distributed Map did not succeed redrives its Map Run, as
/// AWS does: the same Map Run ARN, a MapRunRedriven event (with the run's redrive count,
/// this redrive included) after MapStateStarted, DescribeMapRun's `redriveCount` and
/// `redriveDate`, and only the unsuccessful children run again: failed, timed out and
/// aborted ones are PENDING_REDRIVE until they start, items never started start. A
/// Standard child is redriven under its own ARN (its history continues with
/// ExecutionRedriven and its redrive count grows); an Express child is started anew.
///
/// The top-level redrive (`ExecutionRun+Redrive`) re-enters the Map state; this file only
/// recognises, from the history, that the visit follows a redrive of an earlier visit whose
/// Map Run did not succeed. A Map state entered again for another reason (a Catch that
/// loops back to it) starts a new Map Run.
extension ExecutionRun {
    /// The Map Run to redrive on this visit of the state: the last one an earlier visit of
    /// the same state started (or redrove), when it ended without success and the execution
    /// was redriven after it. Nil: a new Map Run starts.
    func redrivenMapRun(_ visit: StateVisit) -> MapRunNames? {
        let entered = visit.enteredEventId
        guard entered > 1, entered <= history.count else { return nil }
        let before = history[..<(entered - 1)]
        guard let redriven = before.lastIndex(where: { $0.type == .executionRedriven }),
            let runEvent = history[..<redriven].lastIndex(where: { $0.type == .mapRunStarted || $0.type == .mapRunRedriven }),
            enteredName(before: runEvent) == visit.state.name,
            !history[runEvent..<redriven].contains(where: { $0.type == .mapRunSucceeded })
        else { return nil }
        let mapRunArn: String
        switch history[runEvent].details {
        case .mapRunStarted(let details): mapRunArn = details.mapRunArn
        case .mapRunRedriven(let details): mapRunArn = details.mapRunArn
        default: return nil
        }
        // A Map Run nobody kept (an engine without a store, restarted) cannot be redriven.
        guard mapRuns.mapRun(mapRunArn) != nil || storedMapRun(mapRunArn) != nil else { return nil }
        return MapRunNames(resuming: mapRunArn, parent: identity)
    }

    /// The name of the state whose entered event the event at `index` follows (through
    /// MapStateStarted).
    private func enteredName(before index: Int) -> String? {
        var id = history[index].previousEventId
        for _ in 0..<3 {
            guard id > 0, id <= history.count else { return nil }
            let event = history[id - 1]
            if event.type == .mapStateEntered, case .stateEntered(let details) = event.details { return details.name }
            id = event.previousEventId
        }
        return nil
    }

    /// Redrives the Map Run: RUNNING again with one more redrive, its unsuccessful children
    /// PENDING_REDRIVE, MapRunRedriven recorded (and, with a store, kept before any child
    /// starts); its children, by position, for `runChildren`.
    func redriveMapRun(_ fresh: MapRun, flow: inout Flow) -> [MapRunChild] {
        var run = mapRuns.mapRun(fresh.mapRunArn) ?? storedMapRun(fresh.mapRunArn) ?? fresh
        run.redriveCount += 1
        run.redriveDate = clock.now()
        run.status = .running
        run.stopDate = nil
        run.itemCount = fresh.itemCount
        run.executionTotal = fresh.executionTotal
        var pending: [Int] = []
        for index in run.children.indices {
            switch run.children[index].description.status {
            case .failed, .timedOut, .aborted:
                run.children[index].description.status = .pendingRedrive
                pending.append(index)
            case .running, .pendingRedrive, .succeeded:
                break
            }
        }
        record(
            .mapRunRedriven,
            .mapRunRedriven(MapRunRedrivenEventDetails(mapRunArn: run.mapRunArn, redriveCount: run.redriveCount)),
            flow: &flow)
        if store != nil { persist(nil) }
        mapRuns.restore([run])
        saveMapRun(run.mapRunArn)
        for index in pending { saveChild(at: index, of: run.mapRunArn) }
        return run.children
    }

    /// Redrives one unsuccessful Standard child under its ARN, from what the store (or,
    /// without one, the registry) kept of it; nil when nothing was kept (it starts anew).
    func redriveChild(_ child: MapRunChild, processor: CompiledMachine) -> (handle: ExecutionHandle, redriveTime: Timestamp)? {
        let source: PersistedExecution?
        if let store {
            source = (try? store.persistedExecution(child.description.executionArn)) ?? nil
        } else {
            source = child.redriveSource
        }
        guard let source else { return nil }
        var engine = ExecutionEngine(
            clock: clock, invoker: invoker, region: identity.region, roleArn: identity.roleArn, store: store)
        engine.callbacks = callbacks
        engine.mapRuns = mapRuns
        engine.maximumHistoryEvents = maximumHistoryEvents
        engine.testCase = identity.testCase
        return try? engine.redrive(CompiledWorkflow(machine: processor, type: .standard), source)
    }
}
