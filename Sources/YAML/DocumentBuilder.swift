import Diagnostics
import JSONValue

/// Builds one document's `JSON` value and source map from libyaml's parse events.
///
/// Knows nothing of C: the event loop (`LibYAMLReader`) hands it scalar bytes, tags and
/// positions. The tree is built with an explicit stack of open collections (never by
/// recursion), so a deeply nested file cannot overflow the thread's stack; depth is
/// capped at `maxDepth` anyway, because every later stage walks the tree.
struct DocumentBuilder {
    static let maxDepth = 512

    let file: String
    var recorder = SourceMapRecorder()
    var stack: [Frame] = []
    var anchors: [String: Anchor] = [:]
    /// Anchors whose node is still being built, with where each was written; an alias
    /// to one of them would make a value contain itself.
    var openAnchors: [String: [SourceLocation]] = [:]
    var expandedNodes = 0
    var expandedBytes = 0
    /// The finished document value, once its root node ends.
    private(set) var root: JSON?

    init(file: String) { self.file = file }

    /// How much a node weighs, for the alias-expansion and depth limits.
    struct NodeSize {
        var nodes = 1
        var scalarBytes = 0
        /// Nested collections inside and including this node (0 for a scalar).
        var height = 0

        mutating func add(_ child: NodeSize) {
            nodes += child.nodes
            scalarBytes += child.scalarBytes
            height = max(height, child.height + 1)
        }
    }

    /// A mapping key read, waiting for its value.
    struct PendingKey {
        var text: String
        var location: SourceLocation
        /// A plain `<<`: the value is merged into the mapping, not stored under a key.
        var isMerge: Bool
    }

    /// A collection being built.
    struct Frame {
        var isMapping: Bool
        var entry: Int
        var location: SourceLocation
        var anchor: String?
        var items: [JSON] = []
        var object = JSONObject()
        /// Where each explicit key of `object` was written, in the same order.
        var keyLocations: [SourceLocation] = []
        var pendingKey: PendingKey?
        var merge: Merge?
        var size = NodeSize(nodes: 1, scalarBytes: 0, height: 1)
    }

    /// Where the next node goes.
    enum Placement {
        /// It is a mapping key.
        case key
        /// It is a value: the document root, an array element or a member.
        case value(parent: Int, token: JSONPointer.Token, keyLocation: SourceLocation?)
    }

    var placement: Placement {
        guard let top = stack.indices.last else {
            return .value(parent: SourceMapRecorder.root, token: .index(0), keyLocation: nil)
        }
        if stack[top].isMapping {
            guard let key = stack[top].pendingKey else { return .key }
            return .value(parent: stack[top].entry, token: .key(key.text), keyLocation: key.location)
        }
        return .value(parent: stack[top].entry, token: .index(stack[top].items.count), keyLocation: nil)
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    // MARK: Events

    mutating func scalar(
        _ bytes: UnsafeBufferPointer<UInt8>, tag: String?, plain: Bool, anchor: String?, at location: SourceLocation
    ) throws(YAMLError) {
        switch placement {
        case .key:
            try checkKeyTag(tag, at: location)
            let text = CoreSchema.text(bytes)
            if let anchor {
                let value = (try? resolve(bytes, tag: tag, plain: plain, at: location)) ?? .string(text)
                anchors[anchor] = Anchor(
                    value: value, entry: nil, asOf: recorder.time, size: NodeSize(scalarBytes: bytes.count),
                    location: location, keyText: text)
            }
            try setKey(text, isMerge: plain && tag == nil && text == "<<", at: location)
        case .value(let parent, let token, let keyLocation):
            let value = try resolve(bytes, tag: tag, plain: plain, at: location)
            let entry = recorder.begin(parent: parent, token: token, location: location, keyLocation: keyLocation)
            let size = NodeSize(scalarBytes: bytes.count)
            if let anchor {
                anchors[anchor] = Anchor(
                    value: value, entry: entry, asOf: recorder.time, size: size, location: location,
                    keyText: CoreSchema.text(bytes))
            }
            try attach(value, entry: entry, size: size, at: location)
        }
    }

    mutating func startCollection(mapping: Bool, tag: String?, anchor: String?, at location: SourceLocation) throws(YAMLError) {
        switch placement {
        case .key:
            throw YAMLError(
                .yamlInvalidKey,
                "a \(mapping ? "mapping" : "sequence") cannot be a mapping key; JSON keys are strings",
                at: location)
        case .value(let parent, let token, let keyLocation):
            try checkCollectionTag(tag, mapping: mapping, at: location)
            guard stack.count < DocumentBuilder.maxDepth else {
                throw YAMLError(
                    .yamlTooDeep, "collections are nested more than \(DocumentBuilder.maxDepth) levels deep",
                    at: location)
            }
            let entry = recorder.begin(parent: parent, token: token, location: location, keyLocation: keyLocation)
            if let anchor { openAnchors[anchor, default: []].append(location) }
            stack.append(Frame(isMapping: mapping, entry: entry, location: location, anchor: anchor))
        }
    }

    mutating func endCollection() throws(YAMLError) {
        guard var frame = stack.popLast() else { return }
        let value: JSON
        if frame.isMapping {
            value = .object(try finishMapping(&frame))
        } else {
            value = .array(frame.items)
        }
        recorder.finish(frame.entry)
        if let anchor = frame.anchor {
            openAnchors[anchor]?.removeLast()
            if openAnchors[anchor]?.isEmpty == true { openAnchors[anchor] = nil }
            anchors[anchor] = Anchor(
                value: value, entry: frame.entry, asOf: recorder.time, size: frame.size,
                location: frame.location, keyText: nil)
        }
        try attach(value, entry: frame.entry, size: frame.size, at: frame.location)
    }

    /// The value and source map, once the document has ended. The map is deferred: keyed by
    /// JSON Pointer it costs a third of the parse, and most documents never report a problem.
    func finish() -> (JSON, SourceMap) {
        let recorder = self.recorder
        return (root ?? .null, SourceMap(deferred: { recorder.sourceMap() }))
    }

    // MARK: Assembly

    /// Records a mapping key, refusing one already present in the same mapping.
    mutating func setKey(_ text: String, isMerge: Bool, at location: SourceLocation) throws(YAMLError) {
        let top = stack.count - 1
        if isMerge {
            if let merge = stack[top].merge {
                throw duplicateKey("<<", at: location, first: merge.keyLocation)
            }
        } else if let position = stack[top].object.position(of: text) {
            throw duplicateKey(text, at: location, first: stack[top].keyLocations[position])
        }
        stack[top].pendingKey = PendingKey(text: text, location: location, isMerge: isMerge)
    }

    private func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation) -> YAMLError {
        YAMLError(
            .yamlDuplicateKey, "duplicate key '\(key)' in this mapping; each key may appear only once",
            at: location, notes: [Diagnostic.Note("'\(key)' is first defined here", at: first)])
    }

    /// Puts a finished node where it belongs: the root, the next array element, or the
    /// value of the pending key.
    mutating func attach(_ value: JSON, entry: Int, size: NodeSize, at location: SourceLocation) throws(YAMLError) {
        guard let top = stack.indices.last else {
            root = value
            return
        }
        if stack[top].isMapping {
            guard let key = stack[top].pendingKey else { return }
            stack[top].pendingKey = nil
            if key.isMerge {
                try startMerge(value, entry: entry, keyLocation: key.location, at: location)
            } else {
                stack[top].object.appendUnchecked(key.text, value)
                stack[top].keyLocations.append(key.location)
            }
        } else {
            stack[top].items.append(value)
        }
        stack[top].size.add(size)
    }
}
