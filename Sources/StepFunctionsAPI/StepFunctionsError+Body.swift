
/// The JSON error body of the AWS JSON 1.0 protocol: `{"__type": "InvalidArn", "message": "…"}`.
///
/// Decoding accepts the variants real endpoints send, so an HTTP client can read any of them:
/// a namespaced `__type` (`com.amazonaws.states#InvalidArn`), a `__type` with a trailing URI
/// (`InvalidArn:http://internal.amazon.com/…`), and `Message` with a capital M.
extension StepFunctionsError: Codable {
    private enum CodingKeys: String, CodingKey {
        case type = "__type"
        case message
        case capitalMessage = "Message"
        case reason
        case resourceName
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        let message =
            try container.decodeIfPresent(String.self, forKey: .message)
            ?? container.decodeIfPresent(String.self, forKey: .capitalMessage) ?? ""
        self.init(
            Code(StepFunctionsError.errorName(fromType: type)), message,
            reason: try container.decodeIfPresent(String.self, forKey: .reason),
            resourceName: try container.decodeIfPresent(String.self, forKey: .resourceName))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code.rawValue, forKey: .type)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(resourceName, forKey: .resourceName)
    }

    /// The error name inside a `__type`: the text after the last `#`, before any `:`.
    static func errorName(fromType type: String) -> String {
        var name = Substring(type)
        if let hash = name.lastIndex(of: "#") { name = name[name.index(after: hash)...] }
        if let colon = name.firstIndex(of: ":") { name = name[..<colon] }
        return String(name)
    }

    /// The response body AWS would send for this error.
    public var responseBody: [UInt8] {
        // Encoding a struct of strings cannot fail; fall back to a fixed body rather than trap.
        (try? APICoding.encode(self)) ?? Array(#"{"__type":"InternalFailure","message":""}"#.utf8)
    }

    /// Reads an error response. A body that is not an AWS error (an HTML page from a proxy,
    /// nothing at all) becomes an error named after the HTTP status, so nothing is lost.
    public init(responseBody: [UInt8], httpStatus: Int) {
        if let decoded = try? APICoding.decode(StepFunctionsError.self, from: responseBody) {
            self = decoded
            return
        }
        let text = String(decoding: responseBody.prefix(512), as: UTF8.self)
        let code: Code =
            switch httpStatus {
            case 413: .requestEntityTooLarge
            case 429: .throttlingException
            case 503: .serviceUnavailable
            case 500...: .internalFailure
            default: Code("HTTP\(httpStatus)")
            }
        self.init(code, text.isEmpty ? "HTTP status \(httpStatus) with no error body" : text)
    }
}
