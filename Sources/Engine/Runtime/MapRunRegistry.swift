public import ASLModel
import Synchronization

/// The Map Runs of an engine's distributed Map states, and their child executions: what
/// DescribeMapRun, ListMapRuns, UpdateMapRun, ListExecutions by `mapRunArn` and a child's
/// DescribeExecution read. Shared by copies of the engine (a class), so the service sees
/// the runs its executions start.
///
/// The running Map reads `maxConcurrency` and the tolerated failures back before each
/// launch and after each child ends, so an UpdateMapRun takes effect on the run in flight.
/// A durable engine writes each change through its `MapRunStore` and fills the registry
/// again from it when opened (`restore`), so earlier runs stay visible and an interrupted
/// run continues with the children it had.
public final class MapRunRegistry: Sendable {
    private let runs = Mutex<[String: MapRun]>([:])
    private let order = Mutex<[String]>([])
    /// child execution ARN → Map Run ARN.
    private let childIndex = Mutex<[String: String]>([:])
    /// Per running Map Run: the launcher waiting for an UpdateMapRun, or an update it has
    /// not seen yet.
    private let updates = Mutex<[String: UpdateSignal]>([:])

    private struct UpdateSignal {
        var waiter: CheckedContinuation<Bool, Never>?
        var pending = false
        /// Set by `stopWaiting`: every later wait ends at once.
        var closed = false
    }

    public init() {}

    func started(_ run: MapRun) {
        runs.withLock { $0[run.mapRunArn] = run }
        order.withLock { $0.append(run.mapRunArn) }
    }

    /// Runs read back from a store: each replaces one by the same ARN (keeping its place in
    /// the order) or is added after the others.
    public func restore(_ restored: [MapRun]) {
        for run in restored {
            let isNew = runs.withLock { runs in
                defer { runs[run.mapRunArn] = run }
                return runs[run.mapRunArn] == nil
            }
            if isNew { order.withLock { $0.append(run.mapRunArn) } }
            childIndex.withLock { index in
                for child in run.children { index[child.description.executionArn] = run.mapRunArn }
            }
        }
    }

    /// Applies `change` to the run, if there is one.
    func update(_ mapRunArn: String, _ change: (inout MapRun) -> Void) {
        runs.withLock { runs in
            if var run = runs[mapRunArn] {
                change(&run)
                runs[mapRunArn] = run
            }
        }
    }

    /// A child started at `position`: appended after the others, or replacing the one there
    /// (a child resumed or redriven under its ARN, or an Express child started anew).
    func childStarted(_ child: MapRunChild, at position: Int, in mapRunArn: String) {
        childIndex.withLock { $0[child.description.executionArn] = mapRunArn }
        update(mapRunArn) { run in
            if run.children.indices.contains(position) {
                run.children[position] = child
            } else {
                run.children.append(child)
            }
        }
    }

    func childEnded(_ report: ExecutionReport, in mapRunArn: String) {
        update(mapRunArn) { run in
            guard let i = run.children.firstIndex(where: { $0.description.executionArn == report.description.executionArn })
            else { return }
            run.children[i].description = report.description
            run.children[i].history = report.history
        }
    }

    /// A Map Run by ARN.
    public func mapRun(_ mapRunArn: String) -> MapRun? {
        runs.withLock { $0[mapRunArn] }
    }

    /// The Map Runs an execution started, in the order they started.
    public func mapRuns(ofExecution executionArn: String) -> [MapRun] {
        let arns = order.withLock { $0 }
        return runs.withLock { runs in arns.compactMap { runs[$0] }.filter { $0.executionArn == executionArn } }
    }

    /// The Map Runs whose children run the labelled machine `stateMachineArn`, in the order they started.
    public func mapRuns(ofStateMachine stateMachineArn: String) -> [MapRun] {
        let arns = order.withLock { $0 }
        return runs.withLock { runs in arns.compactMap { runs[$0] }.filter { $0.stateMachineArn == stateMachineArn } }
    }

    /// A child execution by its ARN, with the Map Run that started it.
    public func child(_ executionArn: String) -> (MapRun, MapRunChild)? {
        guard let mapRunArn = childIndex.withLock({ $0[executionArn] }), let run = mapRun(mapRunArn),
            let child = run.children.first(where: { $0.description.executionArn == executionArn })
        else { return nil }
        return (run, child)
    }

    /// UpdateMapRun: new settings for a run, nil when there is no such run.
    @discardableResult
    public func reconfigure(
        _ mapRunArn: String, maxConcurrency: Int?, toleratedFailurePercentage: Double?, toleratedFailureCount: Int?
    ) -> MapRun? {
        var updated: MapRun?
        update(mapRunArn) { run in
            if let maxConcurrency { run.maxConcurrency = maxConcurrency }
            if let toleratedFailurePercentage { run.toleratedFailurePercentage = toleratedFailurePercentage }
            if let toleratedFailureCount { run.toleratedFailureCount = toleratedFailureCount }
            updated = run
        }
        if updated != nil { signal(mapRunArn, true) }
        return updated
    }

