import JSONPath
import JSONValue

/// Parallel and Map: child flows in a bounded task group, all running on this actor.
extension ExecutionRun {
    func parallelAttempt(_ branches: [CompiledMachine], _ visit: StateVisit, flow: inout Flow) async -> StateResult {
        // A child resumed after a restart continues the attempt it was in (see `ChildResume`).
        let resumingChild = flow.takeResume(visit.enteredEventId)
        // A redrive hands its first attempt what the failed one left (see `ExecutionRun+Redrive`).
        let handedRedrive = flow.takeRedrive()
        let context = visit.state.readsContext ? contextObject(visit) : .null
        let effective: JSON
        do throws(ExecutionFailure) {
            let selected = try applyInputPath(visit, variables: flow.variables)
            effective = try visit.state.parameters.map { template throws(ExecutionFailure) in
                try evaluate(template, on: selected, context: context, visit, flow: flow)
            } ?? selected
        } catch {
            return .failed(error)
        }
        // After an engine restart, branches the interrupted attempt finished keep their
        // results and the others continue in the state they were in (see `ResumedChildren`).
        let resumed = handedRedrive == nil && store != nil && (flow.isRoot || resumingChild)
            ? resumedBranches(branches, visit, isRoot: flow.isRoot) : nil
        let resumePoints = resumed?.resumePoints { branches.indices.contains($0) ? branches[$0] : nil } ?? [:]
        let started = resumed?.startedEventId ?? record(.parallelStateStarted, .none, flow: &flow)
        let redrive = redriveSource(handedRedrive, visit, flow: flow)
        let childFlow = Flow(variables: flow.variables, lastEventId: started, mapIterationIndex: flow.mapIterationIndex)
        var results = [JSON](repeating: .null, count: branches.count)
        for (i, output) in resumed?.ended ?? [:] { if let output, results.indices.contains(i) { results[i] = output } }
        // A redriven Parallel keeps the branches that succeeded; the others run again, each
        // from the state it stopped in.
        let kept = redrive.map { Self.keptBranches(branches, history, $0) } ?? [:]
        for (i, output) in kept where results.indices.contains(i) { results[i] = output }
        let positions = redrive.map { Dictionary($0.positions.map { ($0.child, $0) }, uniquingKeysWith: { first, _ in first }) }
        var stoppedAt: [RedrivePosition] = []
        /// Whether branch `i` still has to run, and the flow it continues.
        func branchFlow(_ i: Int) -> Flow? {
            if resumed?.ended[i] != nil || kept[i] != nil { return nil }
            var flow = childFlow
            if let last = resumed?.lastEvent[i] { flow.lastEventId = last }
            return flow
        }
        var failure: ExecutionFailure?
        var failureLink = 0
        var stopped = false
        // The last event any branch recorded: with other flows running beside this state (a
        // Map's iterations), the history's last event may be theirs.
        var lastBranchEvent = started
        if branches.allSatisfy(\.isSynchronous) {
            // No branch waits: run them in order on this actor, without a task each.
            for (i, branch) in branches.enumerated() {
                guard var branchFlow = branchFlow(i) else { continue }
                let outcome = await runChild(
                    branch, input: effective, flow: &branchFlow, from: positions?[i], resuming: resumePoints[i])
                lastBranchEvent = max(lastBranchEvent, branchFlow.lastEventId)
                if let position = branchFlow.stoppedPosition(child: i, outcome) { stoppedAt.append(position) }
                switch outcome {
                case .succeeded(let output): results[i] = output
                case .failed(let branchFailure):
                    failure = branchFailure
                    failureLink = branchFlow.lastEventId
                case .stopped: stopped = true
                }
                if failure != nil || stopped { break }
            }
        } else {
            (results, failure, failureLink, stopped, stoppedAt, lastBranchEvent) = await withTaskGroup(
                of: (Int, Outcome, Flow).self
            ) { group in
                var results = results
                var lastBranchEvent = lastBranchEvent
                var stoppedAt: [RedrivePosition] = []
                var failure: ExecutionFailure?
                var failureLink = 0
                var stopped = false
                for (i, branch) in branches.enumerated() {
                    guard let childFlow = branchFlow(i) else { continue }
                    let position = positions?[i]
                    let resumePoint = resumePoints[i]
                    group.addTask {
                        var flow = childFlow
                        let outcome = await self.runChild(
                            branch, input: effective, flow: &flow, from: position, resuming: resumePoint)
                        return (i, outcome, flow)
                    }
                }
                for await (i, outcome, branchFlow) in group {
                    let last = branchFlow.lastEventId
                    lastBranchEvent = max(lastBranchEvent, last)
                    if let position = branchFlow.stoppedPosition(child: i, outcome) { stoppedAt.append(position) }
                    // A branch that ended is durable at once: a restart keeps its result.
                    if store != nil { persist(nil) }
                    switch outcome {
                    case .succeeded(let output):
                        results[i] = output
                    case .failed(let branchFailure):
                        // The first failing branch fails the state; the others are cancelled.
                        if failure == nil {
                            failure = branchFailure
                            failureLink = last
                            group.cancelAll()
                        }
                    case .stopped:
                        stopped = true
                    }
                }
                return (results, failure, failureLink, stopped, stoppedAt, lastBranchEvent)
            }
        }
        // At the top level no other flow runs beside the branches: the history's last event is theirs.
        flow.lastEventId = flow.isRoot ? history.count : lastBranchEvent
        if let failure {
            // As for Map: the failed event links to the failing branch's last state event.
            flow.lastEventId = failureLink
            record(.parallelStateFailed, .none, flow: &flow)
            return attemptEnded(
                .failed(failure), visit, startedEventId: started, redrivenFrom: redrive, positions: stoppedAt, flow: &flow)
        }
        if stopped || mustStop() {
            return attemptEnded(
                .stopped, visit, startedEventId: started, redrivenFrom: redrive, positions: stoppedAt, flow: &flow)
        }
        // AWS links ParallelStateSucceeded and ParallelStateExited both to the last branch event.
        let link = flow.lastEventId
        record(.parallelStateSucceeded, .none, flow: &flow)
        flow.lastEventId = link
        return attemptEnded(
            completeWithResult(.array(results), visit, context: context, flow: &flow), visit, startedEventId: started,
            redrivenFrom: redrive, positions: stoppedAt, flow: &flow)
    }

