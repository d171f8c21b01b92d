/// A Lambda function as a state names it: a full ARN
/// (`arn:aws:lambda:us-east-1:123456789012:function:charge:prod`), a partial ARN
/// (`123456789012:function:charge`) or a bare name (`charge`, `charge:prod`), each with
/// an optional qualifier (version or alias).
public struct FunctionReference: Sendable, Hashable {
    public var name: String
    public var qualifier: String?
    public var region: String?
    public var accountId: String?
    public var partition: String

    public init(name: String, qualifier: String? = nil, region: String? = nil, accountId: String? = nil, partition: String = "aws") {
        self.name = name
        self.qualifier = qualifier
        self.region = region
        self.accountId = accountId
        self.partition = partition
    }

    /// A full function ARN only (the bare-ARN resource form); nil for anything else.
    public init?(_ arn: String) {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 7 || parts.count == 8, parts[0] == "arn", parts[2] == "lambda", parts[5] == "function",
            !parts[6].isEmpty
        else { return nil }
        self.init(
            name: parts[6], qualifier: parts.count == 8 ? parts[7] : nil, region: parts[3], accountId: parts[4],
            partition: parts[1])
    }

    /// Any of the forms `lambda:invoke` accepts in `FunctionName`.
    public init?(functionName text: String) {
        if let full = FunctionReference(text) {
            self = full
            return
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if (parts.count == 1 || parts.count == 2), !parts[0].isEmpty {
            self.init(name: parts[0], qualifier: parts.count == 2 ? parts[1] : nil)
        } else if (parts.count == 3 || parts.count == 4), parts[1] == "function", !parts[2].isEmpty {
            self.init(name: parts[2], qualifier: parts.count == 4 ? parts[3] : nil, accountId: parts[0])
        } else {
            return nil
        }
        if qualifier?.isEmpty == true { return nil }
    }

    /// The unqualified ARN, filling a missing region or account from the defaults.
    public func arn(region defaultRegion: String, accountId defaultAccount: String) -> String {
        "arn:\(partition):lambda:\(region ?? defaultRegion):\(accountId ?? defaultAccount):function:\(name)"
    }
}
