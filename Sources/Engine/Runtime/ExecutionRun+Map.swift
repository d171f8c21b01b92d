import JSONPath
import JSONValue

/// Inline Map states: items from `ItemsPath` (or the input), each through `ItemSelector`
/// with `$$.Map.Item`, iterations in a task group bounded by `MaxConcurrency`, tolerated
/// failures counted. Distributed ones run as Map Runs (`ExecutionRun+DistributedMap`).
extension ExecutionRun {
    func mapAttempt(_ map: CompiledMap, _ visit: StateVisit, flow: inout Flow) async -> StateResult {
        // A child resumed after a restart continues the attempt it was in (see `ChildResume`).
        let resumingChild = flow.takeResume(visit.enteredEventId)
        // A redrive hands its first attempt what the failed one left (see `ExecutionRun+Redrive`).
        let handedRedrive = flow.takeRedrive()
        if let config = map.distributedConfig {
            return await distributedMapAttempt(map, config, visit, flow: &flow)
        }
        let context = visit.state.readsContext ? contextObject(visit) : .null
        let effective: JSON
        var items: [JSON]
        var maxConcurrency = 0
        var toleratedCount: Int?
        var toleratedPercentage: Double?
        do throws(ExecutionFailure) {
            effective = try applyInputPath(visit, variables: flow.variables)
            let fullContext = contextObject(visit)
            items = try itemsFromPath(map, effective, visit, context: fullContext, flow: flow)
            (maxConcurrency, toleratedCount, toleratedPercentage) = try mapSettings(map, effective, visit, context: fullContext, flow: flow)
        } catch {
            return .failed(error)
        }
        // After an engine restart, the iterations the interrupted attempt finished keep
        // their results and the unfinished ones continue where they were (see `ResumedChildren`).
        let resumed = handedRedrive == nil && store != nil ? resumedIterations(map, visit, nested: resumingChild, flow: flow) : nil
        let resumePoints = resumed?.resumePoints { _ in map.processor } ?? [:]
        if let resumed {
            flow.lastEventId = resumed.startedEventId
        } else {
            record(.mapStateStarted, .mapStateStarted(MapStateStartedEventDetails(length: items.count)), flow: &flow)
        }
        let startedEventId = flow.lastEventId
        flow.redrive = nil
        let redrive = redriveSource(handedRedrive, visit, flow: flow)
        let parentFlow = flow
        let name = visit.state.name
        let allItems = items
        let limit = maxConcurrency > 0 ? maxConcurrency : allItems.count
        let tolerance = MapTolerance(count: toleratedCount, percentage: toleratedPercentage, total: allItems.count)
        var progress = MapProgress(results: [JSON](repeating: .null, count: allItems.count))
        if let resumed { progress.restore(resumed) }
        // A redriven Map keeps the iterations that succeeded; the others run again, each from
        // the state it stopped in.
        let kept = redrive.map { ResumedChildren.keptIterations(history, $0, stateName: name) } ?? [:]
        for (index, output) in kept where progress.results.indices.contains(index) { progress.results[index] = output }
        let positions = redrive.map { Dictionary($0.positions.map { ($0.child, $0) }, uniquingKeysWith: { first, _ in first }) }
        /// Whether iteration `index` ended before this attempt and does not run again.
        func ended(_ index: Int) -> Bool { resumed?.ended[index] != nil || kept[index] != nil }
        if map.processor.isSynchronous {
            // Nothing in the processor waits, so iterations would run one after another on
            // this actor anyway: run them in order without a task each.
            // AWS links each MapIterationStarted to the last state event of the iteration before.
            var link = parentFlow
            for index in allItems.indices {
                if ended(index) {
                    link.lastEventId = resumed?.lastEvent[index] ?? link.lastEventId
                    continue
                }
                guard let (input, childFlow) = startIteration(
                    index, allItems[index], map, visit, effective, link, &progress, continuing: resumed?.lastEvent[index])
                else { break }
                var iterationFlow = childFlow
                let outcome = await runChild(
                    map.processor, input: input, flow: &iterationFlow, from: positions?[index], resuming: resumePoints[index])
                endIteration(index, outcome, after: iterationFlow.lastEventId, name, &progress)
                if let position = iterationFlow.stoppedPosition(child: index, outcome) { progress.positions.append(position) }
                link.lastEventId = iterationFlow.lastEventId
                if tolerance.isExceeded(by: progress.failures) || progress.stopped { break }
            }
        } else {
            progress = await withTaskGroup(of: (Int, Outcome, Flow).self, returning: MapProgress.self) { group in
                var progress = progress
                var nextIndex = 0
                func launch() -> Bool {
                    while nextIndex < allItems.count, ended(nextIndex) { nextIndex += 1 }
                    guard nextIndex < allItems.count, progress.failure == nil || tolerance.tolerates else { return false }
                    let index = nextIndex
                    nextIndex += 1
                    guard let (input, childFlow) = startIteration(
                        index, allItems[index], map, visit, effective, parentFlow, &progress,
                        continuing: resumed?.lastEvent[index])
                    else { return false }
                    let processor = map.processor
                    let position = positions?[index]
                    let resumePoint = resumePoints[index]
                    group.addTask {
                        var flow = childFlow
                        let outcome = await self.runChild(
                            processor, input: input, flow: &flow, from: position, resuming: resumePoint)
                        return (index, outcome, flow)
                    }
                    return true
                }
                var running = 0
                while running < limit, launch() { running += 1 }
                for await (index, outcome, childFlow) in group {
                    running -= 1
                    endIteration(index, outcome, after: childFlow.lastEventId, name, &progress)
                    if let position = childFlow.stoppedPosition(child: index, outcome) { progress.positions.append(position) }
                    // An iteration that waited or ran tasks is durable once it ends: a restart
                    // keeps its result instead of running it again.
                    if store != nil { persist(nil) }
                    if tolerance.isExceeded(by: progress.failures) || progress.stopped || progress.selectorFailure != nil {
                        group.cancelAll()
                        continue
                    }
                    while running < limit, launch() { running += 1 }
                }
                return progress
            }
        }
        let result = concludeMap(progress, tolerance, visit, context: context, flow: &flow)
        return attemptEnded(
            result, visit, startedEventId: startedEventId, redrivenFrom: redrive, positions: progress.positions, flow: &flow)
    }

