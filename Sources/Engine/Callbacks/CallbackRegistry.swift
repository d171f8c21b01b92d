import JSONValue
import Synchronization

/// The meeting point of executions that wait for a task token and the callers that
/// answer them: the open tokens with what was sent to each, the activities with their
/// queues of tasks no worker has taken yet, and the workers long-polling for one.
///
/// One registry belongs to an engine (and the service over it). Executions open a token
/// before they invoke the integration (a fast worker may answer before the invocation
/// returns: its answer waits in the token's mailbox), read their mailbox with `next`, and
/// close the token when the task ends for any reason, after which every call naming it is
/// AWS's TaskTimedOut. Nothing here sleeps: deadlines (HeartbeatSeconds, TimeoutSeconds,
/// GetActivityTask's 60 s) are raced by the caller through the engine's clock, and every
/// wait here ends early when its task is cancelled.
///
/// A `Mutex` rather than an actor, so that an engine resuming executions after a restart
/// can re-open their tokens synchronously, before any caller can send to them.
public final class CallbackRegistry: Sendable {
    private struct Waiter<Value> {
        var id: Int
        var continuation: CheckedContinuation<Value, Never>
    }

    private struct Pending {
        var executionArn: String
        var activityArn: String?
        var input: JSON
        /// A final signal (success or failure) was sent: the token answers TaskTimedOut.
        var answered = false
        var signals: [CallbackSignal] = []
        var waiter: Waiter<CallbackSignal?>?
    }

    private struct Poller {
        var waiter: Waiter<ActivityTask?>
        var activityArn: String
        var workerName: String?
    }

    private struct State {
        var pending: [String: Pending] = [:]
        /// Per activity ARN, the tokens of tasks waiting for a worker, oldest first.
        var queues: [String: [String]] = [:]
        var pollers: [Poller] = []
        /// Tokens whose task ended: a late answer is TaskTimedOut rather than TaskDoesNotExist.
        /// Two generations of at most `closedLimit` each, so a long-lived engine remembers the
        /// recent ones without growing for ever.
        var closed: Set<String> = []
        var closedBefore: Set<String> = []

        mutating func markClosed(_ token: String) {
            if closed.count >= CallbackRegistry.closedLimit {
                closedBefore = closed
                closed = []
            }
            closed.insert(token)
        }

        func wasClosed(_ token: String) -> Bool { closed.contains(token) || closedBefore.contains(token) }
        var activities: [String: Activity] = [:]
        var sequence = 0
        var nextID = 0
        /// Waits cancelled before they were registered.
        var cancelled: Set<Int> = []
    }

    private let state = Mutex(State())
    /// How many ended tokens each generation remembers.
    static let closedLimit = 100_000

    public init() {}

    // MARK: Activities

    /// Creates the activity, or returns the one of that ARN (AWS's idempotency is by name).
    @discardableResult
    public func createActivity(arn: String, name: String, creationDate: Timestamp) -> (Activity, created: Bool) {
        state.withLock { state in
            if let existing = state.activities[arn] { return (existing, false) }
            state.sequence += 1
            let activity = Activity(arn: arn, name: name, creationDate: creationDate, sequence: state.sequence)
            state.activities[arn] = activity
            return (activity, true)
        }
    }

    public func activity(_ arn: String) -> Activity? {
        state.withLock { $0.activities[arn] }
    }

    /// Every activity, oldest first.
    public var activities: [Activity] {
        state.withLock { $0.activities.values.sorted { $0.sequence < $1.sequence } }
    }

    /// Removes the activity; tasks already scheduled on it keep their tokens (they end by
    /// an answer or a timeout, as on AWS). Whether it existed.
    @discardableResult
    public func deleteActivity(_ arn: String) -> Bool {
        state.withLock { $0.activities.removeValue(forKey: arn) != nil }
    }

    // MARK: Tokens (the execution's side)

    /// Opens `token` for an execution. With `activityArn`, the task goes to the first
    /// worker polling that activity, or waits in its queue; `queued: false` re-opens an
    /// activity task a worker already holds (after a restart). Opening an open token
    /// changes nothing.
    func open(_ token: String, executionArn: String, activityArn: String? = nil, input: JSON = .null, queued: Bool = true) {
        let handed: (Poller, ActivityTask)? = state.withLock { state in
            guard state.pending[token] == nil else { return nil }
            state.closed.remove(token)
            state.closedBefore.remove(token)
            state.pending[token] = Pending(executionArn: executionArn, activityArn: activityArn, input: input)
            guard let activityArn, queued else { return nil }
            if let index = state.pollers.firstIndex(where: { $0.activityArn == activityArn }) {
                let poller = state.pollers.remove(at: index)
                let task = Self.start(token, worker: poller.workerName, &state)
                return (poller, task)
            }
            state.queues[activityArn, default: []].append(token)
            return nil
        }
        if let (poller, task) = handed { poller.waiter.continuation.resume(returning: task) }
    }

