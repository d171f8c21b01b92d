import ASLModel
import Engine
import EngineStore
import Foundation
import JSONValue
import Synchronization
import Testing
import Validation

/// A temporary directory per test, a workflow compiler, and waits that yield (never sleep)
/// until an execution reaches the point a test stops it at.
struct StoreHarness {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var databasePath: String { directory.appendingPathComponent("executions.sqlite").path }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static func workflow(_ definition: String, type: StateMachineType = .standard) throws -> CompiledWorkflow {
        let document = try JSONParser.parseDocument(definition, file: "test.asl.json")
        let result = Validator().validate(document, options: ValidationOptions(type: type, includeWarnings: false))
        guard let workflow = result.workflow else {
            Issue.record("definition is invalid: \(result.diagnostics.map(\.message))")
            throw StoreTestError.invalid
        }
        return ExecutionEngine().compile(workflow)
    }

    /// Yields until `condition` holds; fails the test rather than spin forever.
    static func yield(until condition: () -> Bool) async throws {
        for _ in 0..<1_000_000 {
            if condition() { return }
            await Task.yield()
        }
        Issue.record("the execution never reached the expected point")
        throw StoreTestError.stuck
    }

    /// Polls the history the file holds for `arn` until `condition` holds, through one reading
    /// store opened once. (Opening a store per poll ran its migration check, a write lock,
    /// thousands of times a second: under a loaded test run the engine's own commit kept
    /// meeting that lock and the wait never ended.)
    static func waitForStoredHistory(
        _ path: String, _ arn: String, until condition: ([HistoryEvent]) -> Bool
    ) async throws {
        let reader = try SQLiteExecutionStore(path: path, backgroundCheckpoints: false)
        defer { reader.close() }
        for _ in 0..<60_000 {
            if condition((try? reader.history(of: arn)) ?? []) { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        Issue.record("the store never held the expected history")
        throw StoreTestError.stuck
    }

    /// Event ids 1…n, each once, in order.
    static func isGapFree(_ history: [HistoryEvent]) -> Bool {
        !history.isEmpty && history.enumerated().allSatisfy { $0.offset + 1 == $0.element.id }
    }
}

enum StoreTestError: Error { case invalid, stuck }

/// Answers every task with its parameters and counts the calls.
final class EchoInvoker: TaskInvoking {
    let calls = Mutex(0)
    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        calls.withLock { $0 += 1 }
        return .success(request.parameters)
    }
}

/// A task that never finishes (it waits on a clock nobody advances): the engine "crashes"
/// with it in flight.
final class HangingInvoker: TaskInvoking {
    let calls = Mutex(0)
    let clock = ManualClock()
    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        calls.withLock { $0 += 1 }
        await clock.sleep(until: Timestamp(millisecondsSinceEpoch: .max))
        return .failure(ExecutionFailure(error: "Hung", cause: nil))
    }
}
