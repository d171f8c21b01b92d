public import JSONValue

/// A `Map` state: runs its item processor once per item of an array (inline), or as
/// child executions over items read from S3 (distributed).
public struct MapState: Sendable, Hashable {
    public var common: StateCommon
    public var transition: Transition
    /// `ItemProcessor`, or the legacy `Iterator` (then always inline).
    public var itemProcessor: StateMachine
    public var processorConfig: ProcessorConfig
    public var itemsPath: String?
    /// JSONata mode: the array, or an expression producing it.
    public var items: JSON?
    /// `ItemSelector`, or the legacy `Parameters` of a Map state.
    public var itemSelector: JSON?
    public var maxConcurrency: NumberSetting?
    public var toleratedFailurePercentage: NumberSetting?
    public var toleratedFailureCount: NumberSetting?
    /// Distributed mode: where items come from, how they are batched, where results go
    /// (kept as JSON until the engine runs distributed maps).
    public var itemReader: JSON?
    public var itemBatcher: JSON?
    public var resultWriter: JSON?
    public var label: String?
    public var retry: [Retrier]
    public var `catch`: [Catcher]

    public init(
        common: StateCommon, transition: Transition, itemProcessor: StateMachine,
        processorConfig: ProcessorConfig = ProcessorConfig(), itemsPath: String? = nil, items: JSON? = nil,
        itemSelector: JSON? = nil, maxConcurrency: NumberSetting? = nil,
        toleratedFailurePercentage: NumberSetting? = nil, toleratedFailureCount: NumberSetting? = nil,
        itemReader: JSON? = nil, itemBatcher: JSON? = nil, resultWriter: JSON? = nil, label: String? = nil,
        retry: [Retrier] = [], catch: [Catcher] = []
    ) {
        self.common = common
        self.transition = transition
        self.itemProcessor = itemProcessor
        self.processorConfig = processorConfig
        self.itemsPath = itemsPath
        self.items = items
        self.itemSelector = itemSelector
        self.maxConcurrency = maxConcurrency
        self.toleratedFailurePercentage = toleratedFailurePercentage
        self.toleratedFailureCount = toleratedFailureCount
        self.itemReader = itemReader
        self.itemBatcher = itemBatcher
        self.resultWriter = resultWriter
        self.label = label
        self.retry = retry
        self.catch = `catch`
    }
}

/// `ItemProcessor.ProcessorConfig`: inline or distributed, and the child execution type.
public struct ProcessorConfig: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case inline = "INLINE"
        case distributed = "DISTRIBUTED"
    }

    public var mode: Mode
    /// Distributed mode only: the type of the child executions.
    public var executionType: StateMachineType?

    public init(mode: Mode = .inline, executionType: StateMachineType? = nil) {
        self.mode = mode
        self.executionType = executionType
    }
}
