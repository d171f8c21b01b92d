import Diagnostics

/// Positions for `parseDocument`: the pointer of the node being read and a cursor that
/// turns byte offsets into line and column in one forward pass (nodes are met in order).
struct SourceMapBuilder {
    /// Collected in order and turned into the map once: growing a dictionary node by
    /// node spent most of `parseDocument`'s time rehashing.
    var entries: [(JSONPointer, SourceMap.Entry)] = []
    var path: [JSONPointer.Token] = []
    var keyLocation: SourceLocation?
    let file: String
    var offset: Int
    var line = 1
    var column = 1

    init(file: String, start: Int) {
        self.file = file
        self.offset = start
    }

    /// Records the key of the member whose value comes next.
    mutating func noteKey(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        keyLocation = locate(offset, in: bytes)
    }

    /// Enters a value (named by `token` in its parent; nil for the root) starting at `offset`
    /// and records its entry. The caller pops `path` once the value is complete.
    mutating func enterValue(_ token: JSONPointer.Token?, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        if let token { path.append(token) }
        guard offset < bytes.count else { return }
        let keyed: Bool = if case .key? = token { true } else { false }
        let entry = SourceMap.Entry(location: locate(offset, in: bytes), keyLocation: keyed ? keyLocation : nil)
        entries.append((JSONPointer(path), entry))
    }

    /// Moves the collected entries into a map sized once (popping moves each entry
    /// instead of copying it).
    mutating func makeSourceMap() -> SourceMap {
        var map = SourceMap(minimumCapacity: entries.count)
        while let (pointer, entry) = entries.popLast() { map[pointer] = entry }
        return map
    }

    mutating func locate(_ target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        while offset < target {
            let byte = bytes[offset]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
