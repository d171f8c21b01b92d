import JSONValue

/// The structural difference between two ASL definitions: which states were added,
/// removed or changed, and every field that differs, with its path.
///
/// Objects are compared key by key in canonical order (so key order never shows as a
/// change); arrays by position, because ASL's arrays (`Retry`, `Catch`, `Choices`,
/// `Branches`) are ordered and a retrier's index is how a reader names it. A state that
/// was added or removed is one change at `States.<name>`, not one per field.
public struct DefinitionDiff: Sendable, Equatable {
    /// Every difference, in canonical key order (depth first).
    public var changes: [FieldChange]
    /// Top-level states present only in the new definition, sorted.
    public var addedStates: [String]
    /// Top-level states present only in the old definition, sorted.
    public var removedStates: [String]
    /// Top-level states present in both whose content differs, sorted.
    public var changedStates: [String]

    public var isEmpty: Bool { changes.isEmpty }

    /// Compares `old` with `new` (either may be any JSON; definitions are objects).
    public init(old: JSON, new: JSON) {
        var changes: [FieldChange] = []
        DefinitionDiff.compare(old, new, at: .root, into: &changes)
        self.changes = changes
        // The states follow from the changes: no second walk over the definitions.
        var added: [String] = [], removed: [String] = [], changed: [String] = []
        for change in changes {
            let tokens = change.pointer.tokens
            guard tokens.count >= 2, tokens[0] == .key("States"), case .key(let state) = tokens[1] else { continue }
            if tokens.count == 2 && change.kind == .added {
                added.append(state)
            } else if tokens.count == 2 && change.kind == .removed {
                removed.append(state)
            } else if changed.last != state {
                changed.append(state)
            }
        }
        if old["States"]?.objectValue == nil || new["States"]?.objectValue == nil {
            // `States` itself appeared, vanished or changed type: count whole states.
            let oldStates = old["States"]?.objectValue ?? JSONObject()
            let newStates = new["States"]?.objectValue ?? JSONObject()
            added = newStates.keys.filter { oldStates[$0] == nil }
            removed = oldStates.keys.filter { newStates[$0] == nil }
            changed = []
        }
        addedStates = added.sorted()
        removedStates = removed.sorted()
        changedStates = changed.sorted()
    }

    /// Top-level fields other than `States` that differ (`Comment`, `StartAt`, `TimeoutSeconds`).
    public var changedTopLevelFields: [String] {
        var keys: [String] = []
        for change in changes {
            guard case .key(let key)? = change.pointer.tokens.first, key != "States", !keys.contains(key) else { continue }
            keys.append(key)
        }
        return keys
    }

    static func compare(_ old: JSON, _ new: JSON, at pointer: JSONPointer, into changes: inout [FieldChange]) {
        switch (old, new) {
        case (.object(let a), .object(let b)):
            var keys = a.keys
            for key in b.keys where a[key] == nil { keys.append(key) }
            for key in JSONObject(keys.map { ($0, JSON.null) }).sortedMembers.map(\.key) {
                switch (a[key], b[key]) {
                case (let x?, let y?):
                    // Equal subtrees are the common case: skip them without building paths.
                    if x != y { compare(x, y, at: pointer.appending(key), into: &changes) }
                case (let x?, nil): changes.append(FieldChange(kind: .removed, pointer: pointer.appending(key), old: x, new: nil))
                case (nil, let y?): changes.append(FieldChange(kind: .added, pointer: pointer.appending(key), old: nil, new: y))
                case (nil, nil): break
                }
            }
        case (.array(let a), .array(let b)):
            for index in 0..<max(a.count, b.count) {
                let path = pointer.appending(index)
                if index < a.count && index < b.count {
                    if a[index] != b[index] { compare(a[index], b[index], at: path, into: &changes) }
                } else if index < a.count {
                    changes.append(FieldChange(kind: .removed, pointer: path, old: a[index], new: nil))
                } else {
                    changes.append(FieldChange(kind: .added, pointer: path, old: nil, new: b[index]))
                }
            }
        default:
            if old != new { changes.append(FieldChange(kind: .changed, pointer: pointer, old: old, new: new)) }
        }
    }
}
