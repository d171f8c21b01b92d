/// An HTTP request as Signature Version 4 sees it: method, path, raw query, ordered headers, body.
///
/// Headers are a list rather than a dictionary because SigV4 signs duplicates (joined with `,` in
/// order of appearance) and keeps the caller's spelling on the wire; names compare
/// case-insensitively. The path is the one sent on the wire: the signer percent-encodes it once
/// more, as every AWS service except S3 expects.
public struct SigV4Request: Hashable, Sendable {
    /// One header line. `value` may contain obs-fold line breaks; canonicalisation folds them.
    public struct Header: Hashable, Sendable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    /// The path, starting with `/`.
    public var path: String
    /// The query string without `?`, as sent (percent-encoded or not; the signer decodes and re-encodes).
    public var query: String
    public var headers: [Header]
    public var body: [UInt8]

    public init(method: String, path: String = "/", query: String = "", headers: [Header] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The value of the first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// Replaces every header named `name` with one line, or appends it when absent, so signing
    /// twice or a caller that already set `X-Amz-Date` never yields duplicate lines.
    public mutating func setHeader(_ name: String, _ value: String) {
        let lowered = name.lowercased()
        if let first = headers.firstIndex(where: { $0.name.lowercased() == lowered }) {
            headers[first].value = value
            var index = headers.index(after: first)
            while index < headers.endIndex {
                if headers[index].name.lowercased() == lowered {
                    headers.remove(at: index)
                } else {
                    index = headers.index(after: index)
                }
            }
        } else {
            headers.append(Header(name, value))
        }
    }

    /// The path and query as a request line shows them.
    public var target: String { query.isEmpty ? path : path + "?" + query }

    /// Appends `name=value` (both percent-encoded with SigV4's unreserved set) to the query.
    mutating func appendQueryParameter(_ name: String, _ value: String) {
        let item = SigV4Encoding.percentEncode(name) + "=" + SigV4Encoding.percentEncode(value)
        query = query.isEmpty ? item : query + "&" + item
    }
}
