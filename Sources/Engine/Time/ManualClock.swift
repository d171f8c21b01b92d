import Synchronization

/// A clock for tests: time stands still until the test calls `advance(by…:)`, which
/// wakes every sleeper whose deadline has passed. Nothing here sleeps for real; a
/// cancelled sleeper (a timeout that lost its race, a stopped execution) wakes at once.
public final class ManualClock: EngineClock {
    private struct Sleeper {
        var id: Int
        var deadline: Timestamp
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now: Timestamp
        var sleepers: [Sleeper] = []
        var nextID = 0
        /// Sleepers cancelled before they were registered.
        var cancelled: Set<Int> = []
    }

    private let state: Mutex<State>

    public init(start: Timestamp = Timestamp(millisecondsSinceEpoch: 1_704_067_200_000)) {
        state = Mutex(State(now: start))
    }

    public func now() -> Timestamp { state.withLock { $0.now } }

    /// How many tasks are waiting for a deadline: a test advances once a Wait is reached.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Timestamp) async {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if deadline <= state.now || state.cancelled.remove(id) != nil { return true }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                if let i = state.sleepers.firstIndex(where: { $0.id == id }) { return state.sleepers.remove(at: i) }
                state.cancelled.insert(id)
                return nil
            }
            sleeper?.continuation.resume()
        }
    }

    /// Moves time forward and wakes the sleepers that are due.
    public func advance(byMilliseconds milliseconds: Int64) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.adding(milliseconds: milliseconds)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    public func advance(bySeconds seconds: Int64) { advance(byMilliseconds: seconds * 1000) }
}