    /// The next signal sent to `token`, waiting for one; nil when the waiting task is
    /// cancelled or the token is not open.
    func next(_ token: String) async -> CallbackSignal? {
        let id = newID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<CallbackSignal?, Never>) in
                let immediate = state.withLock { state -> CallbackSignal?? in
                    if state.cancelled.remove(id) != nil { return .some(nil) }
                    guard state.pending[token] != nil else { return .some(nil) }
                    if let signal = state.pending[token]?.signals.first {
                        state.pending[token]?.signals.removeFirst()
                        return .some(signal)
                    }
                    state.pending[token]?.waiter = Waiter(id: id, continuation: continuation)
                    return .none
                }
                if case .some(let signal) = immediate { continuation.resume(returning: signal) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter<CallbackSignal?>? in
                if let waiter = state.pending[token]?.waiter, waiter.id == id {
                    state.pending[token]?.waiter = nil
                    return waiter
                }
                state.cancelled.insert(id)
                return nil
            }
            waiter?.continuation.resume(returning: nil)
        }
    }

    /// The oldest signal sent to `token` and not read yet, without waiting: a wait whose
    /// deadline came reads it before concluding that the task timed out.
    func takeSignal(_ token: String) -> CallbackSignal? {
        state.withLock { state in
            guard let first = state.pending[token]?.signals.first else { return nil }
            state.pending[token]?.signals.removeFirst()
            return first
        }
    }

    /// Ends `token`: later calls naming it are TaskTimedOut.
    func close(_ token: String) {
        let waiter = state.withLock { state -> Waiter<CallbackSignal?>? in
            guard let pending = state.pending.removeValue(forKey: token) else { return nil }
            if let activityArn = pending.activityArn { state.queues[activityArn]?.removeAll { $0 == token } }
            state.markClosed(token)
            return pending.waiter
        }
        waiter?.continuation.resume(returning: nil)
    }

    /// Whether `token` is open (tests and diagnostics).
    public func isOpen(_ token: String) -> Bool {
        state.withLock { $0.pending[token] != nil }
    }

    // MARK: Tokens (the callers' side)

    /// SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: hands `signal` to the task
    /// that waits for `token`. (`started` comes only from `poll`; sent here it is refused
    /// as the token's misuse.)
    public func send(_ signal: CallbackSignal, to token: String) throws(CallbackError) {
        guard TaskToken(text: token) != nil else { throw .invalidToken }
        if case .started = signal { throw .invalidToken }
        let waiter = try state.withLock { state throws(CallbackError) -> Waiter<CallbackSignal?>? in
            guard let pending = state.pending[token] else {
                throw state.wasClosed(token) ? .taskTimedOut : .taskDoesNotExist
            }
            guard !pending.answered else { throw .taskTimedOut }
            if signal.isFinal {
                state.pending[token]?.answered = true
                if let activityArn = pending.activityArn { state.queues[activityArn]?.removeAll { $0 == token } }
            }
            if let waiter = pending.waiter {
                state.pending[token]?.waiter = nil
                return waiter
            }
            state.pending[token]?.signals.append(signal)
            return nil
        }
        waiter?.continuation.resume(returning: signal)
    }

    // MARK: Workers

    /// GetActivityTask: the oldest task of the activity no worker has taken, waiting for
    /// one to be scheduled; nil when the waiting task is cancelled (the caller's deadline).
    /// Taking a task sends `started(workerName)` to its execution.
    public func poll(_ activityArn: String, workerName: String?) async -> ActivityTask? {
        let id = newID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ActivityTask?, Never>) in
                let immediate = state.withLock { state -> ActivityTask?? in
                    if state.cancelled.remove(id) != nil { return .some(nil) }
                    if let token = state.queues[activityArn]?.first {
                        state.queues[activityArn]?.removeFirst()
                        return .some(Self.start(token, worker: workerName, &state))
                    }
                    state.pollers.append(Poller(
                        waiter: Waiter(id: id, continuation: continuation), activityArn: activityArn,
                        workerName: workerName))
                    return .none
                }
                if case .some(let task) = immediate { continuation.resume(returning: task) }
            }
        } onCancel: {
            let poller = state.withLock { state -> Poller? in
                if let index = state.pollers.firstIndex(where: { $0.waiter.id == id }) {
                    return state.pollers.remove(at: index)
                }
                state.cancelled.insert(id)
                return nil
            }
            poller?.waiter.continuation.resume(returning: nil)
        }
    }

    /// How many workers are polling (tests wait for a poll to be in place).
    public var pollerCount: Int { state.withLock { $0.pollers.count } }

    /// Hands the task of `token` to a worker: its started signal goes to the execution.
    private static func start(_ token: String, worker: String?, _ state: inout State) -> ActivityTask {
        let input = state.pending[token]?.input ?? .null
        let signal = CallbackSignal.started(workerName: worker)
        if let waiter = state.pending[token]?.waiter {
            state.pending[token]?.waiter = nil
            // Taken off under the lock, so resumed exactly once; resuming only schedules
            // the waiting task, it never runs code that could take this lock again.
            waiter.continuation.resume(returning: signal)
        } else {
            state.pending[token]?.signals.append(signal)
        }
        return ActivityTask(taskToken: token, input: input)
    }

    private func newID() -> Int {
        state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
    }
}
