import Diagnostics
import JSONValue

/// Explicit tags: the core schema's (`!!str`, `!!int` … and their `tag:yaml.org,2002:`
/// forms, which is how libyaml reports them) and the non-specific `!`. Any other tag is
/// refused: the result is plain JSON, so a CloudFormation `!Ref` has no meaning here
/// and silently dropping it would change the value.
extension DocumentBuilder {
    static let corePrefix = "tag:yaml.org,2002:"

    /// A tag as the user wrote it: `!!int` rather than `tag:yaml.org,2002:int`.
    static func display(_ tag: String) -> String {
        if tag.hasPrefix(corePrefix) { return "!!" + tag.dropFirst(corePrefix.count) }
        return tag.hasPrefix("!") ? tag : "!<\(tag)>"
    }

    /// The value of a scalar node: core-schema resolution when plain and untagged,
    /// a string when quoted or block, or what its tag says.
    func resolve(_ bytes: UnsafeBufferPointer<UInt8>, tag: String?, plain: Bool, at location: SourceLocation) throws(YAMLError) -> JSON {
        guard let tag else {
            guard plain else { return .string(CoreSchema.text(bytes)) }
            switch CoreSchema.resolvePlain(bytes) {
            case .value(let value): return value
            case .nonFinite:
                let text = CoreSchema.text(bytes)
                throw YAMLError(
                    .yamlInvalidValue,
                    "'\(text)' is not a number JSON can hold (JSON has no infinity or NaN); quote it (\"\(text)\") to keep it as a string",
                    at: location)
            }
        }
        let text = CoreSchema.text(bytes)
        func refuse(_ what: String) -> YAMLError {
            YAMLError(.yamlInvalidValue, "'\(text)' is not \(what), as its tag '\(DocumentBuilder.display(tag))' requires", at: location)
        }
        switch tag {
        case "!", DocumentBuilder.corePrefix + "str":
            return .string(text)
        case DocumentBuilder.corePrefix + "int":
            guard !bytes.isEmpty, let number = CoreSchema.integer(bytes) else { throw refuse("an integer") }
            return .number(number)
        case DocumentBuilder.corePrefix + "float":
            if !bytes.isEmpty, let number = CoreSchema.integer(bytes) ?? CoreSchema.float(bytes) { return .number(number) }
            if CoreSchema.isNonFinite(bytes) {
                throw YAMLError(
                    .yamlInvalidValue, "'\(text)' is not a number JSON can hold (JSON has no infinity or NaN)", at: location)
            }
            throw refuse("a number")
        case DocumentBuilder.corePrefix + "bool":
            guard let bool = CoreSchema.bool(bytes) else { throw refuse("a boolean (true or false)") }
            return .bool(bool)
        case DocumentBuilder.corePrefix + "null":
            guard CoreSchema.isNull(bytes) else { throw refuse("null") }
            return .null
        case DocumentBuilder.corePrefix + "map", DocumentBuilder.corePrefix + "seq":
            throw YAMLError(
                .yamlInvalidValue,
                "the tag '\(DocumentBuilder.display(tag))' is for a collection, but '\(text)' is a scalar", at: location)
        default:
            throw unknownTag(tag, at: location)
        }
    }

    /// Keys are their text as written; a tag on a key may only be a core one.
    func checkKeyTag(_ tag: String?, at location: SourceLocation) throws(YAMLError) {
        guard let tag, tag != "!" else { return }
        let known = ["str", "int", "float", "bool", "null"].map { DocumentBuilder.corePrefix + $0 }
        if !known.contains(tag) { throw unknownTag(tag, at: location) }
    }

    func checkCollectionTag(_ tag: String?, mapping: Bool, at location: SourceLocation) throws(YAMLError) {
        guard let tag, tag != "!" else { return }
        let expected = DocumentBuilder.corePrefix + (mapping ? "map" : "seq")
        if tag == expected { return }
        let other = DocumentBuilder.corePrefix + (mapping ? "seq" : "map")
        let scalars = ["str", "int", "float", "bool", "null"].map { DocumentBuilder.corePrefix + $0 }
        if tag == other || scalars.contains(tag) {
            throw YAMLError(
                .yamlInvalidValue,
                "the tag '\(DocumentBuilder.display(tag))' does not fit a \(mapping ? "mapping" : "sequence")", at: location)
        }
        throw unknownTag(tag, at: location)
    }

    func unknownTag(_ tag: String, at location: SourceLocation) -> YAMLError {
        YAMLError(
            .yamlUnknownTag,
            "unknown tag '\(DocumentBuilder.display(tag))'; only YAML's core tags (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq) are allowed, because the result is plain JSON",
            at: location)
    }
}
