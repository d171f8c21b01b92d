import Diagnostics
import JSONValue

/// Source positions of every node, recorded in document order while the tree is built,
/// then turned into a `SourceMap` once the document is complete.
///
/// Entries form a tree by parent index and are appended in preorder, so every node's
/// subtree is one contiguous range `index..<end`. That makes the two operations YAML
/// needs cheap and path-independent:
/// - an alias copies its anchor's subtree under a new parent, so nodes reached through
///   an alias point at the anchored text;
/// - a merge key (`<<`) retires the subtree written under `<<` and copies the merged
///   members under the mapping.
/// Retired entries are not removed (ranges recorded by anchors must stay valid): each
/// carries the logical time it was retired, and an anchor sees the entries that were
/// still alive when it was closed.
struct SourceMapRecorder {
    struct Record {
        var parent: Int
        var token: JSONPointer.Token
        var location: SourceLocation
        var keyLocation: SourceLocation?
        /// One past the last entry of this node's subtree (set when the node ends).
        var end: Int
        /// When this entry was retired; `Int.max` while it belongs to the document.
        var retiredAt: Int
    }

    static let root = -1
    private(set) var records: [Record] = []
    /// The logical clock for retirements; anchors remember its value when they close.
    private(set) var time = 0

    /// Records a node that starts now; call `finish` when its last descendant is recorded.
    mutating func begin(parent: Int, token: JSONPointer.Token, location: SourceLocation, keyLocation: SourceLocation?) -> Int {
        records.append(Record(
            parent: parent, token: token, location: location, keyLocation: keyLocation,
            end: records.count + 1, retiredAt: .max))
        return records.count - 1
    }

    mutating func finish(_ index: Int) { records[index].end = records.count }

    func keyLocation(of index: Int) -> SourceLocation? { records[index].keyLocation }

    /// The live direct children of `index`, with their tokens.
    func children(of index: Int) -> [(token: JSONPointer.Token, index: Int)] {
        var result: [(JSONPointer.Token, Int)] = []
        var child = index + 1
        while child < records[index].end {
            if records[child].retiredAt == .max, records[child].parent == index { result.append((records[child].token, child)) }
            child = records[child].end
        }
        return result
    }

    /// Retires the subtree at `index` (a `<<` value, replaced by the merged members).
    mutating func retire(_ index: Int) {
        time += 1
        for i in index..<records[index].end where records[i].retiredAt == .max { records[i].retiredAt = time }
    }

    /// Copies the subtree at `source`, as it was at time `asOf`, under `parent` with `token`;
    /// returns the index of the copy's root. `keyLocation` is the position of the key that
    /// names the copy in its new parent (nil for an array element or the root).
    mutating func copy(
        _ source: Int, asOf: Int, parent: Int, token: JSONPointer.Token, keyLocation: SourceLocation?
    ) -> Int {
        let sourceEnd = records[source].end
        var newIndex = [Int](repeating: SourceMapRecorder.root, count: sourceEnd - source)
        // Subtrees are nested ranges: a stack of (old end, new index) closes copies in order.
        var open: [(oldEnd: Int, index: Int)] = []
        let copyRoot = records.count
        for old in source..<sourceEnd where records[old].retiredAt > asOf {
            while let last = open.last, old >= last.oldEnd {
                records[last.index].end = records.count
                open.removeLast()
            }
            var record = records[old]
            if old == source {
                record.parent = parent
                record.token = token
                record.keyLocation = keyLocation
            } else {
                record.parent = newIndex[record.parent - source]
            }
            record.retiredAt = .max
            newIndex[old - source] = records.count
            open.append((records[old].end, records.count))
            records.append(record)
        }
        for entry in open { records[entry.index].end = records.count }
        return copyRoot
    }

    /// The live entries as a `SourceMap` keyed by JSON Pointer.
    func sourceMap() -> SourceMap {
        var map = SourceMap(minimumCapacity: records.count)
        var pointers = [JSONPointer?](repeating: nil, count: records.count)
        for i in records.indices where records[i].retiredAt == .max {
            let parent = records[i].parent
            let pointer: JSONPointer
            if parent == SourceMapRecorder.root {
                pointer = .root
            } else if let parentPointer = pointers[parent] {
                var tokens = parentPointer.tokens
                tokens.reserveCapacity(tokens.count + 1)
                tokens.append(records[i].token)
                pointer = JSONPointer(tokens)
            } else {
                continue
            }
            pointers[i] = pointer
            map[pointer] = SourceMap.Entry(location: records[i].location, keyLocation: records[i].keyLocation)
        }
        return map
    }
}
