/// Where Step Functions requests go and how they are signed: a URL, the `Host` header value,
/// and the region in the signing scope.
///
/// Two kinds exist, matching sfn's targets: `aws(region:)`, the real service at its regional
/// endpoint, and `custom(url:region:)` for anything speaking the AWS JSON 1.0 protocol
/// (`sfn serve`, Step Functions Local, LocalStack, moto). Requests to both are signed, as the
/// SDKs do; emulators accept any key.
public struct StepFunctionsEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// `https` or `http`.
    public var scheme: String
    public var host: String
    /// `nil` for the scheme's default port.
    public var port: Int?
    /// The path the API is POSTed to (`/` for AWS; a prefix when an emulator sits behind a proxy).
    public var path: String
    /// The region of the credential scope.
    public var region: String
    /// The SigV4 signing name of Step Functions.
    public static let signingName = "states"

    /// The regional endpoint of the real service, in the region's partition:
    /// `states.us-east-1.amazonaws.com`, `states.cn-north-1.amazonaws.com.cn`,
    /// `states.us-gov-west-1.amazonaws.com`.
    public static func aws(region: String) throws(AWSClientError) -> StepFunctionsEndpoint {
        try validate(region: region)
        return StepFunctionsEndpoint(
            scheme: "https", host: "states.\(region).\(dnsSuffix(region: region))", port: nil, path: "/", region: region)
    }

    /// Any HTTP(S) endpoint: `http://127.0.0.1:8083`, `https://sfn.example.test/api`.
    public static func custom(url: String, region: String) throws(AWSClientError) -> StepFunctionsEndpoint {
        try validate(region: region)
        let invalid = AWSClientError(
            .invalidEndpoint, "the endpoint '\(url)' is not an http:// or https:// URL with a host (e.g. http://127.0.0.1:8083)")
        guard let schemeEnd = url.range(of: "://") else { throw invalid }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw invalid }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var path = String(rest[authority.endIndex...].prefix { $0 != "?" && $0 != "#" })
        if path.isEmpty { path = "/" }
        guard !authority.isEmpty, !authority.contains("@") else { throw invalid }
        var host = String(authority)
        var port: Int?
        // The port is after the last colon, unless that colon is inside an IPv6 literal.
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65_535).contains(number) else {
                throw invalid
            }
            host = String(authority[..<colon])
            port = number
        }
        guard !host.isEmpty else { throw invalid }
        return StepFunctionsEndpoint(scheme: scheme, host: host, port: port, path: path, region: region)
    }

    /// The full URL requests are POSTed to.
    public var url: String { "\(scheme)://\(hostHeader)\(path)" }

    /// `Host` as sent and signed: the port only when it is not the scheme's default.
    public var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    public var description: String { url }

    /// The DNS suffix of the partition a region belongs to.
    static func dnsSuffix(region: String) -> String {
        if region.hasPrefix("cn-") { return "amazonaws.com.cn" }
        if region.hasPrefix("us-isob-") { return "sc2s.sgov.gov" }
        if region.hasPrefix("us-iso-") { return "c2s.ic.gov" }
        return "amazonaws.com"
    }

    /// A region is lowercase letters, digits and dashes: anything else would change the host
    /// name built from it.
    static func validate(region: String) throws(AWSClientError) {
        let valid =
            !region.isEmpty && !region.hasPrefix("-") && !region.hasSuffix("-")
            && region.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard valid else {
            throw AWSClientError(.invalidRegion, "'\(region)' is not an AWS region name (for example 'us-east-1')")
        }
    }
}
