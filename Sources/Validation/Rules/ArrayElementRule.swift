import Diagnostics
import JSONValue

/// Arrays whose elements are objects (`Retry`, `Catch`, `Choices`, `Branches`, `And`,
/// `Or`) or strings (`CSVHeaders`) hold nothing else. (`ErrorEquals` has its own rule.)
struct ArrayElementRule: ValidationRule {
    static let id = DiagnosticID("validation", "element-type")

    static let objectArrays: [DefinitionIndex.Kind: [String]] = [
        .state("Task"): ["Retry", "Catch"],
        .state("Parallel"): ["Retry", "Catch", "Branches"],
        .state("Map"): ["Retry", "Catch"],
        .state("Choice"): ["Choices"],
        .choiceRule(topLevel: true): ["And", "Or"],
        .choiceRule(topLevel: false): ["And", "Or"],
    ]

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects {
            for field in Self.objectArrays[object.kind] ?? [] {
                guard case .array(let items)? = object.value[field] else { continue }
                for (i, item) in items.enumerated() where item.objectValue == nil {
                    context.report(
                        Self.id, code: AWSCode.schema, "each element of \"\(field)\" must be an object, not \(item.typeName)",
                        at: object.pointer.appending(field).appending(i))
                }
            }
            if object.kind == .readerConfig, case .array(let headers)? = object.value["CSVHeaders"] {
                for (i, header) in headers.enumerated() where header.stringValue == nil {
                    context.report(
                        Self.id, code: AWSCode.schema, "each element of \"CSVHeaders\" must be a string, not \(header.typeName)",
                        at: object.pointer.appending("CSVHeaders").appending(i))
                }
            }
        }
    }
}
