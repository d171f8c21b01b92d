import Diagnostics
import JSONValue

/// Every transition target (`Next`, a choice rule's `Next`, `Default`, a catcher's
/// `Next`) names a state of the same scope: a branch cannot jump out of its Parallel.
struct NextUnknownStateRule: ValidationRule {
    static let id = DiagnosticID("validation", "next-unknown-state")

    func check(_ context: inout ValidationContext) {
        for state in context.index.states {
            let scope = context.index.scopes[state.scope]
            for (field, pointer) in Self.targets(of: state) {
                guard case .string(let name)? = pointer.resolve(in: .object(state.value)), !scope.names.contains(name)
                else { continue }
                var notes: [Diagnostic.Note] = []
                if let suggestion = Suggestion.nearest(to: name, in: scope.names),
                    let declared = scope.states.first(where: { $0.name == suggestion })
                {
                    notes.append(Diagnostic.Note(
                        "state \"\(suggestion)\" is declared here", at: context.document.location(of: declared.pointer, atKey: true)))
                } else if let other = context.index.states.first(where: { $0.name == name }) {
                    notes.append(Diagnostic.Note(
                        "a state \"\(name)\" exists in another scope; a transition cannot leave its branch or item processor",
                        at: context.document.location(of: other.pointer, atKey: true)))
                }
                context.report(
                    Self.id, code: AWSCode.missingTarget,
                    "\"\(field)\" names state \"\(name)\", which does not exist"
                        + Suggestion.didYouMean(name, in: scope.names.sorted()),
                    at: state.pointer.appending(pointer), notes: notes)
            }
        }
    }

    /// The transition fields of a state, relative to the state: (field name, pointer).
    static func targets(of state: DefinitionIndex.State) -> [(String, JSONPointer)] {
        var result: [(String, JSONPointer)] = []
        if state.value["Next"] != nil { result.append(("Next", [.key("Next")])) }
        if state.type == "Choice" {
            if state.value["Default"] != nil { result.append(("Default", [.key("Default")])) }
            if case .array(let rules)? = state.value["Choices"] {
                for i in rules.indices { result.append(("Next", [.key("Choices"), .index(i), .key("Next")])) }
            }
        }
        if case .array(let catchers)? = state.value["Catch"] {
            for i in catchers.indices { result.append(("Next", [.key("Catch"), .index(i), .key("Next")])) }
        }
        return result
    }
}
