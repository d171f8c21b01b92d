import Intrinsics
import JSONPath
import Synchronization

/// Parsed paths and payload expressions, shared by every validation a `Validator` runs.
///
/// A repository renders the same expressions into every environment (`$.id` is `$.id`
/// in dev and prod), so checking a repository parses each distinct text once. Parsing is
/// pure, so a cached result is exactly what a fresh parse would give. The lock is held
/// only to read or store an entry, never while parsing.
final class ExpressionCache: Sendable {
    private let paths = Mutex<[String: Result<JSONPath, JSONPathSyntaxError>]>([:])
    private let payloads = Mutex<[String: CachedPayload]>([:])

    /// A payload expression with the checker's findings, which depend only on the text.
    struct CachedPayload: Sendable {
        var expression: Result<PayloadExpression, IntrinsicSyntaxError>
        var issues: [IntrinsicIssue]
    }

    /// Past this many entries the cache stops growing: a pathological input cannot make
    /// a long-lived validator (a server) hold unbounded memory.
    private static let limit = 50_000

    func path(_ text: String) -> Result<JSONPath, JSONPathSyntaxError> {
        if let hit = paths.withLock({ $0[text] }) { return hit }
        let result = Result { () throws(JSONPathSyntaxError) in try JSONPath.parse(text) }
        paths.withLock { if $0.count < Self.limit { $0[text] = result } }
        return result
    }

    func payload(_ text: String) -> CachedPayload {
        if let hit = payloads.withLock({ $0[text] }) { return hit }
        let expression = Result { () throws(IntrinsicSyntaxError) in try PayloadExpression.parse(text) }
        var issues: [IntrinsicIssue] = []
        if case .success(.intrinsic(let call)) = expression { issues = IntrinsicChecker.check(call) }
        let entry = CachedPayload(expression: expression, issues: issues)
        payloads.withLock { if $0.count < Self.limit { $0[text] = entry } }
        return entry
    }
}
