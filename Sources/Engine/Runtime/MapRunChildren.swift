import ASLModel
import JSONValue

/// The child executions of a Map Run: launched at most `maxConcurrency` at a time, kept
/// by position in the `MapRunRegistry` and, for a durable parent, in its `MapRunStore`.
///
/// A run that goes on after an engine restart or a redrive is handed the children it had
/// (`prior`, by position). A child that succeeded keeps its output and is not run again;
/// one still RUNNING continues as the durable execution it is (from its own cursor, or
/// from its start when it never reached the store); one PENDING_REDRIVE (set by a redrive
/// of the parent, see `MapRunRedrive`) is redriven under its ARN when it is a Standard
/// execution, and started anew when it is an Express one; one that ended unsuccessfully
/// counts against the tolerated failures; items never started start.
extension ExecutionRun {
    /// Starts or continues the children, at most `maxConcurrency` at a time as the Map Run
    /// holds it now (an UpdateMapRun wakes the launcher at once); their outputs by position
    /// (nil for a failed one) and whether the failures went past the tolerated threshold
    /// (the others are then aborted).
    func runChildren(
        _ inputs: [(input: JSON, itemCount: Int)], _ processor: CompiledMachine, _ type: StateMachineType,
        _ names: MapRunNames, prior: [MapRunChild]
    ) async -> ([JSON?], Bool) {
        let mapRuns = self.mapRuns
        let arn = names.mapRunArn
        var results = [JSON?](repeating: nil, count: inputs.count)
        var failedItems = 0
        // Positions to launch, in order: unfinished children first met, then new items.
        var queue: [Int] = []
        for index in inputs.indices {
            guard index < prior.count else {
                queue.append(index)
                continue
            }
            switch prior[index].description.status {
            case .succeeded: results[index] = prior[index].description.output ?? .null
            case .running, .pendingRedrive: queue.append(index)
            case .failed, .timedOut, .aborted: failedItems += inputs[index].itemCount
            }
        }
        var taken = Set(prior.map(\.description.name))
        let initiallyExceeded = mapRuns.mapRun(arn)?.isExceeded(failedItems: failedItems) ?? false
        return await withTaskGroup(of: ChildEvent.self, returning: ([JSON?], Bool).self) { group in
            var next = 0
            var running = 0
            var exceeded = initiallyExceeded
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
                while running < limit(), next < queue.count, !exceeded, !mustStop() {
                    let index = queue[next]
                    next += 1
                    running += 1
                    let body = startChild(
                        at: index, inputs[index], prior: index < prior.count ? prior[index] : nil, type: type,
                        processor: processor, names: names, taken: &taken)
                    group.addTask { await body() }
                }
                // Children still to start: an UpdateMapRun may let more run before one ends.
                if next < queue.count, !exceeded, !watching {
                    watching = true
                    group.addTask { await mapRuns.nextUpdate(arn) ? .updated : .closed }
                } else if next >= queue.count || exceeded {
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
                case .ended(let index, let report, let source):
                    running -= 1
                    mapRuns.childEnded(report, in: arn)
                    if let source { mapRuns.update(arn) { $0.children[index].redriveSource = source } }
                    saveChild(at: index, of: arn)
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
                if running == 0, next >= queue.count || exceeded { group.cancelAll() }
            }
            return (results, exceeded)
        }
    }

    /// Registers the child at `index` as running and gives what runs it: a new execution,
    /// a resumed one, or a redriven one (see the type's comment).
    private func startChild(
        at index: Int, _ input: (input: JSON, itemCount: Int), prior: MapRunChild?, type: StateMachineType,
        processor: CompiledMachine, names: MapRunNames, taken: inout Set<String>
    ) -> @Sendable () async -> ChildEvent {
        let arn = names.mapRunArn
        // Without a store, an unsuccessful Standard child keeps what a redrive needs in memory.
        let keepSource = store == nil && type == .standard
        if let prior, prior.description.status == .running {
            if prior.type == .standard, let store, let persisted = try? store.persistedExecution(prior.description.executionArn) {
                let child = resumedChild(persisted)
                return { .ended(index, await child.resume(processor, history: persisted.history, cursor: persisted.cursor), nil) }
            }
            // It never reached the store (an Express child, or one stopped before it started):
            // it starts again under its name.
            let child = childRun(
                input.input, type: prior.type, names: names, timeoutSeconds: processor.timeoutSeconds,
                reusing: prior.description)
            return { .ended(index, await child.run(processor), nil) }
        }
        if let prior, prior.description.status == .pendingRedrive, prior.type == .standard,
            let redriven = redriveChild(prior, processor: processor)
        {
            var description = prior.description
            description.status = .running
            description.redriveCount += 1
            description.redriveDate = redriven.redriveTime
            description.stopDate = nil
            description.output = nil
            description.error = nil
            description.cause = nil
            mapRuns.childStarted(MapRunChild(description: description, type: prior.type, itemCount: input.itemCount), at: index, in: arn)
            saveChild(at: index, of: arn)
            let handle = redriven.handle
            return {
                let report = await withTaskCancellationHandler { await handle.report } onCancel: { handle.task.cancel() }
                let source = keepSource && report.description.status != .succeeded ? await handle.persisted : nil
                return .ended(index, report, source)
            }
        }
        let child = childRun(input.input, type: type, names: names, timeoutSeconds: processor.timeoutSeconds, avoiding: &taken)
        mapRuns.childStarted(
            MapRunChild(
                description: ExecutionDescription(
                    executionArn: child.identity.executionArn, stateMachineArn: names.stateMachineArn,
                    name: child.identity.name, status: .running, startDate: child.identity.startTime,
                    input: input.input, redriveCount: 0),
                type: type, itemCount: input.itemCount),
            at: index, in: arn)
        saveChild(at: index, of: arn)
        return {
            let report = await child.run(processor)
            let source = keepSource && report.description.status != .succeeded ? await child.persisted() : nil
            return .ended(index, report, source)
        }
    }

