/// Where a Step Functions resource lives: the partition, region and account that every one of
/// its ARNs starts with (`arn:<partition>:states:<region>:<account>:…`).
///
/// An implementation holds one scope (the engine's configured account and region, an endpoint's
/// region) and makes every ARN from it, so ARNs it returns are always well-formed.
public struct ARNScope: Hashable, Sendable, CustomStringConvertible {
    /// `aws`, `aws-cn`, `aws-us-gov` …
    public var partition: String
    public var region: String
    /// Twelve digits.
    public var account: String

    public init(partition: String = "aws", region: String, account: String) {
        self.partition = partition
        self.region = region
        self.account = account
    }

    /// The account Step Functions Local and most emulators use, in us-east-1.
    public static let local = ARNScope(region: "us-east-1", account: "123456789012")

    /// `arn:aws:states:us-east-1:123456789012`, the text before the resource type.
    public var description: String { "arn:\(partition):states:\(region):\(account)" }

    public func stateMachine(named name: String) -> StateMachineARN {
        StateMachineARN(scope: self, name: name)
    }

    public func activity(named name: String) -> ActivityARN {
        ActivityARN(scope: self, name: name)
    }
}

/// The parts of a Step Functions ARN after the scope: the resource type and the
/// colon-separated fields after it. Shared by every typed ARN's parser.
struct ARNParts {
    var scope: ARNScope
    var resourceType: String
    var fields: [Substring]

    /// Splits `text`, or throws AWS's `InvalidArn`. `allowedTypes` are the resource types the
    /// calling context accepts, so a state machine ARN passed where an execution ARN belongs
    /// fails as AWS fails it: `Resource type not valid in this context: stateMachine`.
    init(parsing text: String, allowedTypes: [String]) throws(StepFunctionsError) {
        // One pass over the UTF-8 bytes: ARNs are parsed on every request a server answers,
        // and splitting by `Character` (grapheme clusters) cost more than decoding the rest.
        var parts: [Substring] = []
        parts.reserveCapacity(8)
        var start = text.utf8.startIndex
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: ":") {
            parts.append(text[start..<index])
            start = text.utf8.index(after: index)
        }
        parts.append(text[start...])
        guard parts.count >= 7, parts[0] == "arn", parts[2] == "states",
            parts[1].hasPrefix("aws"), !parts[3].isEmpty
        else {
            throw .invalidArn("Invalid ARN prefix: \(text)")
        }
        guard parts[4].utf8.count == 12, parts[4].utf8.allSatisfy(ARNParts.isDigit) else {
            throw .invalidArn("Invalid account ID: \(parts[4])")
        }
        guard let type = allowedTypes.first(where: { $0 == parts[5] }) else {
            throw .invalidArn("Resource type not valid in this context: \(parts[5])")
        }
        let fields = Array(parts[6...])
        guard fields.allSatisfy({ !$0.isEmpty }) else {
            throw .invalidArn("Invalid ARN: \(text)")
        }
        self.scope = ARNScope(partition: String(parts[1]), region: String(parts[3]), account: String(parts[4]))
        self.resourceType = type
        self.fields = fields
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Splits `field` at its first `/` (a state machine name and a Map label), on UTF-8 bytes.
    static func splitAtSlash(_ field: Substring) -> [Substring] {
        field.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 1, omittingEmptySubsequences: false).map(Substring.init)
    }

    static func invalid(_ text: String) -> StepFunctionsError {
        .invalidArn(text)
    }
}

/// What every typed ARN shares: text form in and out, and `Codable` as that text, so a request
/// carrying a malformed ARN fails to decode with AWS's `InvalidArn`.
public protocol StepFunctionsResourceName: Hashable, Sendable, Codable, CustomStringConvertible {
    init(parsing text: String) throws(StepFunctionsError)
    var scope: ARNScope { get }
}

extension StepFunctionsResourceName {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
