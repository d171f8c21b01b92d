/// The stable identity of a kind of diagnostic: `validation.next-unknown-state`.
///
/// Users grep for these, CI filters on them and tests assert them, so a rule's id
/// never changes once published. `domain` names the stage that found the problem
/// (`json`, `yaml`, `workspace`, `render`, `validation`); `name` is kebab-case.
public struct DiagnosticID: Hashable, Sendable, CustomStringConvertible, Codable {
    public var domain: String
    public var name: String

    public init(_ domain: String, _ name: String) {
        self.domain = domain
        self.name = name
    }

    public var description: String { "\(domain).\(name)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let dot = text.firstIndex(of: ".") else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "diagnostic id '\(text)' has no domain"))
        }
        self.init(String(text[..<dot]), String(text[text.index(after: dot)...]))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
