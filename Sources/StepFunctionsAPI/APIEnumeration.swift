/// A value set the API fixes and AWS validates on input (`StateMachineType`, `LogLevel` …):
/// a Swift enum with AWS's raw values. Decoding an unknown value throws AWS's
/// `ValidationException` (`Member must satisfy enum value set: [STANDARD, EXPRESS]`), which the
/// dispatcher passes to the caller as is.
public protocol APIEnumeration: RawRepresentable<String>, CaseIterable, Codable, Hashable, Sendable {}

/// A value set AWS extends over time (history event types, statuses): a struct of known
/// constants rather than an enum, so a client decoding a newer service's response keeps the
/// value instead of failing. Requests decoded with `APICoding.strictDecoder` still reject
/// unknown values, as AWS does.
public protocol OpenAPIEnumeration: RawRepresentable<String>, Codable, Hashable, Sendable,
    CustomStringConvertible
{
    init(rawValue: String)
    /// Every value this version of the API knows, in AWS's documented order.
    static var knownValues: [Self] { get }
}

extension APIEnumeration {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw APIEnumerationError.unknown(raw, Self.allCases.map(\.rawValue), decoder.codingPath)
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension OpenAPIEnumeration {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }

    public var description: String { rawValue }

    /// Whether this value is one AWS documents (as of this module).
    public var isKnown: Bool { Self.knownValues.contains(self) }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        let value = Self(rawValue: raw)
        if decoder.userInfo[APICoding.strictEnumerationsKey] as? Bool == true, !value.isKnown {
            throw APIEnumerationError.unknown(raw, Self.knownValues.map(\.rawValue), decoder.codingPath)
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Thrown while decoding; turned into AWS's `ValidationException` by `APICoding.apiError(from:)`.
enum APIEnumerationError: Error {
    case unknown(String, [String], [any CodingKey])

    var stepFunctionsError: StepFunctionsError {
        switch self {
        case .unknown(let value, let allowed, let path):
            .validation(
                value: value, at: APICoding.fieldPath(path),
                constraint: "Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]")
        }
    }
}
