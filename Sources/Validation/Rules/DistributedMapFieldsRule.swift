import Diagnostics
import JSONValue

/// `ItemReader`, `ItemBatcher` and `ResultWriter` exist only for a distributed Map (`ProcessorConfig.Mode: DISTRIBUTED`), which also needs an
/// `ExecutionType` for its child executions.
struct DistributedMapFieldsRule: ValidationRule {
    static let inlineField = DiagnosticID("validation", "distributed-only-field")
    static let missingExecutionType = DiagnosticID("validation", "distributed-missing-execution-type")
    /// AWS documents `ToleratedFailure…` and `Label` as distributed-only too, but accepts
    /// them on inline Maps (the conformance corpus has such definitions), so they are
    /// not listed here.
    static let fields = ["ItemReader", "ItemBatcher", "ResultWriter"]

    func check(_ context: inout ValidationContext) {
        for state in context.index.states where state.type == "Map" {
            let processorKey = state.value["ItemProcessor"] != nil ? "ItemProcessor" : "Iterator"
            let config = state.value[processorKey]?["ProcessorConfig"]
            if config?["Mode"] == .string("DISTRIBUTED") {
                if config?["ExecutionType"] == nil {
                    context.report(
                        Self.missingExecutionType, code: AWSCode.schema,
                        "a distributed Map needs \"ExecutionType\" (\"STANDARD\" or \"EXPRESS\") in its \"ProcessorConfig\"",
                        at: state.pointer.appending(processorKey).appending("ProcessorConfig"), atKey: true)
                }
                continue
            }
            for field in Self.fields where state.value[field] != nil {
                context.report(
                    Self.inlineField, code: AWSCode.schema,
                    "\"\(field)\" is only allowed in a distributed Map; set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", …}",
                    at: state.pointer.appending(field), atKey: true)
            }
        }
    }
}
