import Diagnostics
import JSONValue

/// Fields whose value is one of a fixed set of names: `QueryLanguage`,
/// `JitterStrategy`, `ProcessorConfig.Mode` and `ExecutionType`, and the reader and
/// writer settings of a distributed Map.
struct EnumValueRule: ValidationRule {
    static let id = DiagnosticID("validation", "invalid-value")

    static let languages = ["JSONPath", "JSONata"]
    static let stateValues = ["QueryLanguage": languages]
    static let values: [DefinitionIndex.Kind: [String: [String]]] = [
        .machine: ["QueryLanguage": languages],
        .retrier: ["JitterStrategy": ["FULL", "NONE"]],
        .processorConfig: ["Mode": ["INLINE", "DISTRIBUTED"], "ExecutionType": ["STANDARD", "EXPRESS"]],
        .readerConfig: [
            "InputType": ["CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"], "CSVHeaderLocation": ["FIRST_ROW", "GIVEN"],
            "ManifestType": ["S3_INVENTORY", "ATHENA_DATA"],
            "CSVDelimiter": ["COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"],
        ],
        .writerConfig: ["OutputType": ["JSON", "JSONL"], "Transformation": ["NONE", "COMPACT", "FLATTEN"]],
    ]

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects {
            let table: [String: [String]]? = if case .state = object.kind { Self.stateValues } else {
                Self.values[object.kind]
            }
            guard let table else { continue }
            for (field, allowed) in table {
                guard case .string(let value)? = object.value[field], !allowed.contains(value) else { continue }
                context.report(
                    Self.id, code: AWSCode.schema,
                    "\"\(value)\" is not a valid \"\(field)\"; use one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
                        + Suggestion.didYouMean(value, in: allowed),
                    at: object.pointer.appending(field))
            }
        }
    }
}
