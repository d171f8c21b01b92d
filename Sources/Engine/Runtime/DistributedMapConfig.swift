import ASLModel
import JSONValue

/// What a Map state in `DISTRIBUTED` mode adds to an inline one: the child executions'
/// type, the Map Run's label, the batch size in bytes, and where items come from and
/// results go. Built once at compile time.
struct DistributedMapConfig: Sendable {
    /// `ProcessorConfig.ExecutionType`: STANDARD unless EXPRESS is named.
    var executionType: StateMachineType
    /// `Label`: the second part of the child state machine's name (a UUID when absent).
    var label: String?
    /// `ItemBatcher.MaxInputBytesPerBatch`: a batch is closed before it grows past it.
    var maxInputBytesPerBatch: Int?
    /// `ItemReader`: `Resource` and `Parameters` (as written) and `ReaderConfig.MaxItems`.
    var itemReader: ItemReaderConfig?
    /// Whether a `ResultWriter` is declared (results still come back inline locally).
    var hasResultWriter: Bool

    struct ItemReaderConfig: Sendable {
        var resource: String
        /// `Parameters` as compiled (`.$` keys read the Map state's effective input).
        var parameters: PayloadTemplate
        var maxItems: Int?
    }

    /// - Parameter readerParameters: `ItemReader.Parameters`, compiled by the caller.
    init(_ state: MapState, readerParameters: PayloadTemplate?) {
        executionType = state.processorConfig.executionType ?? .standard
        label = state.label
        if case .number(let n)? = state.itemBatcher?["MaxInputBytesPerBatch"], let bytes = n.int64Value {
            maxInputBytesPerBatch = Int(bytes)
        }
        if let reader = state.itemReader, case .string(let resource)? = reader["Resource"] {
            var maxItems: Int?
            if case .number(let n)? = reader["ReaderConfig"]?["MaxItems"], let v = n.int64Value { maxItems = Int(v) }
            itemReader = ItemReaderConfig(
                resource: resource, parameters: readerParameters ?? .literal(.object([:])), maxItems: maxItems)
        }
        hasResultWriter = state.resultWriter != nil
    }
}
