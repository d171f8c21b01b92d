import JSONValue

/// Layers of settings merged in order (defaults, `sfn.yaml`, each environment of an
/// `extends` chain from the root, per-workflow overrides, `--var`), with a source map
/// whose entries point into whichever file each surviving value came from.
///
/// Merge rule: mappings merge key by key (the later layer wins); lists and scalars
/// are replaced whole. Key order is the order keys first appeared.
struct MergedSettings: Sendable {
    var object: JSONObject
    var sourceMap: SourceMap

    init(object: JSONObject = [:], sourceMap: SourceMap = SourceMap()) {
        self.object = object
        self.sourceMap = sourceMap
    }

    /// Merges `layer` (whose nodes are mapped by `map`) over the current settings.
    mutating func merge(_ layer: JSONObject, map: SourceMap, skipping: Set<String> = []) {
        var merged = JSON.object(object)
        for (key, value) in layer where !skipping.contains(key) {
            merge(value, from: map, at: [.key(key)], into: &merged, at: [.key(key)])
        }
        if let root = map[.root] { sourceMap[.root] = root }
        object = merged.objectValue ?? object
    }

    /// Sets the value at `path` (creating mappings on the way), replacing what was there.
    /// Values set this way have no source position (they came from the command line).
    mutating func set(_ value: JSON, at path: [String]) {
        guard let first = path.first else { return }
        let pointer = JSONPointer(path.map { .key($0) })
        if let old = pointer.resolve(in: .object(object)) { removeEntries(of: old, at: pointer) }
        object[first] = Self.setting(value, at: path.dropFirst(), in: object[first])
    }

    private static func setting(_ value: JSON, at path: ArraySlice<String>, in node: JSON?) -> JSON {
        guard let first = path.first else { return value }
        var object = node?.objectValue ?? [:]
        object[first] = setting(value, at: path.dropFirst(), in: object[first])
        return .object(object)
    }

    private mutating func merge(_ value: JSON, from map: SourceMap, at source: JSONPointer, into node: inout JSON, at target: JSONPointer) {
        guard case .object(var container) = node, let key = target.last.map(\.text) else { return }
        if case .object(let layerObject) = value, case .object(var existing)? = container[key] {
            if let entry = map[source] { sourceMap[target] = entry }
            var child = JSON.object(existing)
            for (childKey, childValue) in layerObject {
                merge(childValue, from: map, at: source.appending(childKey), into: &child, at: target.appending(childKey))
            }
            existing = child.objectValue ?? existing
            container[key] = .object(existing)
        } else {
            if let old = container[key] { removeEntries(of: old, at: target) }
            sourceMap.copyEntries(of: value, from: map, at: source, to: target)
            container[key] = value
        }
        node = .object(container)
    }

    private mutating func removeEntries(of value: JSON, at pointer: JSONPointer) {
        sourceMap[pointer] = nil
        switch value {
        case .object(let object):
            for (key, child) in object { removeEntries(of: child, at: pointer.appending(key)) }
        case .array(let array):
            for (index, child) in array.enumerated() { removeEntries(of: child, at: pointer.appending(index)) }
        default:
            break
        }
    }
}