    /// The iterations of the attempt an engine restart interrupted: at the top level the
    /// cursor's state's, inside a resumed child the one its visit was in.
    private func resumedIterations(_ map: CompiledMap, _ visit: StateVisit, nested: Bool, flow: Flow) -> ResumedChildren? {
        let found = flow.isRoot
            ? ResumedChildren.find(
                in: history, enteredEventId: visit.enteredEventId, started: .mapStateStarted, failed: .mapStateFailed)
            : nested ? resumedNestedAttempt(visit, started: .mapStateStarted) : nil
        guard let (startedId, events) = found else { return nil }
        let names = Set(map.processor.states.map(\.name))
        return ResumedChildren.map(
            events, startedEventId: startedId, stateName: visit.state.name, in: history, processorStates: names)
    }

    /// The Map's failed, stopped or succeeded end, once its iterations ran.
    private func concludeMap(
        _ progress: MapProgress, _ tolerance: MapTolerance, _ visit: StateVisit, context: JSON, flow: inout Flow
    ) -> StateResult {
        flow.lastEventId = history.count
        if let failure = progress.selectorFailure {
            record(.mapStateFailed, .none, flow: &flow)
            return .failed(failure)
        }
        if tolerance.isExceeded(by: progress.failures), let failure = progress.failure {
            // AWS links MapStateFailed to the failing iteration's last state event.
            flow.lastEventId = progress.failureLink
            record(.mapStateFailed, .none, flow: &flow)
            if tolerance.tolerates {
                return .failed(ExecutionFailure(
                    error: StatesError.exceedToleratedFailureThreshold,
                    cause: "The specified tolerated failure threshold was exceeded"))
            }
            return .failed(failure)
        }
        if progress.stopped || mustStop() { return .stopped }
        // AWS links MapStateSucceeded and MapStateExited both to the last MapIterationSucceeded.
        if let last = progress.lastSucceededEventId { flow.lastEventId = last }
        let link = flow.lastEventId
        record(.mapStateSucceeded, .none, flow: &flow)
        flow.lastEventId = link
        // A tolerated failure contributes no result: the output holds the successful items only.
        var results = progress.results
        if !progress.failedIndices.isEmpty {
            results = results.indices.filter { !progress.failedIndices.contains($0) }.map { results[$0] }
        }
        return completeWithResult(.array(results), visit, context: context, flow: &flow)
    }

