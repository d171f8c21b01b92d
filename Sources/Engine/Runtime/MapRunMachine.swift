import JSONValue

/// The state machine a Map Run's children run (`…:stateMachine:<machine>/<label>`), as
/// DescribeStateMachine and DescribeStateMachineForExecution show it: the distributed Map
/// state's `ItemProcessor`, read from the parent's definition, as a definition of its own
/// (`ProcessorConfig` belongs to the Map state, not to the processor's machine).
struct MapRunMachine: Sendable {
    /// The processor's definition, compact JSON.
    var definition: String
    /// STANDARD or EXPRESS, from `ProcessorConfig.ExecutionType`.
    var isExpress: Bool

    /// The distributed Map state labelled `label` in `parentDefinition` (at any depth); when
    /// no state carries that label (a generated one), the only distributed Map without a
    /// `Label`. Nil when the definition is not JSON or no such state is found.
    init?(parentDefinition: String, label: String) {
        guard let document = try? JSON.parse(parentDefinition) else { return nil }
        var labelled: [JSONObject] = []
        var unlabelled: [JSONObject] = []
        Self.collect(document, labelled: &labelled, unlabelled: &unlabelled, label: label)
        let processor: JSONObject
        if let found = labelled.first {
            processor = found
        } else if unlabelled.count == 1, let only = unlabelled.first {
            processor = only
        } else {
            return nil
        }
        var machine = JSONObject()
        for (key, value) in processor where key != "ProcessorConfig" { machine[key] = value }
        definition = JSON.object(machine).serialized(JSONStyle.compact)
        isExpress = processor["ProcessorConfig"]?["ExecutionType"]?.stringValue == "EXPRESS"
    }

    /// Walks states, Parallel branches and item processors, sorting distributed Maps' processors.
    private static func collect(_ value: JSON, labelled: inout [JSONObject], unlabelled: inout [JSONObject], label: String) {
        switch value {
        case .object(let object):
            if object["Type"]?.stringValue == "Map", case .object(let processor)? = object["ItemProcessor"],
                processor["ProcessorConfig"]?["Mode"]?.stringValue == "DISTRIBUTED"
            {
                switch object["Label"]?.stringValue {
                case label?: labelled.append(processor)
                case nil: unlabelled.append(processor)
                default: break
                }
            }
            for (_, member) in object { collect(member, labelled: &labelled, unlabelled: &unlabelled, label: label) }
        case .array(let items):
            for item in items { collect(item, labelled: &labelled, unlabelled: &unlabelled, label: label) }
        default:
            break
        }
    }
}
