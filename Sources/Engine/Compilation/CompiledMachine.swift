import ASLModel
import Intrinsics
import Synchronization
import JSONPath
import JSONValue

/// A state machine (or a Parallel branch, or a Map item processor) ready to run:
/// states in an array, transitions as indexes, every path and template parsed.
/// Immutable and shared by every execution of the workflow.
final class CompiledMachine: Sendable {
    let states: [CompiledState]
    let startIndex: Int
    let timeoutSeconds: Int?

    /// Whether no state here can wait (only Pass, Choice, Succeed, Fail): such a machine
    /// runs to its end without suspending, so Map and Parallel need no task for it.
    let isSynchronous: Bool

    /// How many history events this machine's last execution recorded (at most 65,536):
    /// the next one reserves that much room at once. A hint shared by every execution.
    var expectedEvents: Int {
        get { max(64, lastEventCount.load(ordering: .relaxed)) }
        set { lastEventCount.store(min(newValue, 65_536), ordering: .relaxed) }
    }
    private let lastEventCount = Atomic<Int>(0)

    init(states: [CompiledState], startIndex: Int, timeoutSeconds: Int?) {
        self.isSynchronous = states.allSatisfy { state in
            switch state.kind {
            case .pass, .choice, .succeed, .fail: true
            default: false
            }
        }
        self.states = states
        self.startIndex = startIndex
        self.timeoutSeconds = timeoutSeconds
    }
}

/// A `…Path` field: absent (`$`), `null`, or a parsed path.
enum PathField: Sendable {
    case absent
    case null
    case path(JSONPath)
}

/// A numeric setting: absent, literal, or read from the input by a `…Path` field.
enum NumberField: Sendable {
    case absent
    case value(Double)
    case path(JSONPath, field: String)
}

/// A Fail state's `Error`/`Cause`: a literal, or an `ErrorPath`/`CausePath` expression.
enum StringField: Sendable {
    case literal(String)
    case expression(PayloadExpression, field: String)
}

struct CompiledCatcher: Sendable {
    var errorEquals: [String]
    var next: Int
    var resultPath: PathField
    var assign: PayloadTemplate?
}

/// One state, compiled. A class so that visiting a state copies one reference, not
/// a dozen fields.
final class CompiledState: Sendable {
    enum Kind: Sendable {
        case pass(result: JSON?)
        case task(CompiledTask)
        case choice(branches: [(rule: CompiledRule, next: Int, assign: PayloadTemplate?)], defaultIndex: Int?)
        case wait(CompiledWait)
        case succeed
        case fail(error: StringField?, cause: StringField?)
        case parallel(branches: [CompiledMachine])
        case map(CompiledMap)
    }

    let name: String
    let typeName: String
    let kind: Kind
    /// The next state's index; nil for `End` (and for Choice, Succeed, Fail).
    let next: Int?
    let inputPath: PathField
    let outputPath: PathField
    let resultPath: PathField
    let parameters: PayloadTemplate?
    let resultSelector: PayloadTemplate?
    let assign: PayloadTemplate?
    let retriers: [Retrier]
    let catchers: [CompiledCatcher]
    /// Whether a path or template of this state reads `$$`: only then is it built.
    let readsContext: Bool
    /// Whether every `$$` reference of this state is into `$$.State`: then the context
    /// object is built without the execution and machine parts.
    let readsOnlyStateContext: Bool
    /// The state's entered and exited event types, decided once rather than per visit.
    let enteredType: HistoryEventType
    let exitedType: HistoryEventType
    /// `InputPath`, `OutputPath` and `ResultPath` walked directly when they are plain names
    /// and indexes (nil when absent, null or of another shape: the general path serves).
    let inputFast: FastPath?
    let outputFast: FastPath?
    let resultFast: FastPath?

    init(
        name: String, typeName: String, kind: Kind, next: Int?, inputPath: PathField, outputPath: PathField,
        resultPath: PathField, parameters: PayloadTemplate?, resultSelector: PayloadTemplate?, assign: PayloadTemplate?,
        retriers: [Retrier], catchers: [CompiledCatcher], readsContext: Bool, readsOnlyStateContext: Bool = false
    ) {
        self.readsOnlyStateContext = readsOnlyStateContext
        self.name = name
        self.typeName = typeName
        self.kind = kind
        self.next = next
        self.inputPath = inputPath
        self.outputPath = outputPath
        self.resultPath = resultPath
        self.parameters = parameters
        self.resultSelector = resultSelector
        self.assign = assign
        self.retriers = retriers
        self.catchers = catchers
        self.readsContext = readsContext
        self.enteredType = .entered(typeName)
        self.exitedType = .exited(typeName)
        self.inputFast = FastPath(inputPath)
        self.outputFast = FastPath(outputPath)
        self.resultFast = FastPath(resultPath)
    }
}

struct CompiledTask: Sendable {
    var resource: String
    var timeout: NumberField
    var heartbeat: NumberField
    var pattern: IntegrationPattern
}

enum CompiledWait: Sendable {
    case seconds(Int64)
    case secondsPath(JSONPath)
    case timestamp(Timestamp)
    case timestampPath(JSONPath)
}

struct CompiledMap: Sendable {
    var processor: CompiledMachine
    var itemsPath: PathField
    var itemSelector: PayloadTemplate?
    var maxConcurrency: NumberField
    var toleratedFailurePercentage: NumberField
    var toleratedFailureCount: NumberField
    var distributed: Bool
    var batchMaxItems: Int?
    var batchInput: PayloadTemplate?
    /// Set in `DISTRIBUTED` mode: the Map runs as a Map Run of child executions.
    var distributedConfig: DistributedMapConfig? = nil
}

/// A JSONPath Choice rule with its paths parsed (and walked directly where they are plain).
indirect enum CompiledRule: Sendable {
    case compare(variable: FastPath, test: ChoiceTest, operand: ChoiceOperand)
    case and([CompiledRule])
    case or([CompiledRule])
    case not(CompiledRule)
}

enum ChoiceOperand: Sendable {
    case literal(JSON)
    case path(FastPath)
}

/// What a comparison tests, decoded from the operator's name once.
enum ChoiceTest: Sendable {
    enum Relation: Sendable { case equals, lessThan, greaterThan, lessThanEquals, greaterThanEquals }
    case string(Relation)
    case numeric(Relation)
    case timestamp(Relation)
    case boolean
    case matches
    case isNull, isPresent, isNumeric, isString, isBoolean, isTimestamp

    init?(name: String) {
        let base = name.hasSuffix("Path") ? String(name.dropLast(4)) : name
        switch base {
        case "BooleanEquals": self = .boolean
        case "StringMatches": self = .matches
        case "IsNull": self = .isNull
        case "IsPresent": self = .isPresent
        case "IsNumeric": self = .isNumeric
        case "IsString": self = .isString
        case "IsBoolean": self = .isBoolean
        case "IsTimestamp": self = .isTimestamp
        default:
            for (prefix, make) in [("String", ChoiceTest.string), ("Numeric", ChoiceTest.numeric), ("Timestamp", ChoiceTest.timestamp)]
            where base.hasPrefix(prefix) {
                let relations: [String: Relation] = [
                    "Equals": .equals, "LessThan": .lessThan, "GreaterThan": .greaterThan,
                    "LessThanEquals": .lessThanEquals, "GreaterThanEquals": .greaterThanEquals,
                ]
                guard let relation = relations[String(base.dropFirst(prefix.count))] else { return nil }
                self = make(relation)
                return
            }
            return nil
        }
    }
}
