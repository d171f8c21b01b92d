import Diagnostics
import JSONValue

/// A Task's `Resource` (and an item reader's or result writer's) is an ARN:
/// `arn:<partition>:<service>:<region>:<account>:<resource>`, where region and account
/// may be empty (`arn:aws:states:::lambda:invoke`). AWS reports INVALID_RESOURCE.
struct ResourceARNRule: ValidationRule {
    static let id = DiagnosticID("validation", "invalid-resource")

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects {
            switch object.kind {
            case .state("Task"), .itemReader, .resultWriter: break
            default: continue
            }
            guard case .string(let resource)? = object.value["Resource"], !Self.isARN(resource) else { continue }
            context.report(
                Self.id, code: AWSCode.invalidResource,
                "\"\(resource)\" is not a valid resource ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)",
                at: object.pointer.appending("Resource"))
        }
    }

    static func isARN(_ text: String) -> Bool {
        // One pass over the bytes (this runs for every Task of every definition):
        // "arn:" then partition and service non-empty, six fields, resource non-empty.
        let bytes = text.utf8
        guard bytes.starts(with: "arn:".utf8) else { return false }
        var field = 1
        var fieldLength = 0
        for byte in bytes.dropFirst(4) {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") { return false }
            if byte == UInt8(ascii: ":") && field < 5 {
                if (field == 1 || field == 2) && fieldLength == 0 { return false }
                field += 1
                fieldLength = 0
            } else {
                fieldLength += 1
            }
        }
        return field == 5 && fieldLength > 0
    }
}
