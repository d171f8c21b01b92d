#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Signs requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`), by `Authorization` header
/// or as a presigned URL.
///
/// The signer is a pure function of its inputs (credentials, region, service, time, request), so
/// it is tested byte for byte against AWS's own vectors. It follows the non-S3 rules: paths are
/// normalised and encoded once more than on the wire, query parameters sorted by encoded name then
/// value, header values folded.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    /// The signing name of the service: `states` for Step Functions.
    public var service: String
    /// Remove `.`, `..` and empty segments before encoding the path (off only for S3-like services).
    public var normalizesPath = true
    /// Add and sign `X-Amz-Content-Sha256` with the payload hash (header signing only).
    public var signsContentHash = false
    /// Add the session token after signing instead of signing it (a few services require this).
    public var omitsSessionToken = false

    /// Headers a proxy or the HTTP stack may rewrite, never signed.
    static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "x-amzn-trace-id", "expect"]
    static let algorithm = "AWS4-HMAC-SHA256"

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The intermediate values of one signature, exposed so tests can compare each step.
    public struct Signature: Hashable, Sendable {
        public var canonicalRequest: String
        public var stringToSign: String
        /// Lowercase hex HMAC.
        public var signature: String
        public var signedHeaders: String
    }

    /// Signs `request` in place: sets `X-Amz-Date`, the session token and any content hash
    /// header, then `Authorization`. Returns the intermediate values.
    @discardableResult
    public func sign(_ request: inout SigV4Request, at date: Date) -> Signature {
        let time = AmzDate(date)
        request.setHeader("X-Amz-Date", time.timestamp)
        if signsContentHash {
            request.setHeader("X-Amz-Content-Sha256", SigV4Encoding.sha256Hex(request.body))
        }
        if let token = credentials.sessionToken, !omitsSessionToken {
            request.setHeader("X-Amz-Security-Token", token)
        }
        let result = signature(for: request, time: time, query: request.query)
        if let token = credentials.sessionToken, omitsSessionToken {
            request.setHeader("X-Amz-Security-Token", token)
        }
        request.setHeader(
            "Authorization",
            "\(SigV4Signer.algorithm) Credential=\(credentials.accessKeyID)/\(scope(time)), "
                + "SignedHeaders=\(result.signedHeaders), Signature=\(result.signature)")
        return result
    }

    /// Presigns `request` in place: appends the `X-Amz-*` query parameters and `X-Amz-Signature`,
    /// so the URL alone authorises the call for `expires` seconds.
    @discardableResult
    public func presign(_ request: inout SigV4Request, at date: Date, expires: Int) -> Signature {
        let time = AmzDate(date)
        var query = request
        query.appendQueryParameter("X-Amz-Algorithm", SigV4Signer.algorithm)
        query.appendQueryParameter("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(time))")
        query.appendQueryParameter("X-Amz-Date", time.timestamp)
        query.appendQueryParameter("X-Amz-SignedHeaders", signedHeaderNames(of: request).joined(separator: ";"))
        query.appendQueryParameter("X-Amz-Expires", String(expires))
        if let token = credentials.sessionToken, !omitsSessionToken {
            query.appendQueryParameter("X-Amz-Security-Token", token)
        }
        let result = signature(for: request, time: time, query: query.query)
        if let token = credentials.sessionToken, omitsSessionToken {
            query.appendQueryParameter("X-Amz-Security-Token", token)
        }
        query.appendQueryParameter("X-Amz-Signature", result.signature)
        request = query
        return result
    }

    /// `20150830/us-east-1/service/aws4_request`.
    func scope(_ time: AmzDate) -> String { "\(time.dateStamp)/\(region)/\(service)/aws4_request" }

    /// The canonical request, string to sign and signature of `request` with `query` as its query.
    func signature(for request: SigV4Request, time: AmzDate, query: String) -> Signature {
        let names = signedHeaderNames(of: request)
        let signedHeaders = names.joined(separator: ";")
        let canonicalRequest = [
            request.method.uppercased(),
            canonicalPath(request.path),
            SigV4Signer.canonicalQuery(query),
            canonicalHeaders(request, names: names),
            signedHeaders,
            SigV4Encoding.sha256Hex(request.body),
        ].joined(separator: "\n")
        let stringToSign = [
            SigV4Signer.algorithm, time.timestamp, scope(time), SigV4Encoding.sha256Hex(canonicalRequest.utf8),
        ].joined(separator: "\n")
        var key = Array("AWS4\(credentials.secretAccessKey)".utf8)
        for part in [time.dateStamp, region, service, "aws4_request"] {
            key = SigV4Encoding.hmac(key: key, part)
        }
        let signature = SigV4Encoding.hex(SigV4Encoding.hmac(key: key, stringToSign))
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            signedHeaders: signedHeaders)
    }

    func canonicalPath(_ path: String) -> String {
        let normalized = normalizesPath ? SigV4Encoding.normalizePath(path) : path
        return SigV4Encoding.percentEncode(normalized.isEmpty ? "/" : normalized, keepingSlashes: true)
    }

    /// Parameters decoded and re-encoded, then sorted by name and value; a name without `=`
    /// has the empty value. Duplicate names are kept, as SigV4 signs them all.
    static func canonicalQuery(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: true)
            .map { item -> (String, String) in
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = SigV4Encoding.percentEncode(SigV4Encoding.percentDecode(parts[0]))
                let value = parts.count > 1 ? SigV4Encoding.percentEncode(SigV4Encoding.percentDecode(parts[1])) : ""
                return (name, value)
            }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// Lowercased, sorted, de-duplicated names of the headers that are signed.
    func signedHeaderNames(of request: SigV4Request) -> [String] {
        Set(request.headers.map { $0.name.lowercased() }).subtracting(SigV4Signer.unsignedHeaders).sorted()
    }

    /// `name:value` lines, duplicates joined with `,` in order of appearance, each ending in a newline.
    func canonicalHeaders(_ request: SigV4Request, names: [String]) -> String {
        var values: [String: [String]] = [:]
        for header in request.headers {
            values[header.name.lowercased(), default: []].append(SigV4Encoding.foldHeaderValue(header.value))
        }
        return names.map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }.joined()
    }
}
