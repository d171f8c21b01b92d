import ASLModel
import JSONValue

/// Map states in `DISTRIBUTED` mode, run locally as AWS runs them: a Map Run whose child
/// executions each run the item processor as a state machine of its own
/// (`…:stateMachine:<machine>/<label>`), with their own ARNs and histories, as many at a
/// time as `MaxConcurrency` (or UpdateMapRun) allows. Items are selected (`ItemSelector`,
/// with `$$.Map.Item`) and then batched (`ItemBatcher`); failures count by items against
/// the tolerated count or percentage, and a run past them fails with
/// States.ExceedToleratedFailureThreshold. The parent's history shows MapRunStarted and
/// MapRunSucceeded/Failed/Aborted between MapStateStarted and the Map state's end; the
/// results come back inline, one per child execution, in item order.
///
/// Items come from the state input (`ItemsPath`). An `ItemReader` is read through the task
/// invoker with its `Resource` and `Parameters` (a mock or handler can supply the items);
/// anything but a JSON array fails the state with States.ItemReaderFailed.
extension ExecutionRun {
    func distributedMapAttempt(
        _ map: CompiledMap, _ config: DistributedMapConfig, _ visit: StateVisit, flow: inout Flow
    ) async -> StateResult {
        let context = visit.state.readsContext ? contextObject(visit) : .null
        let fullContext = contextObject(visit)
        let items: [JSON]
        let inputs: [(input: JSON, itemCount: Int)]
        let settings: (maxConcurrency: Int, count: Int?, percentage: Double?)
        do throws(ExecutionFailure) {
            let effective = try applyInputPath(visit, variables: flow.variables)
            if let reader = config.itemReader {
                items = try await readItems(reader, visit, effective, context: fullContext, flow: flow)
            } else {
                items = try itemsFromPath(map, effective, visit, context: fullContext, flow: flow)
            }
            settings = try mapSettings(map, effective, visit, context: fullContext, flow: flow)
            var selected = items
            if let selector = map.itemSelector {
                for (index, item) in items.enumerated() {
                    let itemContext = contextObject(visit, mapItem: (index, item))
                    selected[index] = try evaluate(selector, on: effective, context: itemContext, visit, flow: flow)
                }
            }
            inputs = try childInputs(selected, map, config, effective, visit, context: fullContext, flow: flow)
        } catch {
            return .failed(error)
        }
        // After an engine restart the interrupted Map Run goes on under its ARN, without a
        // second started event; its children (kept in memory) all run again.
        let names: MapRunNames
        if flow.isRoot, store != nil, let (arn, startedEventId) = interruptedMapRun(visit) {
            names = arn
            flow.lastEventId = startedEventId
        } else {
            record(.mapStateStarted, .mapStateStarted(MapStateStartedEventDetails(length: items.count)), flow: &flow)
            names = MapRunNames(parent: identity, label: config.label ?? random.uuid(), id: random.uuid())
            record(.mapRunStarted, .mapRunStarted(MapRunStartedEventDetails(mapRunArn: names.mapRunArn)), flow: &flow)
            // The Map Run's ARN is durable before its children start: a restart keeps it.
            if store != nil { persist(nil) }
        }
        mapRuns.started(MapRun(
            mapRunArn: names.mapRunArn, executionArn: identity.executionArn, stateMachineArn: names.stateMachineArn,
            status: .running, startDate: clock.now(), maxConcurrency: settings.maxConcurrency,
            toleratedFailurePercentage: settings.percentage, toleratedFailureCount: settings.count,
            itemCount: items.count, executionTotal: inputs.count))
        let (results, exceeded) = await runChildren(inputs, map.processor, config.executionType, names)
        // A stopped execution aborts its Map Run (its children's aborts are no failures).
        if mustStop() {
            mapRuns.update(names.mapRunArn) { run in
                run.status = .aborted
                run.stopDate = clock.now()
            }
            record(.mapRunAborted, .none, flow: &flow)
            return .stopped
        }
        if exceeded {
            mapRuns.update(names.mapRunArn) { run in
                run.status = .failed
                run.stopDate = clock.now()
            }
            let failure = ExecutionFailure(
                error: StatesError.exceedToleratedFailureThreshold,
                cause: "The specified tolerated failure threshold was exceeded")
            record(.mapRunFailed, .failure(FailureEventDetails(error: failure.error, cause: failure.cause)), flow: &flow)
            record(.mapStateFailed, .none, flow: &flow)
            return .failed(failure)
        }
        mapRuns.update(names.mapRunArn) { run in
            run.status = .succeeded
            run.stopDate = clock.now()
        }
        record(.mapRunSucceeded, .none, flow: &flow)
        record(.mapStateSucceeded, .none, flow: &flow)
        return completeWithResult(.array(results.compactMap { $0 }), visit, context: context, flow: &flow)
    }

