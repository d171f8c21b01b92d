import AWSClient
import HTTPTypes
import StepFunctionsAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `sfn serve --verify-signatures`: accepts a request only when its SigV4 `Authorization` was
/// made with one of the configured keys, for this region and the `states` service, within
/// five minutes of now, over exactly the headers and body received.
///
/// The signature is recomputed with `AWSClient`'s own `SigV4Signer` (the one tested against
/// AWS's vectors) over the headers the client says it signed, so client and server cannot
/// disagree on canonicalisation. Failures are AWS's: `MissingAuthenticationTokenException`
/// (no `Authorization`), `IncompleteSignature` (a malformed one, or no `X-Amz-Date`),
/// `UnrecognizedClientException` (an unknown access key), `InvalidSignatureException`
/// (wrong secret, scope, or a signature older or newer than five minutes).
public struct SigV4Verifier: SignatureVerifying {
    /// The accepted keys, by access key id.
    public let credentials: [String: AWSCredentials]
    /// The region the credential scope must name (the server's, as AWS's regional endpoints do).
    public let region: String
    /// The signing name of Step Functions.
    public let service = "states"
    /// How far the signing time may be from now: AWS allows five minutes either way.
    public let allowedSkew: TimeInterval = 300
    /// The time now; a parameter so tests can check expiry without waiting.
    public let now: @Sendable () -> Date

    public init(
        credentials: [AWSCredentials], region: String, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.credentials = Dictionary(credentials.map { ($0.accessKeyID, $0) }) { first, _ in first }
        self.region = region
        self.now = now
    }

    public func verify(_ head: HTTPRequest, body: [UInt8]) throws(StepFunctionsError) {
        guard let authorization = head.headerFields[.authorization] else { throw .missingAuthenticationToken }
        let header = try SigV4AuthorizationHeader(parsing: authorization)
        guard let key = credentials[header.accessKeyID] else { throw .unrecognizedClient }
        guard header.region == region else {
            throw .invalidSignature("Credential should be scoped to a valid region, not '\(header.region)'. ")
        }
        guard header.service == service else {
            throw .invalidSignature("Credential should be scoped to correct service: '\(service)'. ")
        }
        guard header.signedHeaders.contains("host") else {
            throw .incompleteSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.")
        }
        guard let stamp = head.headerFields[.amzDate] else {
            throw .incompleteSignature("Authorization header requires existence of a 'X-Amz-Date' header.")
        }
        guard let date = Self.date(fromAmzDate: stamp) else {
            throw .incompleteSignature("X-Amz-Date '\(stamp)' is not in the form yyyyMMddTHHmmssZ.")
        }
        guard stamp.hasPrefix(header.date) else {
            throw .invalidSignature(
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '\(header.date)' != '\(stamp.prefix(8))'")
        }
        try checkFreshness(date, stamp: stamp)
        let expected = try expectedSignature(head, body: body, header: header, credentials: key, date: date)
        guard Self.constantTimeEqual(expected, header.signature) else {
            throw .invalidSignature(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
        }
    }

    /// AWS's wording for a signature outside the five-minute window.
    private func checkFreshness(_ date: Date, stamp: String) throws(StepFunctionsError) {
        let current = now()
        let minutes = Int(allowedSkew / 60)
        if date < current.addingTimeInterval(-allowedSkew) {
            let limit = AmzDate(current.addingTimeInterval(-allowedSkew)).timestamp
            throw .invalidSignature(
                "Signature expired: \(stamp) is now earlier than \(limit) (\(AmzDate(current).timestamp) - \(minutes) min.)")
        }
        if date > current.addingTimeInterval(allowedSkew) {
            let limit = AmzDate(current.addingTimeInterval(allowedSkew)).timestamp
            throw .invalidSignature(
                "Signature not yet current: \(stamp) is still later than \(limit) (\(AmzDate(current).timestamp) + \(minutes) min.)")
        }
    }

    /// The signature `SigV4Signer` makes over the signed headers as received.
    private func expectedSignature(
        _ head: HTTPRequest, body: [UInt8], header: SigV4AuthorizationHeader, credentials: AWSCredentials, date: Date
    ) throws(StepFunctionsError) -> String {
        let target = head.path ?? "/"
        let (path, query) =
            target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) }
            ?? (target, "")
        var request = SigV4Request(method: head.method.rawValue, path: path, query: query, body: body)
        for name in header.signedHeaders {
            if name == "host" {
                request.headers.append(.init("host", head.authority ?? head.headerFields[.hostHeader] ?? ""))
                continue
            }
            guard let fieldName = HTTPField.Name(name) else { throw .incompleteSignature("Bad SignedHeaders '\(name)'.") }
            let values = head.headerFields[values: fieldName]
            guard !values.isEmpty else {
                throw .invalidSignature("Header '\(name)' is listed in SignedHeaders but was not sent.")
            }
            request.headers += values.map { .init(name, $0) }
        }
        var signer = SigV4Signer(credentials: credentials, region: region, service: service)
        signer.omitsSessionToken = true  // a signed token is among the signed headers already
        signer.sign(&request, at: date)
        let signed = request.header("Authorization") ?? ""
        return signed.range(of: "Signature=").map { String(signed[$0.upperBound...]) } ?? ""
    }

    /// `20261128T064500Z` as a date, or nil when it is not that form.
    public static func date(fromAmzDate text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        // Howard Hinnant's days_from_civil, the inverse of AmzDate's conversion.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    /// Compares two signatures without stopping at the first difference.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension SigV4Verifier {
    /// The environment variables that hold the one key `--verify-signatures` accepts; the
    /// standard `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` are read when these are unset. Never
    /// flags: a secret on a command line is visible to every user of the machine (`ps`).
    public static let accessKeyVariable = "SFN_SERVE_ACCESS_KEY_ID"
    public static let secretKeyVariable = "SFN_SERVE_SECRET_ACCESS_KEY"

    /// A verifier for the key named in `environment`, or a `ServerError` saying which variables to set.
    public init(environment: [String: String], region: String) throws(ServerError) {
        func value(_ names: String...) -> (String, String)? {
            for name in names { if let value = environment[name], !value.isEmpty { return (name, value) } }
            return nil
        }
        guard let (idSource, id) = value(Self.accessKeyVariable, "AWS_ACCESS_KEY_ID"),
            let (_, secret) = value(Self.secretKeyVariable, "AWS_SECRET_ACCESS_KEY")
        else {
            throw ServerError(
                .missingCredentials,
                "--verify-signatures needs the key to accept: set \(Self.accessKeyVariable) and \(Self.secretKeyVariable) (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)")
        }
        self.init(
            credentials: [AWSCredentials(accessKeyID: id, secretAccessKey: secret, source: idSource)], region: region)
    }
}

extension HTTPField.Name {
    /// The signing time of a SigV4 request.
    static let amzDate = HTTPField.Name("X-Amz-Date")!
    /// `Host` as a plain field: HTTP/1.1 requests carry it as `authority`, in-memory ones may not.
    static let hostHeader = HTTPField.Name("Host")!
}