    /// The iteration's input (through `ItemSelector`, with `$$.Map.Item`) and its flow,
    /// after its MapIterationStarted event (or, `continuing` an iteration interrupted by a
    /// restart, after the last event it recorded); nil when the selector failed.
    private func startIteration(
        _ index: Int, _ item: JSON, _ map: CompiledMap, _ visit: StateVisit, _ effective: JSON, _ parentFlow: Flow,
        _ progress: inout MapProgress, continuing lastEvent: Int? = nil
    ) -> (JSON, Flow)? {
        var iterationFlow = parentFlow
        // An iteration is a flow of its own: its states never move the execution's cursor.
        iterationFlow.isRoot = false
        iterationFlow.mapIterationIndex = index
        var input = item
        if let selector = map.itemSelector {
            let itemContext = contextObject(visit, mapItem: (index, item))
            do throws(ExecutionFailure) {
                input = try evaluate(selector, on: effective, context: itemContext, visit, flow: parentFlow)
            } catch {
                progress.selectorFailure = error
                return nil
            }
        }
        if let lastEvent {
            iterationFlow.lastEventId = lastEvent
        } else {
            record(.mapIterationStarted, .mapIteration(MapIterationEventDetails(name: visit.state.name, index: index)), flow: &iterationFlow)
        }
        return (input, iterationFlow)
    }

    /// MapIterationSucceeded/Failed/Aborted, linked to the iteration's last state event.
    private func endIteration(_ index: Int, _ outcome: Outcome, after last: Int, _ name: String, _ progress: inout MapProgress) {
        var iterationFlow = Flow(variables: [:], lastEventId: last)
        let details = HistoryEventDetails.mapIteration(MapIterationEventDetails(name: name, index: index))
        switch outcome {
        case .succeeded(let output):
            progress.results[index] = output
            progress.lastSucceededEventId = record(.mapIterationSucceeded, details, flow: &iterationFlow)
        case .failed(let failure):
            progress.failures += 1
            progress.failedIndices.insert(index)
            if progress.failure == nil {
                progress.failure = failure
                progress.failureLink = last
            }
            record(.mapIterationFailed, details, flow: &iterationFlow)
        case .stopped:
            progress.stopped = true
            record(.mapIterationAborted, details, flow: &iterationFlow)
        }
    }

    /// The array `ItemsPath` selects (the effective input without one).
    func itemsFromPath(
        _ map: CompiledMap, _ effective: JSON, _ visit: StateVisit, context: JSON, flow: Flow
    ) throws(ExecutionFailure) -> [JSON] {
        var source = effective
        if case .path(let path) = map.itemsPath {
            source = try read(path, effective, visit, context: context, flow: flow)
        }
        guard case .array(let array) = source else {
            throw ExecutionFailure(
                error: StatesError.runtime,
                cause: visit.causePrefix + "Items of Map state must be an array, but was: \(source.typeName)")
        }
        return array
    }

