public import JSONValue

/// History events and cursors are `Codable` so a store can write them in any format; a
/// JSON payload inside them codes as its compact text, which keeps numbers exact.
extension JSON: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try JSON.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "stored JSON: \(error.message)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(serialized(JSONStyle.compact))
    }
}
