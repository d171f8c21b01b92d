import Diagnostics
import JSONValue

/// Pairs of fields that say the same thing two ways, of which at most one may be set:
/// a literal and its `…Path` form, `ItemProcessor` and legacy `Iterator`, `ItemSelector`
/// and legacy `Parameters` of a Map.
struct MutuallyExclusiveFieldsRule: ValidationRule {
    static let id = DiagnosticID("validation", "exclusive-fields")

    static let pairs: [DefinitionIndex.Kind: [(String, String)]] = [
        .state("Task"): [("TimeoutSeconds", "TimeoutSecondsPath"), ("HeartbeatSeconds", "HeartbeatSecondsPath")],
        .state("Fail"): [("Error", "ErrorPath"), ("Cause", "CausePath")],
        .state("Map"): [
            ("ItemProcessor", "Iterator"), ("ItemSelector", "Parameters"), ("MaxConcurrency", "MaxConcurrencyPath"),
            ("ToleratedFailurePercentage", "ToleratedFailurePercentagePath"),
            ("ToleratedFailureCount", "ToleratedFailureCountPath"),
        ],
        .itemBatcher: [("MaxItemsPerBatch", "MaxItemsPerBatchPath"), ("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath")],
        .readerConfig: [("MaxItems", "MaxItemsPath")],
    ]

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects {
            guard let pairs = Self.pairs[object.kind] else { continue }
            for (first, second) in pairs where object.value[first] != nil && object.value[second] != nil {
                context.report(
                    Self.id, code: AWSCode.schema, "\"\(first)\" and \"\(second)\" cannot both be set; keep one",
                    at: object.pointer.appending(second), atKey: true)
            }
        }
    }
}
