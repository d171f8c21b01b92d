import Diagnostics
import JSONValue

/// Merge keys (`<<: *defaults` or `<<: [*a, *b]`), as YAML 1.1's merge type defines them.
///
/// Keys written in the mapping win over merged ones, wherever they appear; among merged
/// mappings the earlier one wins. Merged members take the place of the `<<` entry, in
/// the order of the merged mappings, so a rendered definition reads as the file does.
extension DocumentBuilder {
    /// A `<<` entry of a mapping being built.
    struct Merge {
        /// How many explicit members preceded `<<`: the merged members go there.
        var slot: Int
        var value: JSON
        /// The source-map entry of the `<<` value.
        var entry: Int
        var keyLocation: SourceLocation
    }

    /// Checks a `<<` value and remembers it until the mapping ends.
    mutating func startMerge(_ value: JSON, entry: Int, keyLocation: SourceLocation, at location: SourceLocation) throws(YAMLError) {
        switch value {
        case .object:
            break
        case .array(let items):
            for (i, item) in items.enumerated() where item.objectValue == nil {
                throw YAMLError(
                    .yamlInvalidMerge,
                    "the merge key '<<' takes mappings, but element \(i + 1) of its list is a\(item.typeName == "array" || item.typeName == "object" ? "n" : "") \(item.typeName)",
                    at: location)
            }
        default:
            throw YAMLError(
                .yamlInvalidMerge,
                "the merge key '<<' takes a mapping or a list of mappings, not a\(value.typeName == "array" || value.typeName == "object" ? "n" : "") \(value.typeName); quote '<<' to use it as an ordinary key",
                at: location)
        }
        let top = stack.count - 1
        stack[top].merge = Merge(slot: stack[top].object.count, value: value, entry: entry, keyLocation: keyLocation)
    }

    /// The mapping's final members, with any merged ones in place of its `<<` entry.
    mutating func finishMapping(_ frame: inout Frame) throws(YAMLError) -> JSONObject {
        guard let merge = frame.merge else { return frame.object }
        var sources: [(object: JSONObject, entry: Int?)] = []
        switch merge.value {
        case .object(let object):
            sources = [(object, merge.entry)]
        case .array(let items):
            let elements = recorder.children(of: merge.entry)
            for (i, item) in items.enumerated() {
                guard let object = item.objectValue else { continue }
                sources.append((object, elements.first { $0.token == .index(i) }?.index))
            }
        default:
            break
        }
        var merged: [(key: String, value: JSON)] = []
        var taken = Set<String>()
        for source in sources {
            var memberEntries: [String: Int] = [:]
            if let entry = source.entry {
                for child in recorder.children(of: entry) {
                    if case .key(let key) = child.token { memberEntries[key] = child.index }
                }
            }
            for (key, value) in source.object where frame.object[key] == nil && !taken.contains(key) {
                taken.insert(key)
                merged.append((key, value))
                if let member = memberEntries[key] {
                    _ = recorder.copy(
                        member, asOf: recorder.time, parent: frame.entry, token: .key(key),
                        keyLocation: recorder.keyLocation(of: member))
                }
            }
        }
        recorder.retire(merge.entry)
        var object = JSONObject()
        for (i, member) in frame.object.enumerated() {
            if i == merge.slot { for m in merged { object.appendUnchecked(m.key, m.value) } }
            object.appendUnchecked(member.key, member.value)
        }
        if merge.slot >= frame.object.count { for m in merged { object.appendUnchecked(m.key, m.value) } }
        return object
    }
}
