/// One state of a state machine: one case per ASL state type.
public enum State: Sendable, Hashable {
    case task(TaskState)
    case pass(PassState)
    case choice(ChoiceState)
    case wait(WaitState)
    case succeed(SucceedState)
    case fail(FailState)
    case parallel(ParallelState)
    case map(MapState)

    /// The ASL `Type` names, as written in definitions.
    public static let typeNames = ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"]

    public var name: String { common.name }
    public var comment: String? { common.comment }
    public var queryLanguage: QueryLanguage { common.queryLanguage }

    /// The ASL `Type` of this state.
    public var typeName: String {
        switch self {
        case .task: "Task"
        case .pass: "Pass"
        case .choice: "Choice"
        case .wait: "Wait"
        case .succeed: "Succeed"
        case .fail: "Fail"
        case .parallel: "Parallel"
        case .map: "Map"
        }
    }

    /// The fields every state has.
    public var common: StateCommon {
        switch self {
        case .task(let s): s.common
        case .pass(let s): s.common
        case .choice(let s): s.common
        case .wait(let s): s.common
        case .succeed(let s): s.common
        case .fail(let s): s.common
        case .parallel(let s): s.common
        case .map(let s): s.common
        }
    }

    /// `Next`/`End`; nil for Choice, Succeed and Fail, which never have one.
    public var transition: Transition? {
        switch self {
        case .task(let s): s.transition
        case .pass(let s): s.transition
        case .wait(let s): s.transition
        case .parallel(let s): s.transition
        case .map(let s): s.transition
        case .choice, .succeed, .fail: nil
        }
    }
}

/// What every state carries regardless of its type.
public struct StateCommon: Sendable, Hashable {
    public var name: String
    public var comment: String?
    /// The state's own `QueryLanguage`, or the machine's when it names none.
    public var queryLanguage: QueryLanguage
    public var io: StateIO

    public init(name: String, comment: String? = nil, queryLanguage: QueryLanguage = .jsonPath, io: StateIO = StateIO()) {
        self.name = name
        self.comment = comment
        self.queryLanguage = queryLanguage
        self.io = io
    }
}
