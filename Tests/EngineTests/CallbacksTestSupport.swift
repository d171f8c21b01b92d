import Engine
import JSONValue
import Synchronization
import Testing

/// Records every task request (and so every task token) and answers each with a fixed
/// result, as an integration that accepted a `.waitForTaskToken` task would.
final class TokenRecordingInvoker: TaskInvoking {
    let requests = Mutex<[TaskRequest]>([])
    let answer: TaskOutcome

    init(answer: TaskOutcome = .success(["StatusCode": 200])) {
        self.answer = answer
    }

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        requests.withLock { $0.append(request) }
        return answer
    }

    var tokens: [String] { requests.withLock { $0.compactMap(\.taskToken) } }

    /// Yields until the `count`-th token was handed out, and returns it.
    func token(_ count: Int = 1) async throws -> String {
        try await CallbackWait.until { self.tokens.count >= count }
        return tokens[count - 1]
    }
}

/// Waits that yield (never sleep) until an execution reaches the point a test acts at.
enum CallbackWait {
    static func until(_ condition: () -> Bool) async throws {
        for _ in 0..<1_000_000 {
            if condition() { return }
            await Task.yield()
        }
        Issue.record("the execution never reached the expected point")
        throw CallbackWaitError.stuck
    }
}

extension CallbackWait {
    /// Yields until the execution has recorded an event of `type`.
    static func until(_ handle: ExecutionHandle, recorded type: String) async throws {
        for _ in 0..<100_000 {
            if await handle.currentHistory.contains(where: { $0.type.rawValue == type }) { return }
            await Task.yield()
        }
        Issue.record("the execution never recorded \(type)")
        throw CallbackWaitError.stuck
    }
}

enum CallbackWaitError: Error { case stuck }