    /// A Standard child the store kept RUNNING, ready to continue from its own cursor (a
    /// task waiting for its token waits for the same token again).
    private func resumedChild(_ persisted: PersistedExecution) -> ExecutionRun {
        var childIdentity = persisted.start.identity
        childIdentity.testCase = identity.testCase
        if let pending = persisted.cursor?.callback {
            callbacks.open(
                pending.token, executionArn: childIdentity.executionArn, activityArn: pending.activityArn,
                input: pending.input, queued: !pending.started)
        }
        return ExecutionRun(
            identity: childIdentity, clock: clock, invoker: invoker, seed: persisted.start.seed,
            timeoutSeconds: persisted.start.timeoutSeconds, maximumHistoryEvents: maximumHistoryEvents, store: store,
            callbacks: callbacks, mapRuns: mapRuns)
    }

    /// A child execution of the Map Run, not yet started: a new one (its name not among
    /// `taken`, which it joins), or one that starts again under the name and ARN it had.
    /// A Standard child of a durable parent is durable too.
    private func childRun(
        _ input: JSON, type: StateMachineType, names: MapRunNames, timeoutSeconds: Int?,
        reusing earlier: ExecutionDescription? = nil, avoiding taken: inout Set<String>
    ) -> ExecutionRun {
        let name: String
        let executionArn: String
        if let earlier {
            name = earlier.name
            executionArn = earlier.executionArn
        } else {
            // A resumed parent's generator restarts from its cursor: a name it gives again is skipped.
            var candidate = random.uuid()
            while taken.contains(candidate) { candidate = random.uuid() }
            taken.insert(candidate)
            name = candidate
            executionArn =
                type == .express
                ? "\(names.scope):express:\(names.machine):\(name):\(random.uuid())"
                : "\(names.scope):execution:\(names.machine):\(name)"
        }
        let childIdentity = ExecutionIdentity(
            executionArn: executionArn, name: name, stateMachineArn: names.stateMachineArn,
            stateMachineName: names.machine, roleArn: identity.roleArn, region: identity.region, input: input,
            startTime: earlier?.startDate ?? clock.now(), type: type, testCase: identity.testCase)
        return ExecutionRun(
            identity: childIdentity, clock: clock, invoker: invoker, seed: random.next(),
            timeoutSeconds: timeoutSeconds, maximumHistoryEvents: maximumHistoryEvents, store: store, callbacks: callbacks,
            mapRuns: mapRuns)
    }

    private func childRun(
        _ input: JSON, type: StateMachineType, names: MapRunNames, timeoutSeconds: Int?, reusing earlier: ExecutionDescription
    ) -> ExecutionRun {
        var unused = Set<String>()
        return childRun(input, type: type, names: names, timeoutSeconds: timeoutSeconds, reusing: earlier, avoiding: &unused)
    }

    /// Writes the run's own fields to the store, if the parent is durable.
    func saveMapRun(_ mapRunArn: String) {
        guard let store = store as? any MapRunStore, let run = mapRuns.mapRun(mapRunArn) else { return }
        do {
            try store.mapRunChanged(run)
        } catch {
            mapRunNotPersisted(error)
        }
    }

    /// Writes the child at `position` to the store, if the parent is durable.
    func saveChild(at position: Int, of mapRunArn: String) {
        guard let store = store as? any MapRunStore, let run = mapRuns.mapRun(mapRunArn),
            run.children.indices.contains(position)
        else { return }
        do {
            try store.mapRunChildChanged(run.children[position], position: position, mapRunArn: mapRunArn)
        } catch {
            mapRunNotPersisted(error)
        }
    }

    /// The Map Run as the store kept it (an engine that did not fill its registry from the store).
    func storedMapRun(_ mapRunArn: String) -> MapRun? {
        guard let store = store as? any MapRunStore else { return nil }
        return (try? store.storedMapRun(mapRunArn)) ?? nil
    }

    /// An execution whose Map Run cannot be made durable stops rather than run on unrecorded.
    private func mapRunNotPersisted(_ error: any Error) {
        stop(ExecutionFailure(error: StatesError.runtime, cause: "The execution could not be persisted: \(error)"))
    }

    /// The interrupted Map Run continues: as the registry or the store kept it (with the
    /// settings an UpdateMapRun gave it), RUNNING again; its children, by position.
    func continueMapRun(_ fresh: MapRun) -> [MapRunChild] {
        var run = mapRuns.mapRun(fresh.mapRunArn) ?? storedMapRun(fresh.mapRunArn) ?? fresh
        run.status = .running
        run.stopDate = nil
        run.itemCount = fresh.itemCount
        run.executionTotal = fresh.executionTotal
        mapRuns.restore([run])
        saveMapRun(run.mapRunArn)
        return run.children
    }
}

/// What the launcher of a Map Run's children hears back: a child ended (with what a later
/// redrive needs when no store keeps it), UpdateMapRun changed the run (or the wait for it
/// was ended), or the parent's deadline passed.
enum ChildEvent: Sendable {
    case ended(Int, ExecutionReport, PersistedExecution?)
    case updated
    case closed
    /// The parent execution's deadline passed.
    case deadline
}
