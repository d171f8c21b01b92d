import ASLModel
import JSONPath
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
    /// `ItemBatcher.MaxItemsPerBatchPath`: the batch size read from the Map state's
    /// effective input when it runs (instead of `MaxItemsPerBatch`).
    var maxItemsPerBatchPath: NumberField = .absent
    /// `ItemBatcher.MaxInputBytesPerBatchPath`: the byte limit read from the effective input.
    var maxInputBytesPerBatchPath: NumberField = .absent
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

    /// - Parameters:
    ///   - readerParameters: `ItemReader.Parameters`, compiled by the caller.
    ///   - batcherPath: compiles an `ItemBatcher` field holding a path (text, field name).
    init(_ state: MapState, readerParameters: PayloadTemplate?, batcherPath: (String, String) -> JSONPath) {
        executionType = state.processorConfig.executionType ?? .standard
        label = state.label
        if case .number(let n)? = state.itemBatcher?["MaxInputBytesPerBatch"], let bytes = n.int64Value {
            maxInputBytesPerBatch = Int(bytes)
        }
        for field in ["MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"] {
            guard let text = state.itemBatcher?[field]?.stringValue else { continue }
            let compiled = NumberField.path(batcherPath(text, field), field: field)
            if field == "MaxItemsPerBatchPath" { maxItemsPerBatchPath = compiled } else { maxInputBytesPerBatchPath = compiled }
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
