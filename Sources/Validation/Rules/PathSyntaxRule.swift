import ASLModel
import Diagnostics
import Intrinsics
import JSONPath
import JSONValue

/// Every JSONPath-mode path parses: `InputPath`, `OutputPath`, `ResultPath`,
/// `ItemsPath`, every `…Path` field, a choice rule's `Variable` and `…Path` operands.
/// `ResultPath` (of a state or a catcher) must be a reference path into the input;
/// `ErrorPath` and `CausePath` may also be intrinsic calls.
struct PathSyntaxRule: ValidationRule {
    static let invalidPath = DiagnosticID("validation", "invalid-path")
    static let notReference = DiagnosticID("validation", "result-path-not-reference")

    /// Path fields by where they occur; `true` marks fields that must be reference paths.
    static let fields: [DefinitionIndex.Kind: [(String, Bool)]] = [
        .state("Task"): [
            ("InputPath", false), ("OutputPath", false), ("ResultPath", true),
            ("TimeoutSecondsPath", false), ("HeartbeatSecondsPath", false),
        ],
        .state("Pass"): [("InputPath", false), ("OutputPath", false), ("ResultPath", true)],
        .state("Choice"): [("InputPath", false), ("OutputPath", false)],
        .state("Wait"): [("InputPath", false), ("OutputPath", false), ("SecondsPath", false), ("TimestampPath", false)],
        .state("Succeed"): [("InputPath", false), ("OutputPath", false)],
        .state("Parallel"): [("InputPath", false), ("OutputPath", false), ("ResultPath", true)],
        .state("Map"): [
            ("InputPath", false), ("OutputPath", false), ("ResultPath", true), ("ItemsPath", false),
            ("MaxConcurrencyPath", false), ("ToleratedFailurePercentagePath", false), ("ToleratedFailureCountPath", false),
        ],
        .catcher: [("ResultPath", true)],
        .itemBatcher: [("MaxItemsPerBatchPath", false), ("MaxInputBytesPerBatchPath", false)],
        .readerConfig: [("MaxItemsPath", false)],
    ]

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects where object.language == .jsonPath {
            if case .state("Fail") = object.kind {
                for field in ["ErrorPath", "CausePath"] {
                    guard case .string(let text)? = object.value[field] else { continue }
                    PayloadTemplateRule.checkExpression(text, at: object.pointer.appending(field), &context)
                }
                continue
            }
            if case .choiceRule = object.kind {
                for (key, value) in object.value where key == "Variable" || ChoiceOperator.all[key]?.isPath == true {
                    guard case .string(let text) = value else { continue }
                    checkPath(text, field: key, reference: false, at: object.pointer.appending(key), &context)
                }
                continue
            }
            for (field, reference) in Self.fields[object.kind] ?? [] {
                guard case .string(let text)? = object.value[field] else { continue }
                checkPath(text, field: field, reference: reference, at: object.pointer.appending(field), &context)
            }
        }
    }

    private func checkPath(_ text: String, field: String, reference: Bool, at pointer: JSONPointer, _ context: inout ValidationContext) {
        let path: JSONPath
        switch context.cache.path(text) {
        case .success(let parsed):
            path = parsed
        case .failure(let error):
            context.report(
                Self.invalidPath, code: AWSCode.schema,
                "\"\(field)\" is not a valid JSONPath: \(error.message)", at: pointer, columnOffset: error.offset)
            return
        }
        context.compiled.paths[pointer] = path
        if reference, !path.isReferencePath || path.isContextPath {
            context.report(
                Self.notReference, code: AWSCode.schema,
                "\"\(field)\" must be a reference path (only names and indexes, starting at \"$\"), not \"\(text)\"",
                at: pointer)
        }
    }
}
