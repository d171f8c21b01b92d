import Diagnostics
public import JSONValue

/// A mock file in AWS Step Functions Local's format, checked once when read:
///
///     {"StateMachines": {"Order": {"TestCases": {"HappyPath": {"Charge": "ChargeOK"}}}},
///      "MockedResponses": {"ChargeOK": {"0": {"Throw": {"Error": "Busy", "Cause": "try later"}},
///                                       "1-2": {"Return": {"charged": true}}}}}
///
/// A test case maps state names to mocked responses; a response answers a state's
/// invocations by index (from 0): a key `"N"` answers invocation N, `"N-M"` the range, and
/// past the last key the last response repeats, as Step Functions Local does.
///
/// Beyond Step Functions Local, a test case key may name one Map iteration:
/// `"Transform[2]"` mocks the state `Transform` in iteration 2 of its innermost Map (and
/// counts that iteration's invocations on their own); `"Transform"` still mocks the others.
public struct MockConfiguration: Sendable {
    /// State machine name → test case name → state key → mocked response name.
    public var stateMachines: [String: [String: [String: String]]]
    public var responses: [String: MockedResponse]

    /// One mocked response: the answers of a state's invocations by index.
    public struct MockedResponse: Sendable {
        public var answers: [(invocations: ClosedRange<Int>, outcome: TaskOutcome)]

        /// The answer to the invocation `index`; past the last range, the last answer.
        public func outcome(at index: Int) -> TaskOutcome? {
            if let hit = answers.first(where: { $0.invocations.contains(index) }) { return hit.outcome }
            return answers.max(by: { $0.invocations.upperBound < $1.invocations.upperBound })?.outcome
        }
    }

    public init(stateMachines: [String: [String: [String: String]]] = [:], responses: [String: MockedResponse] = [:]) {
        self.stateMachines = stateMachines
        self.responses = responses
    }

    /// Reads a whole mock file; every problem found is reported, each at its JSON path.
    public init(parsing json: JSON, file: String? = nil) throws(MockConfigurationError) {
        var problems: [MockConfigurationError.Problem] = []
        func problem(_ path: String, _ message: String) { problems.append(.init(path: path, message: message)) }
        guard case .object(let root) = json else {
            throw MockConfigurationError(file: file, problems: [.init(path: "$", message: "a mock file is a JSON object with 'StateMachines' and 'MockedResponses'")])
        }
        for (key, _) in root where key != "StateMachines" && key != "MockedResponses" {
            problem("$.\(key)", "unknown field '\(key)'\(Suggestion.didYouMean(key, in: ["StateMachines", "MockedResponses"]))")
        }
        var responses: [String: MockedResponse] = [:]
        if let mocked = root["MockedResponses"] {
            if case .object(let all) = mocked {
                for (name, value) in all {
                    responses[name] = Self.response(value, at: "$.MockedResponses.\(name)", problem)
                }
            } else {
                problem("$.MockedResponses", "'MockedResponses' must be an object of named responses")
            }
        }
        var machines: [String: [String: [String: String]]] = [:]
        if let declared = root["StateMachines"] {
            if case .object(let all) = declared {
                for (machine, value) in all {
                    let path = "$.StateMachines.\(machine)"
                    guard case .object(let cases)? = value["TestCases"] else {
                        problem("\(path).TestCases", "state machine '\(machine)' needs an object 'TestCases'")
                        continue
                    }
                    var table: [String: [String: String]] = [:]
                    for (testCase, states) in cases {
                        let casePath = "\(path).TestCases.\(testCase)"
                        guard case .object(let entries) = states else {
                            problem(casePath, "test case '\(testCase)' must map state names to mocked response names")
                            continue
                        }
                        var mapping: [String: String] = [:]
                        for (state, response) in entries {
                            guard let name = response.stringValue else {
                                problem("\(casePath).\(state)", "the state '\(state)' must name a mocked response (a string)")
                                continue
                            }
                            if responses[name] == nil, root["MockedResponses"]?[name] == nil {
                                problem(
                                    "\(casePath).\(state)",
                                    "the mocked response '\(name)' is not defined in 'MockedResponses'\(Suggestion.didYouMean(name, in: responses.keys))")
                            }
                            mapping[state] = name
                        }
                        table[testCase] = mapping
                    }
                    machines[machine] = table
                }
            } else {
                problem("$.StateMachines", "'StateMachines' must be an object of state machine names")
            }
        }
        guard problems.isEmpty else { throw MockConfigurationError(file: file, problems: problems) }
        self.init(stateMachines: machines, responses: responses)
    }