    /// The Map Run this state started before an engine restart and that did not end: its
    /// names and its MapRunStarted event.
    private func interruptedMapRun(_ visit: StateVisit) -> (MapRunNames, Int)? {
        guard let (startedEventId, events) = ResumedChildren.find(
                in: history, enteredEventId: visit.enteredEventId, started: .mapRunStarted, failed: .mapRunFailed),
            !events.contains(where: { $0.type == .mapRunSucceeded || $0.type == .mapRunAborted }),
            case .mapRunStarted(let details) = history[startedEventId - 1].details,
            let names = MapRunNames(resuming: details.mapRunArn, parent: identity)
        else { return nil }
        return (names, startedEventId)
    }

    /// Starts the child executions, at most `maxConcurrency` at a time as the Map Run holds
    /// it now (an UpdateMapRun wakes the launcher at once); their outputs by position (nil
    /// for a failed one) and whether the failures went past the tolerated threshold (the
    /// others are then aborted).
    private func runChildren(
        _ inputs: [(input: JSON, itemCount: Int)], _ processor: CompiledMachine, _ type: StateMachineType,
        _ names: MapRunNames
    ) async -> ([JSON?], Bool) {
        let mapRuns = self.mapRuns
        let arn = names.mapRunArn
        return await withTaskGroup(of: ChildEvent.self, returning: ([JSON?], Bool).self) { group in
            var results = [JSON?](repeating: nil, count: inputs.count)
            var next = 0
            var running = 0
            var failedItems = 0
            var exceeded = false
            var watching = false
            func limit() -> Int {
                let configured = mapRuns.mapRun(arn)?.maxConcurrency ?? 0
                return configured > 0 ? configured : Int.max
            }
            func launch() {
                if mustStop() {
                    // Stopped or timed out: the children still running are aborted.
                    group.cancelAll()
                    mapRuns.stopWaiting(arn)
                    return
                }
                while running < limit(), next < inputs.count, !exceeded, !mustStop() {
                    let index = next
                    next += 1
                    running += 1
                    let child = childRun(inputs[index].input, type: type, names: names, timeoutSeconds: processor.timeoutSeconds)
                    mapRuns.childStarted(
                        MapRunChild(
                            description: ExecutionDescription(
                                executionArn: child.identity.executionArn, stateMachineArn: names.stateMachineArn,
                                name: child.identity.name, status: .running, startDate: child.identity.startTime,
                                input: inputs[index].input, redriveCount: 0),
                            type: type, itemCount: inputs[index].itemCount),
                        in: arn)
                    group.addTask { .ended(index, await child.run(processor)) }
                }
                // Children still to start: an UpdateMapRun may let more run before one ends.
                if next < inputs.count, !exceeded, !watching {
                    watching = true
                    group.addTask { await mapRuns.nextUpdate(arn) ? .updated : .closed }
                } else if next >= inputs.count || exceeded {
                    mapRuns.stopWaiting(arn)
                }
            }
            // The children do not see the parent's deadline: a timer wakes the launcher at it
            // (a virtual clock would jump to it at once; there a child's wait passes it first).
            if let deadline, !clock.isVirtual {
                let clock = self.clock
                group.addTask {
                    await clock.sleep(until: deadline)
                    return .deadline
                }
            }
            launch()
            for await event in group {
                switch event {
                case .deadline:
                    break
                case .updated, .closed:
                    watching = false
                case .ended(let index, let report):
                    running -= 1
                    mapRuns.childEnded(report, in: arn)
                    if report.description.status == .succeeded {
                        results[index] = report.description.output ?? .null
                    } else {
                        failedItems += inputs[index].itemCount
                    }
                    if !exceeded, !mustStop(), mapRuns.mapRun(arn)?.isExceeded(failedItems: failedItems) ?? false {
                        exceeded = true
                        group.cancelAll()
                    }
                }
                launch()
                // Every child ended: the timer and the update watcher are let go.
                if running == 0, next >= inputs.count || exceeded { group.cancelAll() }
            }
            return (results, exceeded)
        }
    }

    /// A child execution of the Map Run, not yet started: Standard children of a durable
    /// execution run in memory (the parent restarts its Map after an engine restart).
    private func childRun(_ input: JSON, type: StateMachineType, names: MapRunNames, timeoutSeconds: Int?) -> ExecutionRun {
        let name = random.uuid()
        let executionArn =
            type == .express
            ? "\(names.scope):express:\(names.machine):\(name):\(random.uuid())"
            : "\(names.scope):execution:\(names.machine):\(name)"
        let childIdentity = ExecutionIdentity(
            executionArn: executionArn, name: name, stateMachineArn: names.stateMachineArn,
            stateMachineName: names.machine, roleArn: identity.roleArn, region: identity.region, input: input,
            startTime: clock.now(), type: type, testCase: identity.testCase)
        return ExecutionRun(
            identity: childIdentity, clock: clock, invoker: invoker, seed: random.next(),
            timeoutSeconds: timeoutSeconds, maximumHistoryEvents: maximumHistoryEvents, store: nil, callbacks: callbacks,
            mapRuns: mapRuns)
    }

