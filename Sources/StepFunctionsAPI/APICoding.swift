import JSONValue

/// The one JSON encoder and decoder configuration of the wire format, shared by clients and
/// servers so both produce the same bytes, and the mapping of decoding failures to AWS errors.
///
/// `Codable` over the project's own `JSON` value rather than Foundation's `JSONEncoder` and
/// `JSONDecoder`: `Codable` is what an SDK-style API offers, and the fast parser and serializer
/// take a request's decode and a response's encode from ~50 µs each to a few, on a server that
/// does both on every call. Output is what Foundation wrote: members in declaration order,
/// slashes unescaped (as AWS writes ARNs), non-ASCII as UTF-8, timestamps as epoch seconds.
public enum APICoding {
    /// Shared: the coders are values with no state between calls.
    public static let encoder = JSONValueEncoder()

    /// For responses: tolerant of values AWS added after this module was written.
    public static let decoder = JSONValueDecoder()

    /// For requests, as a server reads them: unknown enumeration values are rejected with
    /// AWS's `ValidationException`, as the service does.
    public static let strictDecoder: JSONValueDecoder = {
        var decoder = JSONValueDecoder()
        decoder.userInfo[strictEnumerationsKey] = true
        return decoder
    }()

    static let strictEnumerationsKey: CodingUserInfoKey = {
        guard let key = CodingUserInfoKey(rawValue: "sfn.strictEnumerations") else {
            preconditionFailure("a non-empty literal is a valid CodingUserInfoKey")
        }
        return key
    }()

    /// The hottest responses write themselves (`JSONBytesWritable`); the rest are written as
    /// they are encoded (`JSONBytesEncoder`), unless their containers need the tree `encoder`
    /// builds. The bytes are the same every way.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let writable = value as? any JSONBytesWritable { return JSONObjectWriter.bytes(of: writable) }
        if let bytes = try bytesEncoder.encode(value) { return bytes }
        return try encoder.encode(value).serializedUTF8(.compact)
    }

    static let bytesEncoder = JSONBytesEncoder()

    /// The wire JSON of `value` as a `JSON` value, for callers that go on to show or reorder it
    /// (`sfn history --output json`) and need not serialize and parse it again.
    public static func json<T: Encodable>(_ value: T) throws -> JSON {
        try encoder.encode(value)
    }

    /// A parse failure is the parser's `JSONParseError`, with the line and column.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decoder.decode(type, fromUTF8: bytes)
    }

    /// Decodes a request body as AWS would, every failure already an AWS error:
    /// malformed JSON or a value of the wrong JSON type is a `SerializationException`, a missing
    /// required member or an unknown enumeration value a `ValidationException`, a malformed ARN
    /// an `InvalidArn`. An empty body reads as `{}`, as AWS accepts it. The requests a server
    /// answers most are read from their members when plainly valid (`APIRequestReading`).
    public static func decodeRequest<T: Decodable>(
        _ type: T.Type, from bytes: [UInt8]
    ) throws(StepFunctionsError) -> T {
        let isBlank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let body = isBlank ? Array("{}".utf8) : bytes
        let json: JSON
        do {
            json = try JSON.parse(utf8: body)
        } catch {
            throw StepFunctionsError(
                .serializationException,
                "Malformed JSON request body at line \(error.location.line), column \(error.location.column): \(error.message)"
            )
        }
        guard case .object(let members) = json else {
            throw StepFunctionsError(.serializationException, "The request body must be a JSON object")
        }
        if let reading = type as? any APIRequestReading.Type, let request = reading.init(members: members) as? T {
            return request
        }
        do {
            return try strictDecoder.decode(type, from: json)
        } catch {
            throw apiError(from: error)
        }
    }

    /// The AWS error for a failure thrown while decoding a request.
    public static func apiError(from error: any Error) -> StepFunctionsError {
        switch error {
        case let error as StepFunctionsError:
            return error
        case let error as APIEnumerationError:
            return error.stepFunctionsError
        case DecodingError.keyNotFound(let key, let context):
            return .missing(fieldPath(context.codingPath + [key]))
        case DecodingError.valueNotFound(_, let context):
            return .missing(fieldPath(context.codingPath))
        case DecodingError.typeMismatch(let expected, let context):
            let field = fieldPath(context.codingPath)
            return StepFunctionsError(
                .serializationException,
                "Value at '\(field.isEmpty ? "<body>" : field)' cannot be converted to \(wireName(of: expected))")
        case DecodingError.dataCorrupted(let context):
            let field = fieldPath(context.codingPath)
            if field.isEmpty {
                return StepFunctionsError(.serializationException, "Malformed JSON request body")
            }
            return StepFunctionsError(
                .serializationException, "Value at '\(field)' is not valid: \(context.debugDescription)")
        default:
            return StepFunctionsError(.serializationException, "Cannot read the request body: \(error)")
        }
    }

    /// A member's path in AWS's form: `routingConfiguration.1.weight` (list positions 1-based).
    static func fieldPath(_ path: [any CodingKey]) -> String {
        path.map { key in key.intValue.map { String($0 + 1) } ?? key.stringValue }.joined(separator: ".")
    }

    private static func wireName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type, is Double.Type: "a number"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
