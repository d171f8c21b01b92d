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
