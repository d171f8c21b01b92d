public import Diagnostics
import Synchronization

/// Where each node of a JSON document came from: pointer → source position.
///
/// Built by the JSON and YAML parsers and carried through rendering (a node that came
/// from a template keeps the template's position and records where the template was
/// used), so a validation problem found in the final ASL points at the line a user wrote.
///
/// A map can be deferred (`init(deferred:)`): built the first time it is read. Locations
/// are needed only when something is reported, and building a map costs more than the
/// parse or render it describes, so a `plan` with nothing to report builds none.
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

    private enum Storage: Sendable {
        case built([JSONPointer: Entry])
        case deferred(DeferredSourceMap)
    }

    private var storage: Storage

    /// Every entry; a deferred map is built on first use.
    public var entries: [JSONPointer: Entry] {
        switch storage {
        case .built(let entries): entries
        case .deferred(let deferred): deferred.entries
        }
    }

    public init() { storage = .built([:]) }

    /// An empty map with room for `minimumCapacity` entries (parsers know their node count).
    public init(minimumCapacity: Int) {
        storage = .built(Dictionary(minimumCapacity: minimumCapacity))
    }

    /// A map built by `build` the first time it is read, once, whichever copy reads it.
    /// `build` must give the same map whenever it runs (it describes a value already made).
    public init(deferred build: @escaping @Sendable () -> SourceMap) {
        storage = .deferred(DeferredSourceMap(build))
    }

    /// True until a deferred map is read (a built map is never deferred again).
    public var isDeferred: Bool {
        if case .deferred(let deferred) = storage { return !deferred.isBuilt }
        return false
    }

    public subscript(pointer: JSONPointer) -> Entry? {
        get { entries[pointer] }
        set { modifyEntries { $0[pointer] = newValue } }
    }

    /// Mutates the entries in place: the storage is emptied while `body` runs, so the
    /// dictionary is uniquely referenced and not copied.
    private mutating func modifyEntries<Result>(_ body: (inout [JSONPointer: Entry]) -> Result) -> Result {
        var entries = self.entries
        storage = .built([:])
        defer { storage = .built(entries) }
        return body(&entries)
    }

    /// The entry of `pointer`, or of its nearest ancestor that has one: a node created
    /// by rendering (not written anywhere) is reported where its parent was written.
    public func nearest(_ pointer: JSONPointer) -> Entry? {
        let entries = self.entries  // once: a deferred map's entries are read under its lock
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
        let grafted = other.entries
        modifyEntries { entries in
            entries.reserveCapacity(entries.count + grafted.count)
            for (pointer, var entry) in grafted {
                if let includedFrom { entry.includedFrom.append(includedFrom) }
                entries[prefix.appending(pointer)] = entry
            }
        }
    }

    /// The entries under `prefix`, re-rooted so `prefix` becomes the root.
    public func subtree(at prefix: JSONPointer) -> SourceMap {
        var result: [JSONPointer: Entry] = [:]
        let n = prefix.tokens.count
        for (pointer, entry) in entries where pointer.tokens.starts(with: prefix.tokens) {
            result[JSONPointer(Array(pointer.tokens.dropFirst(n)))] = entry
        }
        var map = SourceMap()
        map.storage = .built(result)
        return map
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// Makes room for `capacity` entries, so a renderer that knows roughly how many nodes it
    /// will record (the source document's count) does not rehash the map as it grows.
    public mutating func reserveCapacity(_ capacity: Int) {
        modifyEntries { $0.reserveCapacity(capacity) }
    }
}

/// The shared state of a deferred map: the closure that builds it and, once built, the
/// entries, which every copy of the map then reads.
private final class DeferredSourceMap: Sendable {
    private let build: @Sendable () -> SourceMap
    private let built = Mutex<[JSONPointer: SourceMap.Entry]?>(nil)

    init(_ build: @escaping @Sendable () -> SourceMap) { self.build = build }

    var isBuilt: Bool { built.withLock { $0 != nil } }

    /// Built under the lock: two readers at once build it once.
    var entries: [JSONPointer: SourceMap.Entry] {
        built.withLock { built in
            if let built { return built }
            let entries = build().entries
            built = entries
            return entries
        }
    }
}
