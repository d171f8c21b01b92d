public import Diagnostics

/// Where each node of a JSON document came from: pointer → source position.
///
/// Built by the JSON and YAML parsers and carried through rendering (a node that came
/// from a template keeps the template's position and records where the template was
/// used), so a validation problem found in the final ASL points at the line a user wrote.
public struct SourceMap: Sendable {
    /// The origin of one node.
    public struct Entry: Hashable, Sendable {
        /// The position of the node's value (the first character of the scalar, `{` or `[`,
        /// or of the first key of a YAML block mapping).
        public var location: SourceLocation
        /// The position of the key that names this node in its parent object; nil for the
        /// root and array elements. Diagnostics about a whole state point here.
        public var keyLocation: SourceLocation?
        /// Where the enclosing template was used, innermost first (empty for nodes
        /// written directly in the file).
        public var includedFrom: [SourceLocation]

        public init(location: SourceLocation, keyLocation: SourceLocation? = nil, includedFrom: [SourceLocation] = []) {
            self.location = location
            self.keyLocation = keyLocation
            self.includedFrom = includedFrom
        }
    }

    public private(set) var entries: [JSONPointer: Entry] = [:]

    public init() {}

    /// An empty map with room for `minimumCapacity` entries (parsers know their node count).
    public init(minimumCapacity: Int) {
        entries = Dictionary(minimumCapacity: minimumCapacity)
    }

    public subscript(pointer: JSONPointer) -> Entry? {
        get { entries[pointer] }
        set { entries[pointer] = newValue }
    }

    /// The entry of `pointer`, or of its nearest ancestor that has one: a node created
    /// by rendering (not written anywhere) is reported where its parent was written.
    public func nearest(_ pointer: JSONPointer) -> Entry? {
        var current: JSONPointer? = pointer
        while let p = current {
            if let entry = entries[p] { return entry }
            current = p.parent
        }
        return nil
    }

    /// Copies every entry of `other` under `prefix` (used when a template's value is
    /// spliced into a definition), adding `includedFrom` to each copied entry.
    public mutating func graft(_ other: SourceMap, at prefix: JSONPointer, includedFrom: SourceLocation? = nil) {
        entries.reserveCapacity(entries.count + other.entries.count)
        for (pointer, var entry) in other.entries {
            if let includedFrom { entry.includedFrom.append(includedFrom) }
            entries[prefix.appending(pointer)] = entry
        }
    }

    /// The entries under `prefix`, re-rooted so `prefix` becomes the root.
    public func subtree(at prefix: JSONPointer) -> SourceMap {
        var result = SourceMap()
        let n = prefix.tokens.count
        for (pointer, entry) in entries where pointer.tokens.starts(with: prefix.tokens) {
            result.entries[JSONPointer(Array(pointer.tokens.dropFirst(n)))] = entry
        }
        return result
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// Makes room for `capacity` entries, so a renderer that knows roughly how many nodes it
    /// will record (the source document's count) does not rehash the map as it grows.
    public mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
    }
}
