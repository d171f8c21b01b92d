public import JSONValue
import Synchronization

/// A task invoker fed from data, in AWS Step Functions Local's mock format:
///
///     {"StateMachines": {"Order": {"TestCases": {"HappyPath": {"Charge": "ChargeOK"}}}},
///      "MockedResponses": {"ChargeOK": {"0": {"Throw": {"Error": "Busy", "Cause": "try later"}},
///                                       "1-2": {"Return": {"charged": true}}}}}
///
/// Each state's invocations are counted from 0; the key whose number or range covers
/// the count answers. A state with no mocked response fails with `States.TaskFailed`.
public final class MockTaskInvoker: TaskInvoking {
    /// Responses per state name, each a list of (first, last, response) invocation ranges.
    private let responses: [String: [(ClosedRange<Int>, TaskOutcome)]]
    private let counts = Mutex<[String: Int]>([:])

    /// `configuration` is a whole mock file; `stateMachine` and `testCase` select the entry.
    public init(configuration: JSON, stateMachine: String, testCase: String) {
        var table: [String: [(ClosedRange<Int>, TaskOutcome)]] = [:]
        let cases = configuration["StateMachines"]?[stateMachine]?["TestCases"]?[testCase]?.objectValue ?? JSONObject()
        for (state, responseName) in cases {
            guard let name = responseName.stringValue,
                let entries = configuration["MockedResponses"]?[name]?.objectValue
            else { continue }
            table[state] = MockTaskInvoker.ranges(entries)
        }
        responses = table
    }

    /// Responses given directly: state name → invocation ranges (`"0"`, `"1-2"`) → response.
    public init(responses: [String: JSON]) {
        var table: [String: [(ClosedRange<Int>, TaskOutcome)]] = [:]
        for (state, entries) in responses {
            table[state] = MockTaskInvoker.ranges(entries.objectValue ?? JSONObject())
        }
        self.responses = table
    }

    private static func ranges(_ entries: JSONObject) -> [(ClosedRange<Int>, TaskOutcome)] {
        var out: [(ClosedRange<Int>, TaskOutcome)] = []
        for (key, response) in entries {
            let bounds = key.split(separator: "-").compactMap { Int($0) }
            guard let first = bounds.first, let last = bounds.last, first <= last else { continue }
            if let value = response["Return"] {
                out.append((first...last, .success(value)))
            } else if let thrown = response["Throw"] {
                out.append((first...last, .failure(ExecutionFailure(
                    error: thrown["Error"]?.stringValue ?? StatesError.taskFailed, cause: thrown["Cause"]?.stringValue))))
            }
        }
        return out
    }

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        let index = counts.withLock { counts -> Int in
            let n = counts[request.stateName, default: 0]
            counts[request.stateName] = n + 1
            return n
        }
        guard let entries = responses[request.stateName] else {
            return .failure(ExecutionFailure(
                error: StatesError.taskFailed, cause: "No mocked response for the state '\(request.stateName)'"))
        }
        if let hit = entries.first(where: { $0.0.contains(index) }) { return hit.1 }
        // Past the last range, Step Functions Local repeats the last response.
        return entries.max(by: { $0.0.upperBound < $1.0.upperBound })?.1
            ?? .failure(ExecutionFailure(error: StatesError.taskFailed, cause: "No mocked response for invocation \(index)"))
    }
}
