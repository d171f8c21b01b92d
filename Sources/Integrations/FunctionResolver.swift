/// Picks the runner for a Lambda function from configured patterns: an exact ARN, a function
/// name, or a glob (`*` any run of characters, `?` one) such as `arn:aws:lambda:*:*:function:etl-*`.
///
/// A pattern is tried against the function's name, its unqualified ARN and, when qualified,
/// its qualified ARN. Exact patterns win over globs; among globs the first configured wins.
public struct FunctionResolver: Sendable {
    public var routes: [(pattern: String, runner: any FunctionRunner)]
    /// Region and account for names given without them (as the engine's own).
    public var region: String
    public var accountId: String

    public init(
        _ routes: [(pattern: String, runner: any FunctionRunner)] = [], region: String = "us-east-1",
        accountId: String = "123456789012"
    ) {
        self.routes = routes
        self.region = region
        self.accountId = accountId
    }

    public mutating func add(_ pattern: String, _ runner: any FunctionRunner) {
        routes.append((pattern, runner))
    }

    public func runner(for function: FunctionReference) -> (any FunctionRunner)? {
        let arn = function.arn(region: region, accountId: accountId)
        var candidates = [function.name, arn]
        if let qualifier = function.qualifier { candidates += ["\(function.name):\(qualifier)", "\(arn):\(qualifier)"] }
        if let exact = routes.first(where: { candidates.contains($0.pattern) }) { return exact.runner }
        let globs = routes.filter { $0.pattern.contains("*") || $0.pattern.contains("?") }
        return globs.first { route in candidates.contains { Self.glob(route.pattern, matches: $0) } }?.runner
    }

    /// Whole-string glob match; linear backtracking over the last `*`.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var i = 0, j = 0
        var star: Int? = nil, resume = 0
        while j < t.count {
            if i < p.count, p[i] == "?" || p[i] == t[j] {
                i += 1
                j += 1
            } else if i < p.count, p[i] == "*" {
                star = i
                resume = j
                i += 1
            } else if let star {
                i = star + 1
                resume += 1
                j = resume
            } else {
                return false
            }
        }
        while i < p.count, p[i] == "*" { i += 1 }
        return i == p.count
    }
}
