import JSONValue

/// A request a server reads on nearly every call, read from its members without `Codable`
/// (the counterpart of `JSONBytesWritable` for responses: through `Codable` each member costs
/// a trip through a type-erased container). Only a plainly valid request is read here; for
/// anything else the initializer returns nil and `APICoding` decodes through `Codable`, which
/// reports what is wrong exactly as AWS does. `APIRequestReadingTests` holds both paths to the
/// same values.
protocol APIRequestReading {
    init?(members: JSONObject)
}

extension JSONObject {
    /// A member that must be a string when present: `.some(nil)` when absent or null, nil
    /// (not plainly valid) when it is another type.
    func optionalString(_ key: String) -> String?? {
        switch self[key] {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        default: return nil
        }
    }

    /// A member that must be one of AWS's documented values when present.
    func optionalIncludedData(_ key: String) -> IncludedData?? {
        switch self[key] {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return IncludedData(rawValue: text).map { .some($0) }
        default: return nil
        }
    }
}