    /// One input per child execution: the selected items one by one, or batched by
    /// `MaxItemsPerBatch` and `MaxInputBytesPerBatch` as `{"BatchInput": …, "Items": […]}`.
    private func childInputs(
        _ items: [JSON], _ map: CompiledMap, _ config: DistributedMapConfig, _ effective: JSON, _ visit: StateVisit,
        context: JSON, flow: Flow
    ) throws(ExecutionFailure) -> [(input: JSON, itemCount: Int)] {
        guard map.batchMaxItems != nil || config.maxInputBytesPerBatch != nil else {
            return items.map { ($0, 1) }
        }
        let batchInput = try map.batchInput.map { t throws(ExecutionFailure) in
            try evaluate(t, on: effective, context: context, visit, flow: flow)
        }
        let maxItems = Swift.max(map.batchMaxItems ?? Int.max, 1)
        let maxBytes = config.maxInputBytesPerBatch ?? Int.max
        func batch(_ members: [JSON]) -> JSON {
            var object = JSONObject()
            if let batchInput { object["BatchInput"] = batchInput }
            object["Items"] = .array(members)
            return .object(object)
        }
        var out: [(input: JSON, itemCount: Int)] = []
        var current: [JSON] = []
        for item in items {
            // A batch closes before it would hold too many items or too many bytes; an item
            // bigger than the limit on its own still gets a batch of its own.
            if !current.isEmpty,
                current.count == maxItems || batch(current + [item]).serialized(JSONStyle.compact).utf8.count > maxBytes
            {
                out.append((batch(current), current.count))
                current = []
            }
            current.append(item)
        }
        if !current.isEmpty { out.append((batch(current), current.count)) }
        return out
    }

    /// The items an `ItemReader` names, from the task invoker (a mock or a local handler);
    /// States.ItemReaderFailed when nothing answers with an array.
    private func readItems(
        _ reader: DistributedMapConfig.ItemReaderConfig, _ visit: StateVisit, _ effective: JSON, context: JSON, flow: Flow
    ) async throws(ExecutionFailure) -> [JSON] {
        let parameters = try evaluate(reader.parameters, on: effective, context: context, visit, flow: flow)
        let request = TaskRequest(
            resource: reader.resource, parameters: parameters, stateName: visit.state.name,
            executionArn: identity.executionArn, stateMachineName: identity.stateMachineName)
        switch await invoker.invoke(request) {
        case .success(.array(let items)):
            return reader.maxItems.map { Array(items.prefix(Swift.max($0, 0))) } ?? items
        case .success(let other):
            throw ExecutionFailure(
                error: StatesError.itemReaderFailed,
                cause: visit.causePrefix + "The ItemReader '\(reader.resource)' must give a JSON array, but gave: \(other.typeName)")
        case .failure(let failure):
            throw ExecutionFailure(
                error: StatesError.itemReaderFailed,
                cause: visit.causePrefix + "The ItemReader '\(reader.resource)' could not read items locally: "
                    + "\(failure.error)\(failure.cause.map { ": \($0)" } ?? ""). Give the engine a mock or handler for it, "
                    + "or pass the items in the state input with ItemsPath.")
        }
    }
}

/// What the launcher of a Map Run's children hears back: a child ended, UpdateMapRun
/// changed the run (or the wait for it was ended), or the parent's deadline passed.
private enum ChildEvent: Sendable {
    case ended(Int, ExecutionReport)
    case updated
    case closed
    /// The parent execution's deadline passed.
    case deadline
}

/// The names of a Map Run and its children, derived from the parent execution's ARN.
struct MapRunNames: Sendable {
    /// `arn:aws:states:<region>:<account>`.
    let scope: String
    /// `<parent machine>/<label>`.
    let machine: String
    let mapRunArn: String
    let stateMachineArn: String

    /// The names of a Map Run started before a restart, from its ARN.
    init?(resuming mapRunArn: String, parent: ExecutionIdentity) {
        let parts = mapRunArn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 8, parts[5] == "mapRun",
            let slash = parts[6].firstIndex(of: "/")
        else { return nil }
        self.init(parent: parent, label: String(parts[6][parts[6].index(after: slash)...]), id: String(parts[7]))
    }

    init(parent: ExecutionIdentity, label: String, id: String) {
        let parts = parent.executionArn.split(separator: ":", omittingEmptySubsequences: false)
        scope = parts.count >= 5 ? parts[0..<5].joined(separator: ":") : "arn:aws:states:\(parent.region):000000000000"
        machine = "\(parent.stateMachineName)/\(label)"
        mapRunArn = "\(scope):mapRun:\(machine):\(id)"
        stateMachineArn = "\(scope):stateMachine:\(machine)"
    }
}