    /// Waits until an UpdateMapRun changes the run (true) or `stopWaiting` or cancellation
    /// ends the wait (false). One waiter per run at a time.
    func nextUpdate(_ mapRunArn: String) async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let answer: Bool? = updates.withLock { updates in
                    var signal = updates[mapRunArn] ?? UpdateSignal()
                    if signal.closed { return false }
                    if signal.pending {
                        signal.pending = false
                        updates[mapRunArn] = signal
                        return true
                    }
                    if Task.isCancelled { return false }
                    signal.waiter = continuation
                    updates[mapRunArn] = signal
                    return nil
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            signal(mapRunArn, false)
        }
    }

    /// Ends the wait in `nextUpdate` and every later one (the run launched every child, or ended).
    func stopWaiting(_ mapRunArn: String) {
        updates.withLock { $0[mapRunArn, default: UpdateSignal()].closed = true }
        signal(mapRunArn, false)
    }

    private func signal(_ mapRunArn: String, _ value: Bool) {
        let waiter = updates.withLock { updates -> CheckedContinuation<Bool, Never>? in
            var signal = updates[mapRunArn] ?? UpdateSignal()
            let waiter = signal.waiter
            signal.waiter = nil
            // An update nobody waits for yet is kept for the next wait.
            if waiter == nil, value { signal.pending = true }
            updates[mapRunArn] = signal
            return waiter
        }
        waiter?.resume(returning: value)
    }
}

/// One Map Run: a distributed Map state's run of child executions, as DescribeMapRun shows it.
public struct MapRun: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case running = "RUNNING"
        case succeeded = "SUCCEEDED"
        case failed = "FAILED"
        case aborted = "ABORTED"
    }

    /// `arn:aws:states:<region>:<account>:mapRun:<machine>/<label>:<id>`.
    public var mapRunArn: String
    /// The execution whose Map state started the run.
    public var executionArn: String
    /// The item processor as a state machine: `…:stateMachine:<machine>/<label>`.
    public var stateMachineArn: String
    public var status: Status
    public var startDate: Timestamp
    public var stopDate: Timestamp?
    /// 0: no limit.
    public var maxConcurrency: Int
    /// Nil when neither the state nor UpdateMapRun set it (DescribeMapRun shows 0).
    public var toleratedFailurePercentage: Double?
    public var toleratedFailureCount: Int?
    /// Items read (after batching they are shared among fewer executions).
    public var itemCount: Int
    /// Child executions the run will start in all (one per item, or per batch).
    public var executionTotal: Int
    /// Its child executions by position: the first started first.
    public var children: [MapRunChild] = []
    /// How many times a redrive of the parent redrove this run (DescribeMapRun's `redriveCount`).
    public var redriveCount = 0
    /// When it was last redriven (DescribeMapRun's `redriveDate`).
    public var redriveDate: Timestamp?

    public init(
        mapRunArn: String, executionArn: String, stateMachineArn: String, status: Status, startDate: Timestamp,
        stopDate: Timestamp? = nil, maxConcurrency: Int, toleratedFailurePercentage: Double?, toleratedFailureCount: Int?,
        itemCount: Int, executionTotal: Int, children: [MapRunChild] = [], redriveCount: Int = 0,
        redriveDate: Timestamp? = nil
    ) {
        self.mapRunArn = mapRunArn
        self.executionArn = executionArn
        self.stateMachineArn = stateMachineArn
        self.status = status
        self.startDate = startDate
        self.stopDate = stopDate
        self.maxConcurrency = maxConcurrency
        self.toleratedFailurePercentage = toleratedFailurePercentage
        self.toleratedFailureCount = toleratedFailureCount
        self.itemCount = itemCount
        self.executionTotal = executionTotal
        self.children = children
        self.redriveCount = redriveCount
        self.redriveDate = redriveDate
    }

    /// Whether the failures so far exceed what the run tolerates (by items, as AWS counts).
    func isExceeded(failedItems: Int) -> Bool {
        MapTolerance(count: toleratedFailureCount, percentage: toleratedFailurePercentage, total: itemCount)
            .isExceeded(by: failedItems)
    }

    /// Items or executions counted by the state of the child executions that hold them. A
    /// child waiting to be redriven is pending (it has not started again) and pending redrive.
    public func counts(ofItems: Bool) -> (
        pending: Int, running: Int, succeeded: Int, failed: Int, timedOut: Int, aborted: Int, total: Int,
        pendingRedrive: Int
    ) {
        var result = (
            pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total: 0, pendingRedrive: 0
        )
        result.total = ofItems ? itemCount : executionTotal
        var started = 0
        for child in children {
            let n = ofItems ? child.itemCount : 1
            started += n
            switch child.description.status {
            case .running: result.running += n
            case .pendingRedrive:
                result.pending += n
                result.pendingRedrive += n
            case .succeeded: result.succeeded += n
            case .failed: result.failed += n
            case .timedOut: result.timedOut += n
            case .aborted: result.aborted += n
            }
        }
        // Those never started: pending while the run goes on, aborted once it stopped early.
        let unstarted = Swift.max(result.total - started, 0)
        if status == .running { result.pending = unstarted } else { result.aborted += unstarted }
        return result
    }
}

/// A child execution of a Map Run: its description (RUNNING until it ends), the number
/// of items it processes, and its history once it ended.
public struct MapRunChild: Sendable, Hashable {
    public var description: ExecutionDescription
    public var type: StateMachineType
    public var itemCount: Int
    public var history: [HistoryEvent]?
    /// What a redrive of an unsuccessful Standard child starts from when no store keeps it.
    var redriveSource: PersistedExecution?

    public init(description: ExecutionDescription, type: StateMachineType, itemCount: Int, history: [HistoryEvent]? = nil) {
        self.description = description
        self.type = type
        self.itemCount = itemCount
        self.history = history
    }
}
