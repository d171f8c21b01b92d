import Diagnostics
import JSONValue

extension SourceDocument {
    /// Where the value at `pointer` was written (or its nearest written ancestor);
    /// the file's start when the map knows nothing better.
    func location(of pointer: JSONPointer) -> SourceLocation {
        sourceMap.nearest(pointer)?.location ?? SourceLocation(file: file, line: 1, column: 1)
    }

    /// Where the key naming the value at `pointer` was written; falls back to the value.
    func keyLocation(of pointer: JSONPointer) -> SourceLocation {
        sourceMap[pointer]?.keyLocation ?? location(of: pointer)
    }
}

extension SourceMap {
    /// Where the value at `pointer` was written, or nil.
    func location(of pointer: JSONPointer) -> SourceLocation? {
        nearest(pointer)?.location
    }

    /// The key's position when known, else the value's.
    func keyLocation(of pointer: JSONPointer) -> SourceLocation? {
        self[pointer]?.keyLocation ?? nearest(pointer)?.location
    }

    /// Copies the entries of every node of `value` (rooted at `from` in `source`) to the
    /// same relative place under `to`. Costs one lookup per node, not per entry of `source`.
    mutating func copyEntries(of value: JSON, from source: SourceMap, at from: JSONPointer, to: JSONPointer) {
        if let entry = source[from] { self[to] = entry }
        switch value {
        case .object(let object):
            for (key, child) in object {
                copyEntries(of: child, from: source, at: from.appending(key), to: to.appending(key))
            }
        case .array(let array):
            for (index, child) in array.enumerated() {
                copyEntries(of: child, from: source, at: from.appending(index), to: to.appending(index))
            }
        default:
            break
        }
    }
}
