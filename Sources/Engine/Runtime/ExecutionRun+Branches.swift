import JSONPath
import JSONValue

/// Parallel and Map: child flows in a bounded task group, all running on this actor.
extension ExecutionRun {
    /// Runs a sub-machine as its own flow (a branch or an iteration).
    func runChild(_ machine: CompiledMachine, input: JSON, flow: Flow) async -> (Outcome, Flow) {
        var flow = flow
        let outcome = await runMachine(machine, input: input, flow: &flow)
        return (outcome, flow)
    }

    func parallelAttempt(_ branches: [CompiledMachine], _ visit: StateVisit, flow: inout Flow) async -> StateResult {
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
        // results and the others continue from their last event (see `ResumedChildren`).
        let resumed = flow.isRoot && store != nil ? Self.resumedBranches(branches, history, visit) : nil
        let started = resumed?.startedEventId ?? record(.parallelStateStarted, .none, flow: &flow)
        let childFlow = Flow(variables: flow.variables, lastEventId: started, mapIterationIndex: flow.mapIterationIndex)
        var results = [JSON](repeating: .null, count: branches.count)
        for (i, output) in resumed?.ended ?? [:] { if let output, results.indices.contains(i) { results[i] = output } }
        /// Whether branch `i` still has to run, and the flow it continues.
        func branchFlow(_ i: Int) -> Flow? {
            if resumed?.ended[i] != nil { return nil }
            var flow = childFlow
            if let last = resumed?.lastEvent[i] { flow.lastEventId = last }
            return flow
        }
        var failure: ExecutionFailure?
        var failureLink = 0
        var stopped = false
        if branches.allSatisfy(\.isSynchronous) {
            // No branch waits: run them in order on this actor, without a task each.
            for (i, branch) in branches.enumerated() {
                guard var branchFlow = branchFlow(i) else { continue }
                switch await runMachine(branch, input: effective, flow: &branchFlow) {
                case .succeeded(let output): results[i] = output
                case .failed(let branchFailure):
                    failure = branchFailure
                    failureLink = branchFlow.lastEventId
                case .stopped: stopped = true
                }
                if failure != nil || stopped { break }
            }
        } else {
            (results, failure, failureLink, stopped) = await withTaskGroup(of: (Int, Outcome, Int).self) { group in
                var results = results
                var failure: ExecutionFailure?
                var failureLink = 0
                var stopped = false
                for (i, branch) in branches.enumerated() {
                    guard let childFlow = branchFlow(i) else { continue }
                    group.addTask {
                        let (outcome, flow) = await self.runChild(branch, input: effective, flow: childFlow)
                        return (i, outcome, flow.lastEventId)
                    }
                }
                for await (i, outcome, last) in group {
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
                return (results, failure, failureLink, stopped)
            }
        }
        flow.lastEventId = history.count
        if let failure {
            // As for Map: the failed event links to the failing branch's last state event.
            flow.lastEventId = failureLink
            record(.parallelStateFailed, .none, flow: &flow)
            return .failed(failure)
        }
        if stopped || mustStop() { return .stopped }
        // AWS links ParallelStateSucceeded and ParallelStateExited both to the last branch event.
        let link = flow.lastEventId
        record(.parallelStateSucceeded, .none, flow: &flow)
        flow.lastEventId = link
        return completeWithResult(.array(results), visit, context: context, flow: &flow)
    }

    /// The interrupted attempt of this Parallel state before a restart, if the history holds one.
    private static func resumedBranches(_ branches: [CompiledMachine], _ history: [HistoryEvent], _ visit: StateVisit)
        -> ResumedChildren?
    {
        let terminal = branches.map { branch in
            Set(branch.states.filter { state in
                switch state.kind {
                case .choice, .fail: false
                default: state.next == nil
                }
            }.map(\.name))
        }
        return ResumedChildren.parallel(
            history, enteredEventId: visit.enteredEventId, firstStates: branches.map { $0.states[$0.startIndex].name },
            terminalStates: terminal)
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