    /// The branches a redrive keeps (branch → output), from the attempts `frontier` lists;
    /// none when the branches cannot be told apart (they all run again).
    private static func keptBranches(_ branches: [CompiledMachine], _ history: [HistoryEvent], _ frontier: RedriveFrontier)
        -> [Int: JSON]
    {
        guard let names = branchNames(branches) else { return [:] }
        return ResumedChildren.keptBranches(history, frontier, branchStates: names, terminalStates: terminalStates(branches))
    }

    /// Each branch's states that end it (a branch ended when it exited one of them).
    private static func terminalStates(_ branches: [CompiledMachine]) -> [Set<String>] {
        branches.map { branch in
            Set(branch.states.filter { state in
                switch state.kind {
                case .choice, .fail: false
                default: state.next == nil
                }
            }.map(\.name))
        }
    }

    /// The interrupted attempt of this Parallel state before a restart, if the history holds
    /// one: at the top level the cursor's state's, inside a resumed child the one its visit was in.
    private func resumedBranches(_ branches: [CompiledMachine], _ visit: StateVisit, isRoot: Bool) -> ResumedChildren? {
        guard let names = Self.branchNames(branches) else { return nil }
        let found = isRoot
            ? ResumedChildren.find(
                in: history, enteredEventId: visit.enteredEventId, started: .parallelStateStarted,
                failed: .parallelStateFailed)
            : resumedNestedAttempt(visit, started: .parallelStateStarted)
        guard let (startedId, events) = found else { return nil }
        // Names are unique across the machine: each branch's own states tell its events apart.
        let own = branches.map { Set($0.states.map(\.name)) }
        return ResumedChildren.parallel(
            events, startedEventId: startedId, entryStates: names, terminalStates: Self.terminalStates(branches),
            branchStates: own)
    }

    /// The names that tell the branches' events apart: a branch's first event enters one of
    /// its states (its first one, or — rerun by a redrive — the one it stopped in). Any of
    /// its top-level state names when no two branches share one, else its first state's
    /// name only; nil when even those repeat.
    private static func branchNames(_ branches: [CompiledMachine]) -> [Set<String>]? {
        let all = branches.map { Set($0.states.map(\.name)) }
        if all.reduce(0, { $0 + $1.count }) == all.reduce(into: Set<String>(), { $0.formUnion($1) }).count { return all }
        let first = branches.map { $0.states[$0.startIndex].name }
        return Set(first).count == first.count ? first.map { [$0] } : nil
    }

    /// ResultSelector, then `finish`; the tail of Parallel and Map.
    func completeWithResult(_ result: JSON, _ visit: StateVisit, context: JSON, flow: inout Flow) -> StateResult {
        do throws(ExecutionFailure) {
            try checkSize(result, visit)
            var selected = result
            if let selector = visit.state.resultSelector {
                selected = try evaluate(selector, on: result, context: context, visit, flow: flow)
            }
            return try finish(visit, result: selected, context: context, flow: &flow)
        } catch {
            return .failed(error)
        }
    }
}
