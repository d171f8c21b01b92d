import Diagnostics
import JSONValue

/// Anchors (`&name`) and aliases (`*name`), expanded by value.
///
/// An alias yields the anchored node's value (cheap: `JSON` values share storage) and a
/// copy of its source-map entries, so a problem found in an aliased node points at the
/// text that was written. The copies are what an alias bomb ("billion laughs") would
/// multiply, so the total expansion is capped in nodes and in scalar bytes.
extension DocumentBuilder {
    static let maxExpandedNodes = 1_000_000
    static let maxExpandedBytes = 10_000_000

    /// A finished anchored node.
    struct Anchor {
        var value: JSON
        /// Its source-map entry; nil when the anchor was on a mapping key.
        var entry: Int?
        /// The recorder's time when the node ended: later merges do not change it.
        var asOf: Int
        var size: NodeSize
        var location: SourceLocation
        /// The scalar text as written, when the node is a scalar (so the alias may be a key).
        var keyText: String?
    }

    mutating func alias(_ name: String, at location: SourceLocation) throws(YAMLError) {
        // The most recent anchor of that name wins; if it is still open, the alias is inside it.
        if let open = openAnchors[name]?.last, anchors[name].map({ $0.location < open }) ?? true {
            throw YAMLError(
                .yamlAliasCycle,
                "alias '*\(name)' is used inside the node its anchor '&\(name)' defines; a value cannot contain itself",
                at: location, notes: [Diagnostic.Note("anchor '&\(name)' is defined here", at: open)])
        }
        guard let anchor = anchors[name] else {
            throw YAMLError(
                .yamlUndefinedAlias,
                "alias '*\(name)' refers to no anchor; define '&\(name)' on a node before this point",
                at: location)
        }
        expandedNodes += anchor.size.nodes
        expandedBytes += anchor.size.scalarBytes
        if expandedNodes > DocumentBuilder.maxExpandedNodes || expandedBytes > DocumentBuilder.maxExpandedBytes {
            throw YAMLError(
                .yamlAliasExpansionLimit,
                "aliases expand to more than \(DocumentBuilder.maxExpandedNodes) nodes or \(DocumentBuilder.maxExpandedBytes) bytes; alias '*\(name)' crosses the limit (an alias bomb?)",
                at: location, notes: [Diagnostic.Note("anchor '&\(name)' is defined here", at: anchor.location)])
        }
        switch placement {
        case .key:
            guard let text = anchor.keyText else {
                throw YAMLError(
                    .yamlInvalidKey,
                    "alias '*\(name)' names a \(anchor.value.typeName == "array" ? "sequence" : "mapping") and cannot be a mapping key; JSON keys are strings",
                    at: location)
            }
            try setKey(text, isMerge: false, at: location)
        case .value(let parent, let token, let keyLocation):
            guard stack.count + anchor.size.height <= DocumentBuilder.maxDepth else {
                throw YAMLError(
                    .yamlTooDeep,
                    "alias '*\(name)' nests collections more than \(DocumentBuilder.maxDepth) levels deep",
                    at: location)
            }
            let entry: Int
            if let source = anchor.entry {
                entry = recorder.copy(source, asOf: anchor.asOf, parent: parent, token: token, keyLocation: keyLocation)
            } else {
                entry = recorder.begin(parent: parent, token: token, location: anchor.location, keyLocation: keyLocation)
            }
            try attach(anchor.value, entry: entry, size: anchor.size, at: location)
        }
    }
}
