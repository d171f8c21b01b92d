public import JSONValue
import Synchronization

/// A task invoker fed from a mock file in AWS Step Functions Local's format (see
/// `MockConfiguration`), selecting the test case as Step Functions Local does: by the name
/// after `#` in the state machine ARN at StartExecution (`TaskRequest.testCase`), else by
/// `defaultTestCase`.
///
/// Hybrid runs: a state the test case does not mock goes to `fallback` (the environment's
/// handlers), and so does every task of an execution without a test case. The mocked answer
/// is the task's result or error, so Retry, Catch, ResultSelector and ResultPath apply as
/// usual. Any state can be mocked, whatever its resource (Activity states included).
///
/// Invocations are counted per execution and per test case key, from 0, so that a mocked
/// response's `"0"`, `"1-2"` answer the first, then the second and third attempts.
public final class MockTaskInvoker: ActivityAnswering {
    private enum Selection: Sendable {
        /// The request's test case (or the default) picks the table.
        case byRequest(MockConfiguration, defaultTestCase: String?)
        /// One table for every request, whatever its state machine.
        case fixed([String: MockConfiguration.MockedResponse])
    }

    private let selection: Selection
    /// Where unmocked tasks go; nil fails them with `States.TaskFailed`.
    public let fallback: (any TaskInvoking)?
    private let counts = Mutex<[String: Int]>([:])

    /// Mocks from a whole file; tasks the selected test case does not mock go to `fallback`.
    public init(configuration: MockConfiguration, defaultTestCase: String? = nil, fallback: (any TaskInvoking)? = nil) {
        selection = .byRequest(configuration, defaultTestCase: defaultTestCase)
        self.fallback = fallback
    }

    /// One test case of a mock file for every execution, whatever its state machine;
    /// entries the file gets wrong are left out (use `MockConfiguration(parsing:)` to see them).
    public init(configuration: JSON, stateMachine: String, testCase: String, fallback: (any TaskInvoking)? = nil) {
        let parsed = (try? MockConfiguration(parsing: configuration)) ?? MockConfiguration()
        var table: [String: MockConfiguration.MockedResponse] = [:]
        for (state, name) in parsed.testCase(testCase, of: stateMachine) ?? [:] {
            table[state] = parsed.responses[name]
        }
        selection = .fixed(table)
        self.fallback = fallback
    }

    /// Responses given directly: state key → invocation ranges (`"0"`, `"1-2"`) → response.
    public convenience init(responses: [String: JSON], fallback: (any TaskInvoking)? = nil) {
        var mocked: JSONObject = [:]
        var testCase: JSONObject = [:]
        for (state, entries) in responses {
            mocked[state] = entries
            testCase[state] = .string(state)
        }
        let file: JSON = [
            "StateMachines": ["*": ["TestCases": ["*": .object(testCase)]]], "MockedResponses": .object(mocked),
        ]
        self.init(configuration: file, stateMachine: "*", testCase: "*", fallback: fallback)
    }

    /// Whether the mock (or, unmocked, the fallback) answers the state itself: an Activity
    /// state then needs no worker and a `.waitForTaskToken` state waits for no token.
    public func answers(_ request: TaskRequest) -> Bool {
        if mockedKey(request) != nil { return true }
        // A test case that does not exist fails the task here, rather than leave it waiting.
        if case .byRequest(let configuration, let defaultTestCase) = selection,
            case .failure = Self.select(configuration, request, defaultTestCase: defaultTestCase)
        {
            return true
        }
        return (fallback as? any ActivityAnswering)?.answers(request) == true
    }

    /// The test case key that mocks `request`, if one does.
    private func mockedKey(_ request: TaskRequest) -> String? {
        let table: [String: MockConfiguration.MockedResponse]
        switch selection {
        case .fixed(let fixed): table = fixed
        case .byRequest(let configuration, let defaultTestCase):
            guard case .mocks(let selected) = Self.select(configuration, request, defaultTestCase: defaultTestCase) else {
                return nil
            }
            table = selected
        }
        if let index = request.mapIterationIndex, table["\(request.stateName)[\(index)]"] != nil {
            return "\(request.stateName)[\(index)]"
        }
        return table[request.stateName] != nil ? request.stateName : nil
    }

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        let table: [String: MockConfiguration.MockedResponse]
        switch selection {
        case .fixed(let fixed):
            table = fixed
        case .byRequest(let configuration, let defaultTestCase):
            switch Self.select(configuration, request, defaultTestCase: defaultTestCase) {
            case .mocks(let selected): table = selected
            case .none: return await unmocked(request)
            case .failure(let failure): return .failure(failure)
            }
        }
        var key = request.stateName
        if let index = request.mapIterationIndex, table["\(key)[\(index)]"] != nil { key = "\(key)[\(index)]" }
        guard let response = table[key] else { return await unmocked(request) }
        let invocation = counts.withLock { counts -> Int in
            let counter = "\(request.executionArn)\u{0}\(key)"
            let n = counts[counter, default: 0]
            counts[counter] = n + 1
            return n
        }
        return response.outcome(at: invocation)
            ?? .failure(ExecutionFailure(
                error: StatesError.taskFailed, cause: "The mocked response of the state '\(key)' has no answers"))
    }

    private enum Selected {
        case mocks([String: MockConfiguration.MockedResponse])
        case none
        case failure(ExecutionFailure)
    }

    /// The request's table. A test case named at StartExecution must exist (a typo there
    /// would otherwise run everything unmocked); the default one applies where it exists.
    private static func select(
        _ configuration: MockConfiguration, _ request: TaskRequest, defaultTestCase: String?
    ) -> Selected {
        guard let name = request.testCase ?? defaultTestCase else { return .none }
        let machine = request.stateMachineName
        guard let entries = configuration.testCase(name, of: machine) else {
            guard request.testCase != nil else { return .none }
            let known = configuration.stateMachines[machine].map { Array($0.keys).sorted() }
            let cause =
                if let known {
                    "The mock configuration has no test case '\(name)' for the state machine '\(machine)' (test cases: \(known.joined(separator: ", ")))"
                } else {
                    "The mock configuration has no state machine '\(machine)' (state machines: \(configuration.stateMachines.keys.sorted().joined(separator: ", ")))"
                }
            return .failure(ExecutionFailure(error: StatesError.taskFailed, cause: cause))
        }
        var table: [String: MockConfiguration.MockedResponse] = [:]
        for (state, response) in entries { table[state] = configuration.responses[response] }
        return .mocks(table)
    }

    private func unmocked(_ request: TaskRequest) async -> TaskOutcome {
        if let fallback { return await fallback.invoke(request) }
        return .failure(ExecutionFailure(
            error: StatesError.taskFailed, cause: "No mocked response for the state '\(request.stateName)'"))
    }
}
