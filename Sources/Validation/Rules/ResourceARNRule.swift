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
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty, !parts[5].isEmpty else {
            return false
        }
        return !text.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" })
    }
}
