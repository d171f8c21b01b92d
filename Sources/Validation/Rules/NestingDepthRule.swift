import Diagnostics
import JSONValue

/// Parallel branches and Map item processors nest at most `maximumDepth` deep
/// (TOO_DEEPLY_NESTED). AWS does not publish its limit; this one is generous so that
/// no definition AWS accepts is rejected, and still stops pathological inputs.
struct NestingDepthRule: ValidationRule {
    static let id = DiagnosticID("validation", "too-deeply-nested")
    static let maximumDepth = 50

    func check(_ context: inout ValidationContext) {
        for scope in context.index.scopes where scope.depth == Self.maximumDepth + 1 {
            context.report(
                Self.id, code: AWSCode.tooDeep,
                "states are nested \(scope.depth) levels deep in Parallel and Map states; the limit is \(Self.maximumDepth)",
                at: scope.pointer, atKey: true)
        }
    }
}