    /// `MaxConcurrency` (0: no limit) and the tolerated failure count and percentage.
    func mapSettings(
        _ map: CompiledMap, _ effective: JSON, _ visit: StateVisit, context: JSON, flow: Flow
    ) throws(ExecutionFailure) -> (Int, Int?, Double?) {
        let maxConcurrency = try Int(integerSetting(map.maxConcurrency, effective, visit, context: context, flow: flow) ?? 0)
        let count = try toleratedFailureCount(map.toleratedFailureCount, effective, visit, context: context, flow: flow)
        let percentage = try toleratedFailurePercentage(map.toleratedFailurePercentage, effective, visit, context: context, flow: flow)
        return (maxConcurrency, count, percentage)
    }

    private func toleratedFailureCount(
        _ field: NumberField, _ input: JSON, _ visit: StateVisit, context: JSON, flow: Flow
    ) throws(ExecutionFailure) -> Int? {
        guard let count = try integerSetting(field, input, visit, context: context, flow: flow) else { return nil }
        guard count >= 0 else {
            throw ExecutionFailure(error: StatesError.runtime, cause: visit.causePrefix + "ToleratedFailureCount cannot be negative.")
        }
        return Int(count)
    }

    private func toleratedFailurePercentage(
        _ field: NumberField, _ input: JSON, _ visit: StateVisit, context: JSON, flow: Flow
    ) throws(ExecutionFailure) -> Double? {
        let percentage: Double
        switch field {
        case .absent: return nil
        case .value(let v): percentage = v
        case .path(let path, let name):
            let value = try read(path, input, visit, context: context, flow: flow)
            let number: Double? =
                switch value {
                case .number(let n): n.doubleValue
                case .string(let s): Double(s)
                default: nil
                }
            guard let n = number, n.isFinite else {
                throw ExecutionFailure(
                    error: StatesError.runtime,
                    cause: visit.causePrefix + "The \(name) field refers to value \"\(value.plainText)\" which is not a valid float: \(path.text)")
            }
            percentage = n
        }
        guard percentage >= 0, percentage <= 100 else {
            throw ExecutionFailure(
                error: StatesError.runtime, cause: visit.causePrefix + "ToleratedFailurePercentage must be between 0 and 100.")
        }
        return percentage
    }
}

/// What a Map's iterations produced so far.
struct MapProgress: Sendable {
    var results: [JSON]
    var failures = 0
    var failure: ExecutionFailure?
    var selectorFailure: ExecutionFailure?
    var stopped = false
    /// The last MapIterationSucceeded event, and the last state event of the first failed iteration.
    var lastSucceededEventId: Int?
    var failureLink = 0
    var failedIndices: Set<Int> = []
    /// Where the iterations that failed or stopped were (what a redrive reruns them from).
    var positions: [RedrivePosition] = []

    /// The iterations an interrupted attempt ended, as if they had just ended here.
    mutating func restore(_ resumed: ResumedChildren) {
        for (index, output) in resumed.ended where results.indices.contains(index) {
            if let output {
                results[index] = output
            } else {
                failures += 1
                failedIndices.insert(index)
                if failure == nil {
                    failure = resumed.failure
                    failureLink = resumed.lastEvent[index] ?? 0
                }
            }
        }
        lastSucceededEventId = resumed.lastSucceededEventId
    }
}

/// `ToleratedFailureCount`/`ToleratedFailurePercentage`: with neither, one failure fails the Map.
struct MapTolerance: Sendable {
    var count: Int?
    var percentage: Double?
    var total: Int

    var tolerates: Bool { count != nil || percentage != nil }

    func isExceeded(by failures: Int) -> Bool {
        guard tolerates else { return failures > 0 }
        if let count, failures > count { return true }
        if let percentage, total > 0, Double(failures) * 100 / Double(total) > percentage { return true }
        return false
    }
}
