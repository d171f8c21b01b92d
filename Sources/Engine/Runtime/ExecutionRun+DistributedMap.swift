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
        // second started event, with the children it had (see `MapRunChildren`).
        let names: MapRunNames
        let prior: [MapRunChild]
        let fresh = { (names: MapRunNames) in
            MapRun(
                mapRunArn: names.mapRunArn, executionArn: self.identity.executionArn,
                stateMachineArn: names.stateMachineArn, status: .running, startDate: self.clock.now(),
                maxConcurrency: settings.maxConcurrency, toleratedFailurePercentage: settings.percentage,
                toleratedFailureCount: settings.count, itemCount: items.count, executionTotal: inputs.count)
        }
        if flow.isRoot, store != nil, let (found, lastEventId) = interruptedMapRun(visit) {
            names = found
            flow.lastEventId = lastEventId
            prior = continueMapRun(fresh(found))
        } else if flow.isRoot, let found = redrivenMapRun(visit) {
            names = found
            record(.mapStateStarted, .mapStateStarted(MapStateStartedEventDetails(length: items.count)), flow: &flow)
            prior = redriveMapRun(fresh(found), flow: &flow)
        } else {
            record(.mapStateStarted, .mapStateStarted(MapStateStartedEventDetails(length: items.count)), flow: &flow)
            names = MapRunNames(parent: identity, label: config.label ?? random.uuid(), id: random.uuid())
            record(.mapRunStarted, .mapRunStarted(MapRunStartedEventDetails(mapRunArn: names.mapRunArn)), flow: &flow)
            // The Map Run's ARN is durable before its children start: a restart keeps it.
            if store != nil { persist(nil) }
            mapRuns.started(fresh(names))
            saveMapRun(names.mapRunArn)
            prior = []
        }
        let (results, exceeded) = await runChildren(inputs, map.processor, config.executionType, names, prior: prior)
        // A stopped execution aborts its Map Run (its children's aborts are no failures).
        if mustStop() {
            endMapRun(names.mapRunArn, .aborted)
            record(.mapRunAborted, .none, flow: &flow)
            return .stopped
        }
        if exceeded {
            endMapRun(names.mapRunArn, .failed)
            let failure = ExecutionFailure(
                error: StatesError.exceedToleratedFailureThreshold,
                cause: "The specified tolerated failure threshold was exceeded")
            record(.mapRunFailed, .failure(FailureEventDetails(error: failure.error, cause: failure.cause)), flow: &flow)
            record(.mapStateFailed, .none, flow: &flow)
            return .failed(failure)
        }
        endMapRun(names.mapRunArn, .succeeded)
        record(.mapRunSucceeded, .none, flow: &flow)
        record(.mapStateSucceeded, .none, flow: &flow)
        return completeWithResult(.array(results.compactMap { $0 }), visit, context: context, flow: &flow)
    }

    /// The Map Run ends: its status and stop date, kept by the store before the parent goes on.
    private func endMapRun(_ mapRunArn: String, _ status: MapRun.Status) {
        mapRuns.update(mapRunArn) { run in
            run.status = status
            run.stopDate = clock.now()
        }
        saveMapRun(mapRunArn)
    }

    /// The Map Run this state started (or redrove) before an engine restart and that did not
    /// end: its names and the event the state's next event follows.
    private func interruptedMapRun(_ visit: StateVisit) -> (MapRunNames, Int)? {
        guard visit.enteredEventId > 0, visit.enteredEventId < history.count else { return nil }
        let after = history[visit.enteredEventId...]
        guard let start = after.lastIndex(where: { $0.type == .mapRunStarted || $0.type == .mapRunRedriven }),
            !history[(start + 1)...].contains(where: {
                $0.type == .mapRunSucceeded || $0.type == .mapRunAborted || $0.type == .mapRunFailed
            })
        else { return nil }
        let mapRunArn: String
        switch history[start].details {
        case .mapRunStarted(let details): mapRunArn = details.mapRunArn
        case .mapRunRedriven(let details): mapRunArn = details.mapRunArn
        default: return nil
        }
        guard let names = MapRunNames(resuming: mapRunArn, parent: identity) else { return nil }
        return (names, history[start].id)
    }

    /// One input per child execution: the selected items one by one, or batched by
    /// `MaxItemsPerBatch` and `MaxInputBytesPerBatch` (or their `…Path` forms, read from the effective
    /// input) as `{"BatchInput": …, "Items": […]}`.
    private func childInputs(
        _ items: [JSON], _ map: CompiledMap, _ config: DistributedMapConfig, _ effective: JSON, _ visit: StateVisit,
        context: JSON, flow: Flow
    ) throws(ExecutionFailure) -> [(input: JSON, itemCount: Int)] {
        var batchMaxItems = map.batchMaxItems
        var maxInputBytes = config.maxInputBytesPerBatch
        if let n = try integerSetting(config.maxItemsPerBatchPath, effective, visit, context: context, flow: flow) {
            batchMaxItems = Int(clamping: n)
        }
        if let n = try integerSetting(config.maxInputBytesPerBatchPath, effective, visit, context: context, flow: flow) {
            maxInputBytes = Int(clamping: n)
        }
        guard batchMaxItems != nil || maxInputBytes != nil else {
            return items.map { ($0, 1) }
        }
        let batchInput = try map.batchInput.map { t throws(ExecutionFailure) in
            try evaluate(t, on: effective, context: context, visit, flow: flow)
        }
        let maxItems = Swift.max(batchMaxItems ?? Int.max, 1)
        let maxBytes = maxInputBytes ?? Int.max
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
