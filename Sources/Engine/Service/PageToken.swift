import StepFunctionsAPI

/// The opaque `nextToken` of the local service's list actions: the offset of the next
/// item, with a prefix so that a token from elsewhere is rejected as AWS rejects it.
enum PageToken {
    static let prefix = "sfn-local-page:"
    /// AWS's default and upper bound for `maxResults`.
    static let defaultSize = 100
    static let maximumSize = 1000

    /// One page of `items` from `token`, and the token of the next page if any.
    static func page<Item>(
        _ items: [Item], maxResults: Int?, nextToken: String?, limit: Int = maximumSize
    ) throws(StepFunctionsError) -> (items: [Item], nextToken: String?) {
        let size = try pageSize(maxResults, limit: limit)
        let start = try offset(nextToken)
        guard start <= items.count else { throw invalid(nextToken ?? "") }
        let end = min(items.count, start + size)
        let next = end < items.count ? "\(prefix)\(end)" : nil
        return (Array(items[start..<end]), next)
    }

    static func pageSize(_ maxResults: Int?, limit: Int) throws(StepFunctionsError) -> Int {
        guard let maxResults, maxResults != 0 else { return defaultSize }
        guard (0...limit).contains(maxResults) else {
            throw .validation(
                value: String(maxResults), at: "maxResults",
                constraint: "Member must have value less than or equal to \(limit)")
        }
        return maxResults
    }

    static func offset(_ token: String?) throws(StepFunctionsError) -> Int {
        guard let token else { return 0 }
        guard token.hasPrefix(prefix), let offset = Int(token.dropFirst(prefix.count)), offset >= 0 else {
            throw invalid(token)
        }
        return offset
    }

    static func invalid(_ token: String) -> StepFunctionsError {
        StepFunctionsError(.invalidToken, "Invalid Token: '\(token)'")
    }
}
