import JSONValue
import Workspace

/// What changed between two renders of one workflow: its deployment metadata (name,
/// type, role, tags) and its definition.
public struct WorkflowDiff: Sendable, Equatable {
    /// Metadata changes, at paths `name`, `type`, `role`, `tags.<key>`.
    public var metadata: [FieldChange]
    public var definition: DefinitionDiff

    public init(old: RenderedWorkflow, new: RenderedWorkflow) {
        self.init(old: RenderedDefinition(old), new: RenderedDefinition(new))
    }

    public init(old: RenderedDefinition, new: RenderedDefinition) {
        var metadata: [FieldChange] = []
        func field(_ key: String, _ a: JSON, _ b: JSON) {
            if a != b {
                metadata.append(FieldChange(
                    kind: a.isNull ? .added : b.isNull ? .removed : .changed, pointer: [.key(key)],
                    old: a.isNull ? nil : a, new: b.isNull ? nil : b))
            }
        }
        field("name", .string(old.stateMachineName), .string(new.stateMachineName))
        field("type", .string(old.type.rawValue), .string(new.type.rawValue))
        field("role", old.role.map(JSON.string) ?? .null, new.role.map(JSON.string) ?? .null)
        DefinitionDiff.compare(WorkflowDiff.tags(old.tags), WorkflowDiff.tags(new.tags), at: ["tags"], into: &metadata)
        self.metadata = metadata
        definition = DefinitionDiff(old: old.definition, new: new.definition)
    }

    public var isEmpty: Bool { metadata.isEmpty && definition.isEmpty }

    /// A short account for one-line views: `2 states changed`, `1 added, 1 changed`,
    /// `type changed`, `Comment changed`.
    public var summary: String {
        var parts: [String] = []
        let d = definition
        let kinds = [(d.addedStates.count, "added"), (d.changedStates.count, "changed"), (d.removedStates.count, "removed")]
            .filter { $0.0 > 0 }
        if kinds.count == 1, let (count, verb) = kinds.first {
            parts.append("\(count) state\(count == 1 ? "" : "s") \(verb)")
        } else if !kinds.isEmpty {
            parts.append(kinds.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        }
        let fields = d.changedTopLevelFields
        if !fields.isEmpty { parts.append(fields.joined(separator: ", ") + " changed") }
        var metadataKeys: [String] = []
        for change in metadata {
            guard case .key(let key)? = change.pointer.tokens.first, !metadataKeys.contains(key) else { continue }
            metadataKeys.append(key)
        }
        if !metadataKeys.isEmpty { parts.append(metadataKeys.joined(separator: ", ") + " changed") }
        return parts.isEmpty ? "no change" : parts.joined(separator: "; ")
    }

    /// Tags as an object, later values winning, for a key-by-key comparison.
    static func tags(_ tags: [RenderedWorkflow.Tag]) -> JSON {
        var object = JSONObject()
        for tag in tags { object[tag.key] = .string(tag.value) }
        return .object(object)
    }
}