    /// One named response: `{"0": {"Return": …}, "1-2": {"Throw": {"Error": …, "Cause": …}}}`.
    private static func response(
        _ value: JSON, at path: String, _ problem: (String, String) -> Void
    ) -> MockedResponse? {
        guard case .object(let entries) = value, !entries.isEmpty else {
            problem(path, "a mocked response maps invocation indexes (\"0\", \"1-2\") to a 'Return' or a 'Throw'")
            return nil
        }
        var answers: [(ClosedRange<Int>, TaskOutcome)] = []
        for (key, entry) in entries {
            let entryPath = "\(path).\(key)"
            let bounds = key.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard (1...2).contains(bounds.count), let first = bounds.first ?? nil, let last = bounds.last ?? nil,
                first >= 0, first <= last
            else {
                problem(entryPath, "'\(key)' is not an invocation index or range such as \"0\" or \"1-2\"")
                continue
            }
            if let overlap = answers.first(where: { $0.0.overlaps(first...last) }) {
                problem(entryPath, "the invocations \(key) overlap the range \(overlap.0.lowerBound)-\(overlap.0.upperBound)")
                continue
            }
            switch (entry["Return"], entry["Throw"]) {
            case (let value?, nil):
                answers.append((first...last, .success(value)))
            case (nil, let thrown?):
                guard let error = thrown["Error"]?.stringValue else {
                    problem("\(entryPath).Throw.Error", "a 'Throw' needs a string 'Error'")
                    continue
                }
                if let cause = thrown["Cause"], cause.stringValue == nil {
                    problem("\(entryPath).Throw.Cause", "'Cause' must be a string")
                    continue
                }
                answers.append((first...last, .failure(ExecutionFailure(error: error, cause: thrown["Cause"]?.stringValue))))
            default:
                problem(entryPath, "each invocation needs exactly one of 'Return' or 'Throw'")
            }
        }
        return MockedResponse(answers: answers.sorted { $0.0.lowerBound < $1.0.lowerBound })
    }

    /// The test case's state → response table, when the file has it.
    public func testCase(_ name: String, of stateMachine: String) -> [String: String]? {
        stateMachines[stateMachine]?[name]
    }

    /// Test case keys of `stateMachine` that name no state among `stateNames` (typos, or
    /// states that were renamed): one message each, with the nearest state name.
    public func unknownStates(of stateMachine: String, stateNames: Set<String>) -> [String] {
        var messages: [String] = []
        for (testCase, entries) in (stateMachines[stateMachine] ?? [:]).sorted(by: { $0.key < $1.key }) {
            for key in entries.keys.sorted() {
                let state = Self.stateName(ofKey: key)
                guard !stateNames.contains(state) else { continue }
                messages.append(
                    "test case '\(testCase)' of '\(stateMachine)' mocks the state '\(state)', which the state machine does not have\(Suggestion.didYouMean(state, in: stateNames))")
            }
        }
        return messages
    }

    /// `unknownStates(of:stateNames:)` for a definition (its nested states included), as
    /// `sfn validate --env local` checks a rendered workflow against the mock file.
    public func unknownStates(of stateMachine: String, in definition: JSON) -> [String] {
        unknownStates(of: stateMachine, stateNames: Self.stateNames(definition))
    }

    /// Every state name of a definition: top level, Parallel branches and Map processors.
    static func stateNames(_ definition: JSON) -> Set<String> {
        var names: Set<String> = []
        for (name, state) in definition["States"]?.objectValue ?? [:] {
            names.insert(name)
            for branch in state["Branches"]?.arrayValue ?? [] { names.formUnion(stateNames(branch)) }
            if let processor = state["ItemProcessor"] ?? state["Iterator"] { names.formUnion(stateNames(processor)) }
        }
        return names
    }

    /// `"Transform[2]"` → `"Transform"`; any other key is the state's name itself.
    public static func stateName(ofKey key: String) -> String {
        guard key.hasSuffix("]"), let open = key.lastIndex(of: "["),
            Int(key[key.index(after: open)..<key.index(before: key.endIndex)]) != nil
        else { return key }
        return String(key[..<open])
    }
}

/// Problems in a mock file, each at its JSON path (`$.MockedResponses.ChargeOK.1-2`).
public struct MockConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The file the configuration came from, when it came from one.
    public var file: String?
    public var problems: [Problem]

    public struct Problem: Sendable, Hashable {
        public var path: String
        public var message: String
    }

    public var description: String {
        let prefix = file.map { "\($0): " } ?? ""
        return problems.map { "\(prefix)\($0.path): \($0.message)" }.joined(separator: "\n")
    }
}
